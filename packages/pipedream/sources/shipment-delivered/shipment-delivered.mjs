import { pollingSourceOf } from "../common/polling.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...pollingSourceOf(trigger("shipment_delivered")),
  key: "returns_pack-shipment-delivered",
  name: "New Shipment Delivered",
  description:
    "Emit new event when a return shipment is delivered, checked on a schedule, for accounts that cannot receive webhooks. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
