import common from "../common/polling.mjs";
import chosenTypes from "../common/chosen-types.mjs";
import sampleEmit from "./test-event.mjs";

export default {
  ...common,
  key: "returns_pack-event-received",
  name: "New Event",
  description:
    "Emit new event for every event of the chosen types (all of them by default), checked on a schedule, for accounts that cannot receive webhooks. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
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
