// Judges one fuzz case: a document or a clear refusal is fine; anything else is a finding to fix.
import { AppError } from '../../../src-main/shared/errors';
import { ExtractedDocument } from '../../../src-main/shared/extraction';

export type Verdict = { ok: true; kind: 'document' | 'refused' } | { ok: false; problem: string };

// A refusal that leaks a programming error is not a reason a person understands: it points at a bug.
const PROGRAMMING_ERROR =
  /Cannot read propert|is not a function|is not iterable|undefined is not|of undefined|of null|Maximum call stack|is not defined|Invalid array length/;
// The worker host's words for a worker that died or hung: never acceptable under the fuzzer's limits.
const WORKER_DIED = /importer crashed|stopped unexpectedly|needs more memory|time limit per file/;

export async function judge(run: () => Promise<unknown>): Promise<Verdict> {
  let value: unknown;
  try {
    value = await run();
  } catch (error) {
    if (!(error instanceof AppError)) return { ok: false, problem: `threw ${String(error)}` };
    if (!['refused', 'too-large'].includes(error.code) || WORKER_DIED.test(error.message))
      return { ok: false, problem: `${error.code}: ${error.message}` };
    if (PROGRAMMING_ERROR.test(error.message))
      return { ok: false, problem: `unclear reason: ${error.message}` };
    if (error.message.trim().length < 8) return { ok: false, problem: `no reason: "${error.message}"` };
    return { ok: true, kind: 'refused' };
  }
  const parsed = ExtractedDocument.safeParse(value);
  if (!parsed.success)
    return { ok: false, problem: `invalid document: ${parsed.error.message.slice(0, 200)}` };
  if (!parsed.data.text) return { ok: false, problem: 'document without text' };
  if (parsed.data.text !== parsed.data.text.normalize('NFC')) return { ok: false, problem: 'text not NFC' };
  return { ok: true, kind: 'document' };
}
