import common from "../common/webhook.mjs";
import sampleEmit from "./test-event.mjs";

export default {
  ...common,
  key: "returns_pack-rma-breached-instant",
  name: "New RMA Breach (Instant)",
  description:
    "Emit new event when an RMA breaches its SLA, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
  methods: {
    ...common.methods,
    getEventTypes() {
      return ["rma.breach"];
    },
  },
  sampleEmit,
};
