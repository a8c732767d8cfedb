import common from "../common/webhook.mjs";
import sampleEmit from "./test-event.mjs";

export default {
  ...common,
  key: "returns_pack-return-created-instant",
  name: "New Return Created (Instant)",
  description:
    "Emit new event when a return or repair is created, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
  methods: {
    ...common.methods,
    getEventTypes() {
      return ["return.created"];
    },
  },
  sampleEmit,
};
