import { instantSourceOf } from "../common/instant.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...instantSourceOf(trigger("return_processed")),
  key: "returns_pack-return-processed-instant",
  name: "New Return Processed (Instant)",
  description:
    "Emit new event when a return has been processed, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
