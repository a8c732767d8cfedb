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
    if (++ready === workerData.count) parentPort.postMessage({ ports });
  });
}
parentPort.on('message', (m) => { if (m === 'close') { flush(); for (const s of servers) { s.closeAllConnections(); s.close(); } process.exit(0); } });
`;

export interface BenchReceivers {
  urls: string[];
  /** Called for every receipt: the event id and when it arrived (epoch ms, sub-millisecond). */
  onReceipt: (handler: (eventId: string, atMs: number) => void) => void;
  close(): Promise<void>;
}

export function startBenchReceivers(count: number): Promise<BenchReceivers> {
  const worker = new Worker(RECEIVER_SOURCE, { eval: true, workerData: { count } });
  let handler: (eventId: string, atMs: number) => void = () => {};
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { ports?: number[]; receipts?: [string, number][] }) => {
      if (message.receipts) for (const [id, at] of message.receipts) handler(id, at);
      if (message.ports) {
        resolve({
          urls: message.ports.map((port) => `http://127.0.0.1:${port}/hook`),
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
