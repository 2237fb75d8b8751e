// Validates Web Annotations against the W3C test suite's assertion schemas (e.g. the MUST set) with ajv.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

// How the suite combines assertions (web-platform-tests annotation-model/README.md): a `.test` file
// lists assertions, each a schema file or an inline group `{ assertions, compareWith: 'and' | 'or' }`.
// An assertion passes when the schema's result matches `expectedResult` (default "valid"); otherwise
// `onUnexpectedResult` decides: fail… or pass…, then …AndContinue, …AndSkip (rest of the group) or
// …AndAbort (rest of the test).

type Unexpected =
  'failAndContinue' | 'failAndSkip' | 'failAndAbort' | 'passAndContinue' | 'passAndSkip' | 'passAndAbort';

interface AssertionSchema {
  id?: string;
  $id?: string;
  expectedResult?: 'valid' | 'invalid';
  onUnexpectedResult?: Unexpected;
  errorMessage?: string;
  title?: string;
  assertionType?: 'must' | 'should' | 'may';
}
interface AssertionGroup {
  assertions: (string | AssertionGroup | AssertionSchema)[];
  compareWith?: 'and' | 'or';
  onUnexpectedResult?: Unexpected;
  errorMessage?: string;
  title?: string;
}

export interface W3cFailure {
  assertion: string;
  message: string;
}
export type W3cResult = { ok: true } | { ok: false; failures: W3cFailure[] };

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);

/** Draft-04 → what ajv 8 accepts: `id` → `$id`, no `$schema`, boolean exclusiveMinimum → numeric. */
function fromDraft04(schema: unknown, isRoot = true): unknown {
  if (Array.isArray(schema)) return schema.map((s) => fromDraft04(s, false));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (key === '$schema') continue;
    if (key === 'id' && isRoot && typeof value === 'string') out.$id = value;
    else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object' && !Array.isArray(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromDraft04(v, false)]));
    else out[key] = fromDraft04(value, false);
  }
  if (out.exclusiveMinimum === true && typeof out.minimum === 'number') {
    out.exclusiveMinimum = out.minimum;
    delete out.minimum;
  } else if (out.exclusiveMinimum === false) delete out.exclusiveMinimum;
  return out;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** RFC 3986 absolute URI: a scheme, then no whitespace. */
const isUri = (s: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s);
/** RFC 3339 date-time (what xsd:dateTime in the model amounts to for JSON). */
const isDateTime = (s: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s));

export class W3cAnnotationValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: false, unicodeRegExp: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  /** `suiteDir` is the test suite's folder (it holds `definitions/` and `annotations/`). */
  constructor(private readonly suiteDir: string) {
    this.ajv.addFormat('uri', isUri);
    this.ajv.addFormat('date-time', isDateTime);
    for (const name of [
      'annotations',
      'bodyTarget',
      'choiceSet',
      'collections',
      'id',
      'otherProperties',
      'specificResource',
    ])
      this.ajv.addSchema(fromDraft04(readJson(join(suiteDir, 'definitions', `${name}.json`))) as object);
  }

  private assertion(ref: string): { schema: AssertionSchema; validate: ValidateFunction } {
    const path = join(this.suiteDir, ref);
    let validate = this.compiled.get(path);
    const schema = readJson(path) as AssertionSchema;
    if (!validate) {
      const converted = fromDraft04(schema) as Record<string, unknown>;
      delete converted.$id; // assertion ids repeat across folders; they are looked up by path instead
      validate = this.ajv.compile(converted);
      this.compiled.set(path, validate);
    }
    return { schema, validate };
  }

  /** Runs one `.test` file (path relative to the suite) against a parsed annotation. */
  check(testFile: string, annotation: unknown): W3cResult {
    const test = readJson(join(this.suiteDir, testFile)) as AssertionGroup;
    const failures: W3cFailure[] = [];
    this.runGroup(test, annotation, failures, dirname(testFile));
    return failures.length === 0 ? { ok: true } : { ok: false, failures };
  }

  /** Returns whether the group passed and whether evaluation must abort. */
  private runGroup(
    group: AssertionGroup,
    data: unknown,
    failures: W3cFailure[],
    _base: string,
  ): { passed: boolean; abort: boolean } {
    const or = group.compareWith === 'or';
    const local: W3cFailure[] = [];
    let anyPassed = false;
    let allPassed = true;
    for (const item of group.assertions) {
      const outcome =
        typeof item === 'string'
          ? this.runAssertion(item, data, local)
          : 'assertions' in item
            ? this.runGroup(item as AssertionGroup, data, local, _base)
            : { passed: true, abort: false };
      anyPassed ||= outcome.passed;
      allPassed &&= outcome.passed;
      if (outcome.abort) {
        failures.push(...local);
        return { passed: false, abort: true };
      }
      if ('skip' in outcome && outcome.skip) break;
    }
    const passed = or ? anyPassed : allPassed;
    if (!passed)
      failures.push(
        ...(or && group.errorMessage
          ? [{ assertion: group.title ?? 'group', message: group.errorMessage }]
          : local),
      );
    return { passed, abort: false };
  }

  private runAssertion(
    ref: string,
    data: unknown,
    failures: W3cFailure[],
  ): { passed: boolean; abort: boolean; skip: boolean } {
    const { schema, validate } = this.assertion(ref);
    const valid = validate(data) === true;
    if (valid === ((schema.expectedResult ?? 'valid') === 'valid'))
      return { passed: true, abort: false, skip: false };
    const rule = schema.onUnexpectedResult ?? 'failAndContinue';
    const passed = rule.startsWith('pass');
    if (!passed) failures.push({ assertion: ref, message: schema.errorMessage ?? `${ref} failed` });
    return { passed, abort: rule.endsWith('Abort'), skip: rule.endsWith('Skip') };
  }

  /** The MUST assertions for a single annotation (`annotations/annotationMusts.test`). */
  checkAnnotationMusts(annotation: unknown): W3cResult {
    return this.check('annotations/annotationMusts.test', annotation);
  }

  /** The MUST assertions for whatever the document is: an annotation, a collection or a page. */
  checkMusts(document: unknown): W3cResult {
    const type = (document as { type?: unknown } | null)?.type;
    if (type === 'AnnotationCollection') return this.check('collections/collectionMusts.test', document);
    if (type === 'AnnotationPage') return this.check('collections/pages/pageMusts.test', document);
    return this.checkAnnotationMusts(document);
  }

  /** A whole exported collection: the collection, its embedded first page, and every annotation in it. */
  checkCollection(collection: unknown): W3cResult {
    const failures: W3cFailure[] = [];
    const add = (where: string, result: W3cResult) => {
      if (!result.ok)
        failures.push(...result.failures.map((f) => ({ ...f, assertion: `${where}: ${f.assertion}` })));
    };
    add('collection', this.checkMusts(collection));
    const first = (collection as { first?: unknown } | null)?.first;
    if (first && typeof first === 'object') {
      add('first page', this.checkMusts(first));
      const items = (first as { items?: unknown }).items;
      if (Array.isArray(items))
        items.forEach((item, i) => add(`items[${i}]`, this.checkAnnotationMusts(item)));
    }
    return failures.length === 0 ? { ok: true } : { ok: false, failures };
  }
}
