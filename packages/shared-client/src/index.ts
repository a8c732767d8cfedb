export * from './contract';
export * from './client';
export * from './platform';
export * from './webhooks';
export * from './fixtures';
