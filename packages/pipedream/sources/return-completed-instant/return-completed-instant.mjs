import { instantSourceOf } from "../common/instant.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...instantSourceOf(trigger("return_completed")),
  key: "returns_pack-return-completed-instant",
  name: "New Return Completed (Instant)",
  description:
    "Emit new event when a return or repair is completed and closed, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
