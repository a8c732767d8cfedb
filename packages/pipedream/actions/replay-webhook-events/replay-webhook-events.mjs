import app from "../../returns_pack.app.mjs";

export default {
  key: "returns_pack-replay-webhook-events",
  name: "Replay Webhook Events",
  description:
    "Send a subscription every event of a time window again, flagged `replay: true`, to recover deliveries it missed. Receivers deduplicate on the event ID. [See the documentation](https://docs.returnmate.example/external-api/v1#replay-webhook-events)",
  version: "0.0.1",
  type: "action",
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
  },
  props: {
    app,
    webhookId: {
      propDefinition: [app, "webhookId"],
    },
    startTime: {
      type: "string",
      label: "Start Time",
      description: "The start of the window, as an ISO 8601 time such as `2025-03-14T00:00:00Z`.",
    },
    endTime: {
      type: "string",
      label: "End Time",
      description: "The end of the window (inclusive), as an ISO 8601 time.",
    },
  },
  async run({ $ }) {
    const { replayed } = await this.app.replayWebhook({
      $,
      webhookId: this.webhookId,
      startTime: this.startTime,
      endTime: this.endTime,
    });
    $.export(
      "$summary",
      `Replayed ${replayed} event${replayed === 1 ? "" : "s"} to ${this.webhookId}`,
    );
    return {
      replayed,
    };
  },
};
