import { ConfigurationError } from "@pipedream/platform";
import {
  createKeyValueReplayStore,
  receiveDelivery,
  seenEventsIn,
  subscribesItself,
  triggerFields,
} from "../../dist/returns-client.mjs";
import { DB_KEYS } from "../../common/constants.mjs";
import { fieldProps } from "../../common/props.mjs";
import { sampleEmitOf, sourceBase } from "./base.mjs";

/**
 * Instant sources: every delivery goes through the catalogue's one receive path (verified on the raw
 * body with every secret the source holds, filtered to its events, deduplicated on the event id)
 * before anything is emitted. With the Returns API as sender the source subscribes itself on
 * activate, one subscription per deployed source, and unsubscribes on deactivate; other senders
 * are set up at the vendor with this source's URL and the secret copied into Signing Secret.
 */
export const instantSource = {
  ...sourceBase,
  props: {
    ...sourceBase.props,
    http: {
      type: "$.interface.http",
      customResponse: true,
    },
  },
  hooks: {
    async deploy() {
      const settings = this.instantSettings();
      // Only the Returns API has an event log to show samples from.
      if (subscribesItself(settings.sender)) await this.emitRecentEvents(settings.events);
    },
    async activate() {
      const settings = this.instantSettings();
      if (!subscribesItself(settings.sender)) {
        if (!settings.signingSecret) {
          throw new ConfigurationError(
            "Signing Secret is required for this sender: copy it from the sender's webhook settings.",
          );
        }
        return;
      }
      const subscription = await this.app.subscribe({
        settings,
        url: this.http.endpoint,
        description: `Pipedream: ${this.getTrigger().label}`,
      });
      this.db.set(DB_KEYS.SUBSCRIPTION, subscription);
    },
    async deactivate() {
      const subscription = this.db.get(DB_KEYS.SUBSCRIPTION);
      // Already deleted (by hand, or by an earlier deactivate) is fine: the goal is that it is gone.
      await this.app.unsubscribe({
        webhookId: subscription?.id,
      });
      this.db.set(DB_KEYS.SUBSCRIPTION, null);
    },
  },
  methods: {
    ...sourceBase.methods,
    instantSettings() {
      return this.settings(triggerFields(this.getTrigger()));
    },
    /** What this source keeps in `db` between deliveries: seen event ids and JWT nonces. */
    receiveStores() {
      return {
        seen: seenEventsIn(
          () => this.db.get(DB_KEYS.SEEN_EVENTS),
          (ids) => this.db.set(DB_KEYS.SEEN_EVENTS, ids),
        ),
        replayStore: createKeyValueReplayStore(this.db),
      };
    },
  },
  async run(request) {
    const receipt = await receiveDelivery(
      {
        headers: request.headers,
        rawBody: request.bodyRaw,
      },
      this.instantSettings(),
      [this.db.get(DB_KEYS.SUBSCRIPTION)?.secret, this.signingSecret],
      this.receiveStores(),
    );
    if (receipt.outcome === "refused") {
      // The reason only: never the request, which may carry the secret (a bearer token).
      console.log(`Refused a webhook delivery: ${receipt.reason}`);
      this.http.respond({
        status: receipt.status,
        body: {
          error: receipt.reason,
        },
      });
      return;
    }
    this.http.respond({
      status: receipt.status,
      body: {
        received: receipt.event.id,
        ...(receipt.outcome === "ignored" && {
          ignored: receipt.reason,
        }),
      },
    });
    if (receipt.outcome === "accepted") this.emitEvent(receipt.event);
  },
};

/** The instant source of a catalogue trigger: its settings as props; the file adds its identity. */
export function instantSourceOf(trigger) {
  return {
    ...instantSource,
    props: {
      ...instantSource.props,
      ...fieldProps(triggerFields(trigger)),
    },
    methods: {
      ...instantSource.methods,
      getTrigger: () => trigger,
    },
    sampleEmit: sampleEmitOf(trigger),
  };
}
