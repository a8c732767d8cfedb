import app from "../../returns_pack.app.mjs";
import { fieldProps, formOf } from "../../common/props.mjs";
import { operation } from "../../dist/returns-client.mjs";

const spec = operation("list_rmas");

export default {
  key: "returns_pack-list-rmas",
  name: "List RMAs",
  description:
    "List RMAs, newest first, with filters. [See the documentation](https://docs.returnmate.example/external-api/v1#list-rmas)",
  version: "0.0.1",
  type: "action",
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: true,
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
