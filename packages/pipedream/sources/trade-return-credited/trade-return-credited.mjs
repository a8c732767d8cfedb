import { pollingSourceOf } from "../common/polling.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...pollingSourceOf(trigger("trade_return_credited")),
  key: "returns_pack-trade-return-credited",
  name: "New Trade Return Credited",
  description:
    "Emit new event when a trade return is credited, checked on a schedule, for accounts that cannot receive webhooks. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
