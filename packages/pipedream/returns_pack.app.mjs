import { axios } from "@pipedream/platform";
import {
  RATE_LIMIT_POLICY,
  collect,
  createReturnsClient,
  operation,
  resolveBaseUrl,
  subscribe,
  unsubscribe,
} from "./dist/returns-client.mjs";
import { USER_AGENT } from "./common/constants.mjs";
import { pagedOptions } from "./common/options.mjs";
import { toPipedreamError } from "./common/errors.mjs";

// The catalogue's wording for the two dropdowns; a component's prop may override it.
const [rmaField] = operation("get_rma").fields;
const [webhookField] = operation("replay_webhook_events").fields;

export default {
  type: "app",
  app: "returns_pack",
  propDefinitions: {
    rmaId: {
      type: "string",
      label: rmaField.label,
      description: rmaField.help,
      options({ prevContext }) {
        return pagedOptions(
          prevContext,
          (filters) =>
            this.call({
              work: (client) => client.rmas.list(filters),
            }),
          (rma) => ({
            label: `${rma.id} · ${rma.status} · ${rma.customer.email}`,
            value: rma.id,
          }),
        );
      },
    },
    webhookId: {
      type: "string",
      label: webhookField.label,
      description: webhookField.help,
      options({ prevContext }) {
        return pagedOptions(
          prevContext,
          (filters) =>
            this.call({
              work: (client) => client.webhooks.list(filters),
            }),
          (webhook) => ({
            label: `${webhook.description ?? webhook.url} (${webhook.events.join(", ")})`,
            value: webhook.id,
          }),
        );
      },
    },
  },
  methods: {
    /**
     * The shared client over the platform's own HTTP helper, with the pack's one 429 policy (the
     * client's pacer: waits out a Retry-After of up to 20 s, three attempts; the platform's `axios`
     * does not retry).
     */
    _client($ = this) {
      return createReturnsClient({
        baseUrl: resolveBaseUrl(this.$auth.base_url),
        apiKey: this.$auth.api_key,
        transport: this._transport($),
        userAgent: USER_AGENT,
        pace: {
          ...RATE_LIMIT_POLICY,
          sleep: (ms) => this._sleep(ms),
        },
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
    /** Runs `work(client)`, turning any error into one the person configuring the step can act on. */
    async call({ $, work }) {
      try {
        // Inside the try: a malformed base URL or a missing key is a configuration error too.
        return await work(this._client($));
      } catch (error) {
        throw toPipedreamError(error);
      }
    },
    /** A catalogue operation: the form (keyed by the catalogue's field keys) read and sent by its rules. */
    runOperation({ $, operation, form }) {
      return this.call({
        $,
        work: (client) => operation.run(client, form),
      });
    },
    subscribe({ settings, url, description }) {
      return this.call({
        work: (client) => subscribe(client, settings, url, description),
      });
    },
    unsubscribe({ webhookId }) {
      return this.call({
        work: (client) => unsubscribe(client, webhookId),
      });
    },
    listEvents({ filters, max }) {
      return this.call({
        work: (client) => collect(client.events.iterate(filters), max),
      });
    },
  },
};
