// Servers and child processes start in these tests; on a busy machine 5 s (jest's default) is short.
jest.setTimeout(30_000);
