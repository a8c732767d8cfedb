import { pollingSourceOf } from "../common/polling.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...pollingSourceOf(trigger("trade_return_credit_request")),
  key: "returns_pack-trade-return-credit-request",
  name: "New Trade Return Credit Requested",
  description:
    "Emit new event when a credit is requested for a trade return, checked on a schedule, for accounts that cannot receive webhooks. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
