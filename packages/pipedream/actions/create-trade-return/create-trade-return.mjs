import app from "../../returns_pack.app.mjs";
import {
  compact,
  optionalAmount,
  optionalObject,
  optionalText,
  parseObjectList,
} from "../../common/inputs.mjs";

export default {
  key: "returns_pack-create-trade-return",
  name: "Create Trade Return",
  description:
    "Create a trade return (an RMA for items a customer sends back). [See the documentation](https://docs.returnmate.example/external-api/v1#create-a-trade-return)",
  version: "0.0.1",
  type: "action",
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
  },
  props: {
    app,
    customerEmail: {
      propDefinition: [app, "customerEmail"],
    },
    items: {
      type: "string[]",
      label: "Items",
      description:
        'One JSON object per returned product (1 to 100), e.g. `{"sku": "TSHIRT-M-BLUE", "quantity": 2, "reason": "Too big", "unit_price": 24.99}`. `reason` and `unit_price` are optional.',
    },
    customerName: {
      propDefinition: [app, "customerName"],
      optional: true,
      default: "",
    },
    customerCompany: {
      type: "string",
      label: "Customer Company",
      description: "The customer's company, for B2B returns.",
      optional: true,
      default: "",
    },
    returnType: {
      propDefinition: [app, "returnType"],
      description: "How the customer is compensated. Leave empty for the account's default.",
      optional: true,
      default: "",
    },
    creditAmount: {
      type: "string",
      label: "Credit Amount",
      description:
        "The credit requested for the return, in major units such as `62.48`. Requires **Credit Currency**.",
      optional: true,
      default: "",
    },
    creditCurrency: {
      type: "string",
      label: "Credit Currency",
      description: "The three-letter ISO 4217 code of the credit, such as `EUR`.",
      optional: true,
      default: "",
    },
    requiresLabel: {
      type: "boolean",
      label: "Requires Label",
      description: "Whether the customer needs a return shipping label.",
      optional: true,
      default: false,
    },
    externalReference: {
      type: "string",
      label: "External Reference",
      description: "Your own reference for the return, such as the order number in your ERP.",
      optional: true,
      default: "",
    },
    metadata: {
      propDefinition: [app, "metadata"],
      optional: true,
      default: {},
    },
  },
  async run({ $ }) {
    const amount = optionalAmount(this.creditAmount, "Credit Amount");
    const currency = optionalText(this.creditCurrency);
    const rma = await this.app.createTradeReturn({
      $,
      body: compact({
        customer: compact({
          email: this.customerEmail,
          name: optionalText(this.customerName),
          company: optionalText(this.customerCompany),
        }),
        items: parseObjectList(this.items, "Items"),
        credit_requested:
          amount === undefined && currency === undefined
            ? undefined
            : {
                amount,
                currency,
              },
        requires_label: this.requiresLabel,
        return_type: optionalText(this.returnType),
        external_reference: optionalText(this.externalReference),
        metadata: optionalObject(this.metadata, "Metadata"),
      }),
    });
    $.export("$summary", `Created trade return ${rma.id} for ${rma.customer.email}`);
    return rma;
  },
};
