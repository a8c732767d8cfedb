import { actionOf } from "../../common/action.mjs";
import { operation } from "../../dist/returns-client.mjs";

export default {
  ...actionOf(operation("list_webhook_deliveries")),
  key: "returns_pack-list-webhook-deliveries",
  name: "List Webhook Deliveries",
  description:
    "List the delivery attempts of a webhook subscription. [See the documentation](https://docs.returnmate.example/external-api/v1#deliveries)",
  version: "0.0.1",
  type: "action",
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: true,
  },
};
