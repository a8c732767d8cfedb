// What the connectors ship: everything a platform runs, and none of the test fixtures (vendor seeds,
// golden vectors with their secrets). Bundles are built from this entry.
export * from './contract';
export * from './client';
export * from './platform';
export * from './webhooks';
export * from './samples';
