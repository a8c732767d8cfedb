import { actionOf } from "../../common/action.mjs";
import { operation } from "../../dist/returns-client.mjs";

export default {
  ...actionOf(operation("send_webhook_test_event")),
  key: "returns_pack-send-webhook-test-event",
  name: "Send Webhook Test Event",
  description:
    "Send a test event to a webhook subscription. [See the documentation](https://docs.returnmate.example/external-api/v1#test-event)",
  version: "0.0.1",
  type: "action",
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
  },
};
