export * from './triggers';
export * from './user-message';
export * from './connection';
export * from './find-rma';
