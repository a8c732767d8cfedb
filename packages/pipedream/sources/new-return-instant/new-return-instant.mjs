import { instantSourceOf } from "../common/instant.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...instantSourceOf(trigger("new_return")),
  key: "returns_pack-new-return-instant",
  name: "New Return (Instant)",
  description:
    "Emit new event when a return or repair is created, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
