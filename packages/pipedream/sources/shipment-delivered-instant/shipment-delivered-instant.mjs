import { instantSourceOf } from "../common/instant.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...instantSourceOf(trigger("shipment_delivered")),
  key: "returns_pack-shipment-delivered-instant",
  name: "New Shipment Delivered (Instant)",
  description:
    "Emit new event when a return shipment is delivered, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
