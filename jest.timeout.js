/* global jest */
// Every package's tests start servers or child processes; on a busy 2-core machine jest's default of
// 5 s is short. Set here because jest ignores `testTimeout` in a project's config when the root runs
// projects. Files that start n8n or a fresh install set longer ones themselves.
jest.setTimeout(30_000);
