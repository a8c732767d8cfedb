import { pollingSourceOf } from "../common/polling.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...pollingSourceOf(trigger("offline_repair_status_changed")),
  key: "returns_pack-offline-repair-status-changed",
  name: "New Offline Repair Status Changed",
  description:
    "Emit new event when an offline repair changes status, checked on a schedule, for accounts that cannot receive webhooks. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
