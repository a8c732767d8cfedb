import { instantSource, instantProps } from "../common/instant.mjs";
import { sampleEmitOf } from "../common/base.mjs";
import { trigger as triggerOf } from "../../common/catalogue.mjs";

const trigger = triggerOf("offline_repair_status_changed");

export default {
  ...instantSource,
  key: "returns_pack-offline-repair-status-changed-instant",
  name: "New Offline Repair Status Changed (Instant)",
  description:
    "Emit new event when an offline repair changes status, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
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
