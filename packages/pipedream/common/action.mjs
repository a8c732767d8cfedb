import { fieldProps, formOf } from "./props.mjs";
import app from "../returns_pack.app.mjs";

/**
 * The action of a catalogue operation: its fields as props, and a run that hands them to the
 * operation under the catalogue's field keys and exports its summary. The file adds its identity.
 */
export function actionOf(operation) {
  return {
    props: {
      app,
      ...fieldProps(operation.fields),
    },
    async run({ $ }) {
      const result = await this.app.runOperation({
        $,
        operation,
        form: formOf(this, operation.fields),
      });
      $.export("$summary", operation.summary(result));
      return result;
    },
  };
}
