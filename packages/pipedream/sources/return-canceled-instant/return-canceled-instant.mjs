import { instantSourceOf } from "../common/instant.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...instantSourceOf(trigger("return_canceled")),
  key: "returns_pack-return-canceled-instant",
  name: "New Return Canceled (Instant)",
  description:
    "Emit new event when a return or repair is canceled, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
