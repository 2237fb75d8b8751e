// Writes assets/dossier.schema.json from the zod dossier schema: `npx tsx scripts/gen-dossier-schema.ts`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dossierJsonSchemaText } from '../src-main/shared/dossier/json-schema';

const target = resolve(import.meta.dirname, '../assets/dossier.schema.json');
writeFileSync(target, dossierJsonSchemaText());
console.log(`wrote ${target}`);
