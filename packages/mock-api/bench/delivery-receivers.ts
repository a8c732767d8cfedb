import { Worker } from 'node:worker_threads';

/**
 * Receivers for the delivery bench, in a worker thread so that answering does not steal the event
 * loop of the sender being measured. Each receipt is reported as [event id, epoch ms, high resolution].
 */
const RECEIVER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
let batch = [];
const flush = () => { if (batch.length) { parentPort.postMessage({ receipts: batch }); batch = []; } };
setInterval(flush, 5).unref();
const servers = [];
let ready = 0;
const ports = [];
for (let i = 0; i < workerData.count; i++) {
  const server = http.createServer({ keepAliveTimeout: 30000 }, (req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      batch.push([req.headers['x-webhook-id'], performance.timeOrigin + performance.now()]);
      res.writeHead(204).end();
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1', () => {
    ports[i] = server.address().port;
    if (++ready === workerData.count + (workerData.trickle || 0)) parentPort.postMessage({ ports });
  });
}
// Trickling receivers: 200 at once, then one body byte every trickleMs, never ending.
const trickleTimers = new Set();
for (let i = 0; i < (workerData.trickle || 0); i++) {
  const server = http.createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), workerData.trickleMs);
      trickleTimers.add(timer);
      res.on('close', () => { clearInterval(timer); trickleTimers.delete(timer); });
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1', () => {
    ports[workerData.count + i] = server.address().port;
    if (++ready === workerData.count + workerData.trickle) parentPort.postMessage({ ports });
  });
}
parentPort.on('message', (m) => { if (m === 'close') { flush(); for (const t of trickleTimers) clearInterval(t); for (const s of servers) { s.closeAllConnections(); s.close(); } process.exit(0); } });
`;

export interface BenchReceivers {
  urls: string[];
  /** Receivers that answer 200 and then trickle their body a byte at a time, forever. */
  tricklingUrls: string[];
  /** Called for every receipt: the event id and when it arrived (epoch ms, sub-millisecond). */
  onReceipt: (handler: (eventId: string, atMs: number) => void) => void;
  close(): Promise<void>;
}

export function startBenchReceivers(
  count: number,
  trickling: { count: number; intervalMs: number } = { count: 0, intervalMs: 0 },
): Promise<BenchReceivers> {
  const worker = new Worker(RECEIVER_SOURCE, {
    eval: true,
    workerData: { count, trickle: trickling.count, trickleMs: trickling.intervalMs },
  });
  let handler: (eventId: string, atMs: number) => void = () => {};
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { ports?: number[]; receipts?: [string, number][] }) => {
      if (message.receipts) for (const [id, at] of message.receipts) handler(id, at);
      if (message.ports) {
        resolve({
          urls: message.ports.slice(0, count).map((port) => `http://127.0.0.1:${port}/hook`),
          tricklingUrls: message.ports.slice(count).map((port) => `http://127.0.0.1:${port}/hook`),
          onReceipt: (h) => (handler = h),
          close: () =>
            new Promise((done) => {
              worker.once('exit', () => done());
              worker.postMessage('close');
            }),
        });
      }
    });
  });
}
