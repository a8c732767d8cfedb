import { instantSource, instantProps } from "../common/instant.mjs";
import { sampleEmitOf } from "../common/base.mjs";
import { trigger as triggerOf } from "../../common/catalogue.mjs";

const trigger = triggerOf("trade_return_credited");

export default {
  ...instantSource,
  key: "returns_pack-trade-return-credited-instant",
  name: "New Trade Return Credited (Instant)",
  description:
    "Emit new event when a trade return is credited, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
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
