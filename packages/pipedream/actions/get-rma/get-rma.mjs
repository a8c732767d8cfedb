import { actionOf } from "../../common/action.mjs";
import { operation } from "../../dist/returns-client.mjs";

export default {
  ...actionOf(operation("get_rma")),
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
};
