// The shipped JSON Schema matches the code and accepts real dossiers in any JSON Schema validator.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { dossierJsonSchemaText } from '../../../../../src-main/shared/dossier/json-schema';
import { sampleDossier } from '../../../helpers/dossier-sample';

const committed = readFileSync(
  resolve(import.meta.dirname, '../../../../../assets/dossier.schema.json'),
  'utf8',
);

describe('assets/dossier.schema.json', () => {
  it('is what scripts/gen-dossier-schema.ts generates (run it after changing the schema)', () => {
    // Compared as JSON: the committed file is additionally formatted by prettier.
    expect(JSON.parse(committed)).toEqual(JSON.parse(dossierJsonSchemaText()));
  });

  it('accepts the sample dossier and rejects a damaged one', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(committed));
    expect(validate(JSON.parse(JSON.stringify(sampleDossier())))).toBe(true);
    const damaged = sampleDossier() as unknown as { statements: { kind: string }[] };
    damaged.statements[0]!.kind = 'rumour';
    expect(validate(damaged)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/statements/0/kind')).toBe(true);
  });
});
