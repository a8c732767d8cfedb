// zapier-platform-core reads NODE_ENV once, when it loads: in test mode it runs its output checks
// (a hook's perform must answer an array of objects with ids) and does not print a memory report
// on stdout for every call, which would break `--json`. Imported first by the Zapier connector.
process.env.NODE_ENV = 'test';
