import { actionOf } from "../../common/action.mjs";
import { operation } from "../../dist/returns-client.mjs";

export default {
  ...actionOf(operation("list_rmas")),
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
};
