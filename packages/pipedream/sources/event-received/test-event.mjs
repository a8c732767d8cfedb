import { sampleEvent } from "../../dist/returns-client.mjs";

export default sampleEvent("return.created");
