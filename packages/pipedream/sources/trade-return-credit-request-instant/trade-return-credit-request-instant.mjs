import { instantSourceOf } from "../common/instant.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...instantSourceOf(trigger("trade_return_credit_request")),
  key: "returns_pack-trade-return-credit-request-instant",
  name: "New Trade Return Credit Requested (Instant)",
  description:
    "Emit new event when a credit is requested for a trade return, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
