// The slice of json-server 0.17's programmatic API the benchmark uses (it ships no types).
declare module 'json-server' {
  import type { Server } from 'node:http';

  interface App {
    use(...handlers: unknown[]): void;
    listen(port: number, host: string, ready: () => void): Server;
  }
  export function create(): App;
  export function router(db: object): unknown;
  export function defaults(options?: { logger?: boolean; noCors?: boolean; noGzip?: boolean }): unknown[];
}
