import { instantSource, instantProps } from "../common/instant.mjs";
import { sampleEmitOf } from "../common/base.mjs";
import { trigger as triggerOf } from "../../common/catalogue.mjs";

const trigger = triggerOf("new_return");

export default {
  ...instantSource,
  key: "returns_pack-new-return-instant",
  name: "New Return (Instant)",
  description:
    "Emit new event when a return or repair is created, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
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
