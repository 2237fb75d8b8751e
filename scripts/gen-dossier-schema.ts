// Writes assets/dossier.schema.json from the zod dossier schema: `npx tsx scripts/gen-dossier-schema.ts`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { dossierJsonSchemaText } from '../src-main/shared/dossier/json-schema';

const target = resolve(import.meta.dirname, '../assets/dossier.schema.json');
// Formatted like every other file, so `npm run format` never rewrites it.
const options = (await resolveConfig(target)) ?? {};
writeFileSync(target, await format(dossierJsonSchemaText(), { ...options, filepath: target }));
console.log(`wrote ${target}`);
