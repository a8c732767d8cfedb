import { instantSourceOf } from "../common/instant.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...instantSourceOf(trigger("trade_return_credited")),
  key: "returns_pack-trade-return-credited-instant",
  name: "New Trade Return Credited (Instant)",
  description:
    "Emit new event when a trade return is credited, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
