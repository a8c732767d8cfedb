import { pollingSourceOf } from "../common/polling.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...pollingSourceOf(trigger("rma_breach")),
  key: "returns_pack-rma-breach",
  name: "New RMA Breach",
  description:
    "Emit new event when an RMA breaches its SLA, checked on a schedule, for accounts that cannot receive webhooks. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
