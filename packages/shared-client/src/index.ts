export * from './runtime';
export * from './fixtures';
