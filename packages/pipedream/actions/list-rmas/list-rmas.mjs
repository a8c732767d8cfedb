import app from "../../returns_pack.app.mjs";
import { compact, optionalText } from "../../common/inputs.mjs";

export default {
  key: "returns_pack-list-rmas",
  name: "List RMAs",
  description:
    "List trade returns and offline repairs, newest first, following pages up to **Max Results**. [See the documentation](https://docs.returnmate.example/external-api/v1#list-rmas)",
  version: "0.0.1",
  type: "action",
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: true,
  },
  props: {
    app,
    status: {
      propDefinition: [app, "status"],
      optional: true,
      default: "",
    },
    kind: {
      propDefinition: [app, "kind"],
      optional: true,
      default: "",
    },
    customerEmail: {
      type: "string",
      label: "Customer Email",
      description: "Only RMAs of this customer.",
      optional: true,
      default: "",
    },
    createdAfter: {
      type: "string",
      label: "Created After",
      description: "Only RMAs created after this ISO 8601 time, such as `2025-03-01T00:00:00Z`.",
      optional: true,
      default: "",
    },
    createdBefore: {
      type: "string",
      label: "Created Before",
      description: "Only RMAs created before this ISO 8601 time.",
      optional: true,
      default: "",
    },
    onlyBreached: {
      type: "boolean",
      label: "Only Breached",
      description: "Only RMAs that missed their SLA.",
      optional: true,
      default: false,
    },
    maxResults: {
      propDefinition: [app, "maxResults"],
      optional: true,
      default: 50,
    },
  },
  async run({ $ }) {
    const rmas = await this.app.listRmas({
      $,
      filters: compact({
        status: optionalText(this.status),
        kind: optionalText(this.kind),
        customer_email: optionalText(this.customerEmail),
        created_after: optionalText(this.createdAfter),
        created_before: optionalText(this.createdBefore),
        breached: this.onlyBreached ? true : undefined,
        limit: Math.min(this.maxResults ?? 50, 100),
      }),
      max: this.maxResults ?? 50,
    });
    $.export("$summary", `Found ${rmas.length} RMA${rmas.length === 1 ? "" : "s"}`);
    return rmas;
  },
};
