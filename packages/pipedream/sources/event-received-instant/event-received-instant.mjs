import common from "../common/webhook.mjs";
import chosenTypes from "../common/chosen-types.mjs";
import sampleEmit from "./test-event.mjs";

export default {
  ...common,
  key: "returns_pack-event-received-instant",
  name: "New Event (Instant)",
  description:
    "Emit new event for every event of the chosen types (all of them by default), delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
  props: {
    ...common.props,
    ...chosenTypes.props,
  },
  methods: {
    ...common.methods,
    ...chosenTypes.methods,
  },
  sampleEmit,
};
