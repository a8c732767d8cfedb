import app from "../../returns_pack.app.mjs";
import { fieldProps, formOf } from "../../common/props.mjs";
import { operation } from "../../dist/returns-client.mjs";

const spec = operation("create_trade_return");

export default {
  key: "returns_pack-create-trade-return",
  name: "Create Trade Return",
  description:
    "Create a trade return. [See the documentation](https://docs.returnmate.example/external-api/v1#create-a-trade-return)",
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
