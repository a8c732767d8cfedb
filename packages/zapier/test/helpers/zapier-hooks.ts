// The hook helpers moved to the package's harness; test/runtime still imports them from here.
export * from '../../harness/hooks';
