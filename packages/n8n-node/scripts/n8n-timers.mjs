// Injected into the vendored bundle in place of the global setTimeout (see bundle.mjs).
import { sleep } from 'n8n-workflow';

function callAfterSleep(callback, ms, ...args) {
  void sleep(ms).then(() => callback(...args));
}

export { callAfterSleep as setTimeout };
