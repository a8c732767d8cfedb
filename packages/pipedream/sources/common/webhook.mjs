import { WebhookVerificationError } from "../../dist/returns-client.mjs";
import { DB_KEYS } from "../../common/constants.mjs";
import base from "./base.mjs";

/**
 * Instant sources: a webhook subscription per deployed source, created on activate and removed on
 * deactivate, and every delivery verified on its raw body before anything is emitted.
 */
export default {
  ...base,
  props: {
    ...base.props,
    http: {
      type: "$.interface.http",
      customResponse: true,
    },
  },
  hooks: {
    async deploy() {
      await this.emitRecentEvents();
    },
    async activate() {
      const subscription = await this.app.createWebhook({
        body: {
          url: this.http.endpoint,
          events: this._servesAllTypes() ? ["*"] : this.getEventTypes(),
          // Seed 000's default is one attempt only; retries let a brief outage heal by itself.
          retry_policy: "exponential",
          description: "Pipedream source",
        },
      });
      this._setSubscription({
        id: subscription.id,
        secret: subscription.secret,
        scheme: subscription.scheme,
      });
    },
    async deactivate() {
      const subscription = this._getSubscription();
      // Already deleted (by hand, or by an earlier deactivate) is fine: the goal is that it is gone.
      if (subscription?.id) {
        await this.app.deleteWebhook({
          webhookId: subscription.id,
        });
      }
      this._setSubscription(null);
    },
  },
  methods: {
    ...base.methods,
    _getSubscription() {
      return this.db.get(DB_KEYS.SUBSCRIPTION) ?? null;
    },
    _setSubscription(subscription) {
      this.db.set(DB_KEYS.SUBSCRIPTION, subscription);
    },
    /** The verified event, or null once the sender has been told why it was refused. */
    async _verify(request) {
      const subscription = this._getSubscription();
      if (!subscription?.secret) {
        // Fail closed: without the secret nothing can be verified, so nothing is trusted.
        this.http.respond({
          status: 401,
          body: {
            error: "not_subscribed",
          },
        });
        return null;
      }
      try {
        return await this.app.verifyDelivery({
          headers: request.headers,
          bodyRaw: request.bodyRaw,
          scheme: subscription.scheme,
          secret: subscription.secret,
        });
      } catch (error) {
        if (!(error instanceof WebhookVerificationError)) throw error;
        console.log(`Refused a webhook delivery: ${error.reason}`);
        this.http.respond({
          status: error.status,
          body: {
            error: error.reason,
          },
        });
        return null;
      }
    },
  },
  async run(request) {
    const event = await this._verify(request);
    if (!event) return;
    this.http.respond({
      status: 200,
      body: {
        received: event.id,
      },
    });
    if (this.isRelevant(event)) this.emitEvent(event);
  },
};
