// `corroborate extract FILE… [--json]`: each file as an article with its statements, through
// the same import worker (time limit, memory cap) the app uses.
import { AppError } from '../shared/errors';
import type { ExtractedArticle } from '../shared/extraction';
import { ocrLanguageNames, ocrSummary } from '../shared/ocr-note';
import { listOcrLanguages } from '../core/import/ocr/languages';
import { defaultDataDir } from '../core/paths';
import { cliImporter } from './input';

/** The article JSON the CLI prints: what the app stores, with statement texts spelled out. */
export function articleJson(a: ExtractedArticle) {
  return {
    title: a.title,
    byline: a.authors.join(', ') || null,
    authors: a.authors,
    outlet: a.outlet,
    publishedAt: a.publishedAt,
    lang: a.language,
    url: a.url,
    format: a.format,
    fileName: a.fileName,
    fileSize: a.fileSize,
    fileSha256: a.fileSha256,
    textSha256: a.textSha256,
    warnings: a.warnings,
    ocr: a.ocr ?? null,
    text: a.text,
    statements: a.statements.map((s, index) => ({
      index,
      start: s.start,
      end: s.end,
      text: a.text.slice(s.start, s.end),
      kind: s.kind,
      speaker: s.speaker?.name ?? null,
      cue: s.cue,
      via: s.via.map((v) => v.name),
      entities: s.entities,
    })),
  };
}

/** `corroborate extract --ocr-langs`: the OCR languages the app has, and where more can be added. */
export function printOcrLanguages(dataDir = defaultDataDir()): number {
  const { languages, folder } = listOcrLanguages(dataDir);
  console.log(`OCR languages: ${ocrLanguageNames(languages)}`);
  console.log(`Add others as <code>.traineddata files (tessdata) in ${folder}`);
  return 0;
}

export async function extractCommand(files: string[], json: boolean): Promise<number> {
  if (files.length === 0) {
    console.error('usage: corroborate extract FILE… [--json]');
    return 2;
  }
  const out: ReturnType<typeof articleJson>[] = [];
  let failures = 0;
  const importer = cliImporter(files.length);
  let at = 0;
  for await (const outcome of importer.importAll(files)) {
    const file = files[at++]!;
    if (outcome.status === 'fulfilled') {
      const article = outcome.value;
      const printed = articleJson(article);
      if (json) out.push(printed);
      else {
        console.log(`# ${printed.title}`);
        const meta = [printed.format, printed.outlet, printed.byline, printed.publishedAt]
          .filter(Boolean)
          .join(' · ');
        console.log(`${file} — ${meta} — ${printed.statements.length} statements\n`);
        if (article.ocr) console.log(`${ocrSummary(article.ocr)}\n`);
        for (const st of printed.statements) {
          const who = st.speaker ? `${st.speaker}${st.via.length ? ' via ' + st.via.join(' → ') : ''}` : '—';
          console.log(
            `${String(st.index + 1).padStart(3)}. [${st.kind}; ${who}${st.cue ? `; ${st.cue}` : ''}] ${st.text}`,
          );
        }
        console.log('');
      }
    } else {
      failures++;
      const err = outcome.reason as unknown;
      const reason =
        err instanceof AppError
          ? err.message
          : (err as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'no such file'
            : (err as Error).message;
      console.error(`corroborate: ${file}: refused: ${reason}`);
    }
  }
  await importer.close();
  if (json && out.length)
    console.log(JSON.stringify(out.length === 1 && files.length === 1 ? out[0] : out, null, 2));
  return failures ? 1 : 0;
}
