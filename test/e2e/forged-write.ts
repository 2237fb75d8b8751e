// A tampered client, run as its own process (Node 20's WebSocket needs --experimental-websocket, which the e2e
// runner does not pass): connects to a team server with an invitation and writes one record straight into the
// shared dossier's Y.Doc, bypassing the app. Prints "sent" once the update has left, then exits.
//   node --experimental-websocket --import tsx test/e2e/forged-write.ts URL DOSSIER TOKEN TABLE RECORD_JSON
import * as Y from 'yjs';
import { tableMap } from '../../src-renderer/lib/sync/doc-model';
import type { SyncedTable } from '../../src-renderer/lib/db/sync-bridge';
import { connect } from '../unit/src-main/server/client';

const [url, dossier, token, table, json] = process.argv.slice(2) as [
  string,
  string,
  string,
  SyncedTable,
  string,
];
const client = connect(url, dossier, token);
await client.ready;
const record = JSON.parse(json) as { id: string } & Record<string, unknown>;
const fields = new Y.Map<unknown>();
for (const [k, v] of Object.entries(record)) fields.set(k, v);
tableMap(client.doc, table).set(record.id, fields);
// A reader's update is dropped by the server, which never acknowledges it: give the socket time to send it.
await new Promise((r) => setTimeout(r, 1500));
console.log('sent');
client.close();
process.exit(0);
