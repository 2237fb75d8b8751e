// PostgreSQL persistence: every accepted update is appended before Hocuspocus acknowledges it; snapshots compact the log.
import type {
  Extension,
  afterHandleMessagePayload,
  beforeHandleMessagePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { createDecoder, readVarString, readVarUint, readVarUint8Array } from 'lib0/decoding';
import type pg from 'pg';
import * as Y from 'yjs';
import type { MemberContext } from './auth';

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update a client message carries, or null for anything that does not change the document. */
export function updateFromMessage(raw: Uint8Array): Uint8Array | null {
  try {
    const decoder = createDecoder(raw);
    readVarString(decoder);
    const type = readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
    const step = readVarUint(decoder);
    if (step !== SYNC_STEP2 && step !== SYNC_UPDATE) return null;
    return readVarUint8Array(decoder);
  } catch {
    return null;
  }
}

/**
 * Appends each writer's update to dossier_updates *before* Hocuspocus applies and acknowledges it, so an
 * acknowledged change survives the server being killed. The debounced store merges the document into the
 * dossier's snapshot and deletes the log rows this instance has applied.
 */
export class PostgresStore implements Extension {
  extensionName = 'PostgresStore';
  private readonly database: Database;
  /** Log rows appended by this instance, per dossier, that the in-memory document already contains. */
  private readonly applied = new Map<string, number[]>();
  /** The log row of the message each connection is handling right now (messages are handled one at a time). */
  private readonly pending = new WeakMap<object, number>();

  constructor(private readonly pool: pg.Pool) {
    this.database = new Database({
      fetch: ({ documentName }) => this.fetch(documentName),
      store: ({ documentName, document }) => this.store(documentName, document),
    });
  }

  async onLoadDocument(data: onLoadDocumentPayload): Promise<void> {
    await this.database.onLoadDocument(data);
  }

  async onStoreDocument(data: onStoreDocumentPayload): Promise<void> {
    await this.database.onStoreDocument(data);
  }

  async beforeHandleMessage(data: beforeHandleMessagePayload<MemberContext>): Promise<void> {
    if (data.connection.readOnly) return;
    const update = updateFromMessage(data.update);
    if (!update || isEmptyUpdate(update)) return;
    const { rows } = await this.pool.query<{ id: string }>(
      'INSERT INTO dossier_updates (dossier_id, update, member_id) VALUES ($1, $2, $3) RETURNING id',
      [data.documentName, Buffer.from(update), data.context.memberId],
    );
    this.pending.set(data.connection, Number(rows[0]!.id));
  }

  /** Only once the update is in the document may a snapshot stand in for its log row. */
  async afterHandleMessage(data: afterHandleMessagePayload<MemberContext>): Promise<void> {
    const id = this.pending.get(data.connection);
    if (id === undefined) return;
    this.pending.delete(data.connection);
    const list = this.applied.get(data.documentName) ?? [];
    list.push(id);
    this.applied.set(data.documentName, list);
  }

  private async fetch(dossierId: string): Promise<Uint8Array | null> {
    const snap = await this.pool.query<{ snapshot: Buffer | null }>(
      'SELECT snapshot FROM dossiers WHERE id = $1',
      [dossierId],
    );
    const log = await this.pool.query<{ update: Buffer }>(
      'SELECT update FROM dossier_updates WHERE dossier_id = $1 ORDER BY id',
      [dossierId],
    );
    const parts = [snap.rows[0]?.snapshot, ...log.rows.map((r) => r.update)].filter(
      (b): b is Buffer => b instanceof Buffer && b.length > 0,
    );
    return parts.length ? Y.mergeUpdates(parts.map((b) => new Uint8Array(b))) : null;
  }

  private async store(dossierId: string, document: Y.Doc): Promise<void> {
    const done = this.applied.get(dossierId) ?? [];
    this.applied.set(dossierId, []);
    const state = Y.encodeStateAsUpdate(document);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ snapshot: Buffer | null }>(
        'SELECT snapshot FROM dossiers WHERE id = $1 FOR UPDATE',
        [dossierId],
      );
      const old = rows[0]?.snapshot;
      // Merging (not replacing) keeps whatever another instance stored that this one has not seen.
      const merged = old?.length ? Y.mergeUpdates([new Uint8Array(old), state]) : state;
      await client.query('UPDATE dossiers SET snapshot = $2 WHERE id = $1', [dossierId, Buffer.from(merged)]);
      if (done.length)
        await client.query('DELETE FROM dossier_updates WHERE dossier_id = $1 AND id = ANY($2::bigint[])', [
          dossierId,
          done,
        ]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      this.applied.set(dossierId, [...done, ...(this.applied.get(dossierId) ?? [])]);
      throw err;
    } finally {
      client.release();
    }
  }
}

/** Sync step 2 from an up-to-date client is an empty update: nothing to keep. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2 && update.every((b) => b === 0);
}
