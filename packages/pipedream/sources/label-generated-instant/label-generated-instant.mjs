import { instantSourceOf } from "../common/instant.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...instantSourceOf(trigger("label_generated")),
  key: "returns_pack-label-generated-instant",
  name: "New Label Generated (Instant)",
  description:
    "Emit new event when a return shipping label is generated, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
