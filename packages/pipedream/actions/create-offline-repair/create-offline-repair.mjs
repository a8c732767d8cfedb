import { actionOf } from "../../common/action.mjs";
import { operation } from "../../dist/returns-client.mjs";

export default {
  ...actionOf(operation("create_offline_repair")),
  key: "returns_pack-create-offline-repair",
  name: "Create Offline Repair",
  description:
    "Create an offline repair. [See the documentation](https://docs.returnmate.example/external-api/v1#create-an-offline-repair)",
  version: "0.0.1",
  type: "action",
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
  },
};
