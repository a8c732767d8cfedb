// What connectors ship as sample data (Zapier `sample`, Pipedream `sampleEmit`, n8n previews).
// Test-only material (vendor seeds, golden vectors with their secrets) stays in ../fixtures.
export { SAMPLE_OFFLINE_REPAIR, SAMPLE_TRADE_RETURN } from './rmas';
export { SAMPLE_EVENT_TIME, sampleEvent } from './events';
