import { instantSourceOf } from "../common/instant.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...instantSourceOf(trigger("offline_repair_status_changed")),
  key: "returns_pack-offline-repair-status-changed-instant",
  name: "New Offline Repair Status Changed (Instant)",
  description:
    "Emit new event when an offline repair changes status, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
