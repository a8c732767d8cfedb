import { actionOf } from "../../common/action.mjs";
import { operation } from "../../dist/returns-client.mjs";

export default {
  ...actionOf(operation("find_rma")),
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
};
