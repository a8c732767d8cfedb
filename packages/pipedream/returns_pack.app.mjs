import { axios } from "@pipedream/platform";
import { randomUUID } from "node:crypto";
import {
  NotFoundError,
  RETURN_TYPES,
  RMA_KINDS,
  RMA_STATUSES,
  collect,
  createReturnsClient,
  eventTypeOptions,
  verifyWebhook,
} from "./dist/returns-client.mjs";
import { USER_AGENT } from "./common/constants.mjs";
import { pagedOptions } from "./common/options.mjs";
import { toPipedreamError } from "./common/errors.mjs";
import { retryAfterRateLimit } from "./common/rate-limit.mjs";

export default {
  type: "app",
  app: "returns_pack",
  propDefinitions: {
    customerEmail: {
      type: "string",
      label: "Customer Email",
      description: "The customer's e-mail address.",
    },
    customerName: {
      type: "string",
      label: "Customer Name",
      description: "The customer's full name.",
    },
    rmaId: {
      type: "string",
      label: "RMA ID",
      description: "The RMA to use, e.g. `rma_8f2k3j9x`. Pick one from the list or enter an ID.",
      options({ prevContext }) {
        return pagedOptions(
          prevContext,
          (filters) => this.listRmaPage({ filters }),
          (rma) => ({
            label: `${rma.id} · ${rma.status} · ${rma.customer.email}`,
            value: rma.id,
          }),
        );
      },
    },
    webhookId: {
      type: "string",
      label: "Webhook Subscription ID",
      description:
        "The webhook subscription, e.g. `wh_3k9d2`. Pick one from the list or enter an ID.",
      options({ prevContext }) {
        return pagedOptions(
          prevContext,
          (filters) => this.listWebhookPage({ filters }),
          (webhook) => ({
            label: `${webhook.description ?? webhook.url} (${webhook.events.join(", ")})`,
            value: webhook.id,
          }),
        );
      },
    },
    status: {
      type: "string",
      label: "Status",
      description: "Only RMAs in this status.",
      options: RMA_STATUSES,
    },
    kind: {
      type: "string",
      label: "Kind",
      description: "Only trade returns, or only offline repairs.",
      options: RMA_KINDS.map((value) => ({
        label: value === "trade_return" ? "Trade return" : "Offline repair",
        value,
      })),
    },
    returnType: {
      type: "string",
      label: "Return Type",
      description: "How the customer is compensated.",
      options: RETURN_TYPES,
    },
    eventTypes: {
      type: "string[]",
      label: "Event Types",
      description: "The events to emit.",
      options: eventTypeOptions().map(({ label, value }) => ({
        label,
        value,
      })),
    },
    maxResults: {
      type: "integer",
      label: "Max Results",
      description: "The most RMAs to return, across as many pages as it takes.",
      min: 1,
      max: 1000,
    },
    metadata: {
      type: "object",
      label: "Metadata",
      description:
        'Your own references as text key/value pairs (at most 50 keys), e.g. `{"erp_order": "SO-10442"}`.',
    },
  },
  methods: {
    /** The shared client over the platform's own HTTP helper (`axios` from @pipedream/platform). */
    _client($ = this) {
      return createReturnsClient({
        baseUrl: this.$auth.base_url,
        apiKey: this.$auth.api_key,
        transport: this._transport($),
        userAgent: USER_AGENT,
      });
    },
    _transport($) {
      return async ({ method, url, headers, body }) => {
        // Query values travel as `params`: the platform's own query-string parsing mangles some.
        const target = new URL(url);
        const response = await axios($, {
          method,
          url: `${target.origin}${target.pathname}`,
          params: Object.fromEntries(target.searchParams),
          headers,
          data: body,
          // The client maps non-2xx answers to typed errors itself.
          returnFullResponse: true,
          validateStatus: () => true,
        });
        return {
          status: response.status,
          headers: {
            ...response.headers,
          },
          body: response.data,
        };
      };
    },
    _sleep(ms) {
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
    /** Runs one client operation, retrying a 429 and turning errors into ones a user can act on. */
    async _call($, operation) {
      try {
        // Inside the try: a malformed base URL or a missing key is a configuration error too.
        const client = this._client($);
        return await retryAfterRateLimit(
          () => operation(client),
          (ms) => this._sleep(ms),
        );
      } catch (error) {
        throw toPipedreamError(error);
      }
    },
    createTradeReturn({ $, body }) {
      const idempotencyKey = randomUUID();
      return this._call($, (client) =>
        client.tradeReturns.create(body, {
          idempotencyKey,
        }),
      );
    },
    createOfflineRepair({ $, body }) {
      const idempotencyKey = randomUUID();
      return this._call($, (client) =>
        client.offlineRepairs.create(body, {
          idempotencyKey,
        }),
      );
    },
    getRma({ $, rmaId }) {
      return this._call($, (client) => client.rmas.get(rmaId));
    },
    listRmaPage({ $, filters }) {
      return this._call($, (client) => client.rmas.list(filters));
    },
    listRmas({ $, filters, max }) {
      return this._call($, (client) => collect(client.rmas.iterate(filters), max));
    },
    listWebhookPage({ $, filters }) {
      return this._call($, (client) => client.webhooks.list(filters));
    },
    createWebhook({ $, body }) {
      return this._call($, (client) => client.webhooks.create(body));
    },
    /** Resolves to false when the subscription is already gone: deleting is then done. */
    deleteWebhook({ $, webhookId }) {
      return this._call($, async (client) => {
        try {
          await client.webhooks.delete(webhookId);
          return true;
        } catch (error) {
          if (error instanceof NotFoundError) return false;
          throw error;
        }
      });
    },
    replayWebhook({ $, webhookId, startTime, endTime }) {
      return this._call($, (client) =>
        client.webhooks.replay(webhookId, {
          start_time: startTime,
          end_time: endTime,
        }),
      );
    },
    listEventPage({ $, filters }) {
      return this._call($, (client) => client.events.list(filters));
    },
    listEvents({ $, filters, max }) {
      return this._call($, (client) => collect(client.events.iterate(filters), max));
    },
    /** The delivery as our event envelope, or a `WebhookVerificationError` saying why not. */
    verifyDelivery({ headers, bodyRaw, scheme, secret }) {
      return verifyWebhook(
        {
          headers,
          rawBody: bodyRaw,
        },
        {
          scheme,
          secret,
        },
      );
    },
  },
};
