import { actionOf } from "../../common/action.mjs";
import { operation } from "../../dist/returns-client.mjs";

export default {
  ...actionOf(operation("generate_return_label")),
  key: "returns_pack-generate-return-label",
  name: "Generate Return Label",
  description:
    "Generate the return label of a trade return. [See the documentation](https://docs.returnmate.example/external-api/v1#labels)",
  version: "0.0.1",
  type: "action",
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
  },
};
