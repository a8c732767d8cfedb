import { actionOf } from "../../common/action.mjs";
import { operation } from "../../dist/returns-client.mjs";

export default {
  ...actionOf(operation("create_trade_return")),
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
};
