import app from "../../returns_pack.app.mjs";

export default {
  key: "returns_pack-get-rma",
  name: "Get RMA",
  description:
    "Get one RMA (a trade return or an offline repair) by its ID, with its status history. [See the documentation](https://docs.returnmate.example/external-api/v1#get-an-rma)",
  version: "0.0.1",
  type: "action",
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: true,
  },
  props: {
    app,
    rmaId: {
      propDefinition: [app, "rmaId"],
    },
  },
  async run({ $ }) {
    const rma = await this.app.getRma({
      $,
      rmaId: this.rmaId,
    });
    $.export("$summary", `Retrieved RMA ${rma.id} (${rma.status})`);
    return rma;
  },
};
