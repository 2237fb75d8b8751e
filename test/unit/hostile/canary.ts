// A local HTTP server standing in for "the network": hostile payloads point at it, so any script that runs
// or any resource that an importer fetches shows up here as a request.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Canary {
  url: string;
  requests: string[];
  close: () => Promise<void>;
}

export async function startCanary(): Promise<Canary> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.end('globalThis.__canary = "fetched"');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/canary/`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
