import { pollingSource, pollingProps } from "../common/polling.mjs";
import { sampleEmitOf } from "../common/base.mjs";
import { trigger as triggerOf } from "../../common/catalogue.mjs";

const trigger = triggerOf("return_completed");

export default {
  ...pollingSource,
  key: "returns_pack-return-completed",
  name: "New Return Completed",
  description:
    "Emit new event when a return or repair is completed and closed, checked on a schedule, for accounts that cannot receive webhooks. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
  props: {
    ...pollingSource.props,
    ...pollingProps(trigger),
  },
  methods: {
    ...pollingSource.methods,
    getTrigger() {
      return trigger;
    },
  },
  sampleEmit: sampleEmitOf(trigger),
};
