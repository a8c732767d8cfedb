import { pollingSourceOf } from "../common/polling.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...pollingSourceOf(trigger("new_event")),
  key: "returns_pack-new-event",
  name: "New Event",
  description:
    "Emit new event when any event of the chosen types happens (every event when none is chosen), checked on a schedule, for accounts that cannot receive webhooks. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
