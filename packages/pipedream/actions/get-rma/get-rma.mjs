import app from "../../returns_pack.app.mjs";
import { fieldProps, formOf } from "../../common/props.mjs";
import { operation } from "../../dist/returns-client.mjs";

const spec = operation("get_rma");

export default {
  key: "returns_pack-get-rma",
  name: "Get RMA",
  description:
    "Get an RMA by ID. [See the documentation](https://docs.returnmate.example/external-api/v1#get-an-rma)",
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
