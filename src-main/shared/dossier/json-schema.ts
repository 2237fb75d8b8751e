// The dossier's JSON Schema, derived from the zod schema so the shipped file can never drift from the code.
import { z } from 'zod';
import { Dossier } from './schema';

/** The schema text as committed in assets/dossier.schema.json (2-space JSON, trailing newline). */
export function dossierJsonSchemaText(): string {
  const schema = z.toJSONSchema(Dossier, { io: 'input', target: 'draft-2020-12' });
  const documented = {
    $id: 'https://corroborate.invalid/schemas/dossier-v1.schema.json',
    title: 'Corroborate dossier, format version 1',
    description:
      'Lossless export of a Corroborate workspace. Offsets (start/end) are JavaScript string indices (UTF-16 code units) into article.text.',
    ...schema,
  };
  return `${JSON.stringify(documented, null, 2)}\n`;
}
