import app from "../../returns_pack.app.mjs";
import { compact, optionalObject, optionalText } from "../../common/inputs.mjs";

export default {
  key: "returns_pack-create-offline-repair",
  name: "Create Offline Repair",
  description:
    "Create an offline repair for a device taken in at the counter; it starts as `COUNTER_SWAPPED`. [See the documentation](https://docs.returnmate.example/external-api/v1#create-an-offline-repair)",
  version: "0.0.1",
  type: "action",
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
  },
  props: {
    app,
    serial: {
      type: "string",
      label: "Serial Number",
      description: "The device's serial number.",
    },
    faultDescription: {
      type: "string",
      label: "Fault Description",
      description: "What is wrong with the device, in the customer's words.",
    },
    customerEmail: {
      propDefinition: [app, "customerEmail"],
    },
    customerName: {
      propDefinition: [app, "customerName"],
      optional: true,
      default: "",
    },
    product: {
      type: "string",
      label: "Product",
      description: "The product's name, such as `Tablet Pro 11`.",
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
    const rma = await this.app.createOfflineRepair({
      $,
      body: compact({
        serial: this.serial,
        fault_description: this.faultDescription,
        customer_email: this.customerEmail,
        customer_name: optionalText(this.customerName),
        product: optionalText(this.product),
        metadata: optionalObject(this.metadata, "Metadata"),
      }),
    });
    $.export("$summary", `Created offline repair ${rma.id} for serial ${rma.serial}`);
    return rma;
  },
};
