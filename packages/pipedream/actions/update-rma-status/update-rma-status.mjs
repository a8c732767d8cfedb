import { actionOf } from "../../common/action.mjs";
import { operation } from "../../dist/returns-client.mjs";

export default {
  ...actionOf(operation("update_rma_status")),
  key: "returns_pack-update-rma-status",
  name: "Update RMA Status",
  description:
    "Move an RMA to its next status. [See the documentation](https://docs.returnmate.example/external-api/v1#transitions)",
  version: "0.0.1",
  type: "action",
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
  },
};
