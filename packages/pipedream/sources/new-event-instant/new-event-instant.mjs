import { instantSourceOf } from "../common/instant.mjs";
import { trigger } from "../../common/catalogue.mjs";

export default {
  ...instantSourceOf(trigger("new_event")),
  key: "returns_pack-new-event-instant",
  name: "New Event (Instant)",
  description:
    "Emit new event when any event of the chosen types happens (every event when none is chosen), delivered by webhook and verified. [See the documentation](https://docs.returnmate.example/external-api/v1#events)",
  version: "0.0.1",
  type: "source",
};
