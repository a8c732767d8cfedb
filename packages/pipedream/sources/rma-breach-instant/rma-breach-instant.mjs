import { instantSourceOf } from "../common/instant.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...instantSourceOf(trigger("rma_breach")),
  key: "returns_pack-rma-breach-instant",
  name: "New RMA Breach (Instant)",
  description:
    "Emit new event when an RMA breaches its SLA, delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
