import app from "../../returns_pack.app.mjs";
import { fieldProps, formOf } from "../../common/props.mjs";
import { operation } from "../../dist/returns-client.mjs";

const spec = operation("find_rma");

export default {
  key: "returns_pack-find-rma",
  name: "Find RMA",
  description:
    "Find an RMA by ID, external reference or customer email. [See the documentation](https://docs.returnmate.example/external-api/v1#list-rmas)",
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
