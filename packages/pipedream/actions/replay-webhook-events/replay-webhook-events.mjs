import app from "../../returns_pack.app.mjs";
import { fieldProps, formOf } from "../../common/props.mjs";
import { operation } from "../../dist/returns-client.mjs";

const spec = operation("replay_webhook_events");

export default {
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
  props: {
    app,
    ...fieldProps(spec.fields),
  },
  async run({ $ }) {
    const result = await this.app.runOperation({
      $,
      operation: spec,
      form: formOf(this, spec.fields),
    });
    $.export("$summary", spec.summary(result));
    return result;
  },
};
