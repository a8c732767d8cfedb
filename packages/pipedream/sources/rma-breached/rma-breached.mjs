import common from "../common/polling.mjs";
import sampleEmit from "./test-event.mjs";

export default {
  ...common,
  key: "returns_pack-rma-breached",
  name: "New RMA Breach",
  description:
    "Emit new event when an RMA breaches its SLA, checked on a schedule, for accounts that cannot receive webhooks. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
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
