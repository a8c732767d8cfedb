import common from "../common/polling.mjs";
import sampleEmit from "./test-event.mjs";

export default {
  ...common,
  key: "returns_pack-return-created",
  name: "New Return Created",
  description:
    "Emit new event when a return or repair is created, checked on a schedule, for accounts that cannot receive webhooks. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
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
