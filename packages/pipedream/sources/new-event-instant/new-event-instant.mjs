import { instantSource, instantProps } from "../common/instant.mjs";
import { sampleEmitOf } from "../common/base.mjs";
import { trigger as triggerOf } from "../../common/catalogue.mjs";

const trigger = triggerOf("new_event");

export default {
  ...instantSource,
  key: "returns_pack-new-event-instant",
  name: "New Event (Instant)",
  description:
    "Emit new event when any event of the chosen types happens (every event when none is chosen), delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
  props: {
    ...instantSource.props,
    ...instantProps(trigger),
  },
  methods: {
    ...instantSource.methods,
    getTrigger() {
      return trigger;
    },
  },
  sampleEmit: sampleEmitOf(trigger),
};
