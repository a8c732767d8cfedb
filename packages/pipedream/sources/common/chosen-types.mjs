import app from "../../returns_pack.app.mjs";
import { EVENT_TYPES } from "../../dist/returns-client.mjs";

/** For the "any event" sources: the user picks the types, and none picked means every event. */
export default {
  props: {
    eventTypes: {
      propDefinition: [app, "eventTypes"],
      description: "The events to emit. Leave empty for every event.",
      optional: true,
      default: [],
    },
  },
  methods: {
    getEventTypes() {
      return this.eventTypes?.length ? this.eventTypes : EVENT_TYPES;
    },
  },
};
