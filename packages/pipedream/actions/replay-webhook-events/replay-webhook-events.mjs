import { actionOf } from "../../common/action.mjs";
import { operation } from "../../dist/returns-client.mjs";

export default {
  ...actionOf(operation("replay_webhook_events")),
  key: "returns_pack-replay-webhook-events",
  name: "Replay Webhook Events",
  description:
    "Replay the events of a time window to a webhook subscription. [See the documentation](https://docs.returnmate.example/external-api/v1#replay)",
  version: "0.0.1",
  type: "action",
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
  },
};
