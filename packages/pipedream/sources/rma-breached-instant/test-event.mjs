import { sampleEvent } from "../../dist/returns-client.mjs";

export default sampleEvent("rma.breach");
