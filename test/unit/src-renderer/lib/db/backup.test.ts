// The rolling backup reads the workspace a page at a time and sends it in pieces; joined, the pieces must be
// the whole workspace as a valid dossier, every record of every table, across page boundaries.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { normaliseDossier, validateDossier, type Dossier } from '../../../../../src-main/shared/dossier';
import { openDatabase } from '../../../../../src-renderer/lib/db/db';
import { readWorkspaceDossier, replaceWorkspace } from '../../../../../src-renderer/lib/db/dossier';
import { generateWorkspace } from '../../../../../scripts/gen-workspace';

vi.mock('../../../../../src-renderer/lib/api', () => ({ api: {} }));
const { dossierJson } = await import('../../../../../src-renderer/lib/db/backup');

const records = (d: Dossier) => {
  const { exportedAt: _at, exportedBy: _by, ...rest } = normaliseDossier(d);
  return rest;
};

describe('a backup read in pages', () => {
  it('joins into the whole workspace as a valid dossier, 1,200 statements being more than two pages of 500', async () => {
    const db = openDatabase(`backup-pieces-${Date.now()}`);
    await db.open();
    await replaceWorkspace(
      db,
      generateWorkspace({ articles: 30, statements: 40, annotations: 600, seed: 3 }),
    );
    let json = '';
    for await (const piece of dossierJson(db, 'Backup test')) {
      json += piece;
    }
    const checked = validateDossier(JSON.parse(json));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.dossier.statements).toHaveLength(1200);
    expect(records(checked.dossier)).toEqual(records(await readWorkspaceDossier(db, 'Backup test')));
  });
});
