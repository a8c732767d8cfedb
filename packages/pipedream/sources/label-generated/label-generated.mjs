import { pollingSourceOf } from "../common/polling.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...pollingSourceOf(trigger("label_generated")),
  key: "returns_pack-label-generated",
  name: "New Label Generated",
  description:
    "Emit new event when a return shipping label is generated, checked on a schedule, for accounts that cannot receive webhooks. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
