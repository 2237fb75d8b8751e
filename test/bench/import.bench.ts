// Import benchmark: extractDocument against the bare library call on the same corpus files (medians, ratio).
// Run: npx tsx test/bench/import.bench.ts [rounds]
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { extractDocument } from '../../src-main/core/import/registry';

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const ROUNDS = Number(process.argv[2] ?? 9);

// pdf.js 6 needs Promise.withResolvers, which Node 20 lacks (the importer installs the same shim).
if (typeof (Promise as { withResolvers?: unknown }).withResolvers !== 'function') {
  (Promise as unknown as { withResolvers: () => unknown }).withResolvers = function withResolvers() {
    let resolve: unknown;
    let reject: unknown;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}
const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

type Format = 'html' | 'pdf' | 'docx';
// mammoth's HTML conversion, which the importer needs to keep headings, lists, tables and notes; shown as a
// second reference because it alone costs more than extractRawText.
const docxToHtml = (bytes: Uint8Array): Promise<unknown> =>
  mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
interface Sample {
  format: Format;
  name: string;
  bytes: Uint8Array;
}

// The library call each importer is built on, with nothing of ours around it.
const bareCall: Record<Format, (bytes: Uint8Array) => Promise<unknown>> = {
  async html(bytes) {
    const { document } = parseHTML(new TextDecoder().decode(bytes));
    return new Readability(document as unknown as Document).parse();
  },
  async pdf(bytes) {
    const task = pdfjs.getDocument({
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    });
    const doc = await task.promise;
    for (let number = 1; number <= doc.numPages; number++) await (await doc.getPage(number)).getTextContent();
    await task.destroy();
  },
  async docx(bytes) {
    return mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  },
};

function samples(): Sample[] {
  const list: Sample[] = [];
  for (const page of readdirSync(join(CORPUS, 'html')).sort()) {
    list.push({
      format: 'html',
      name: page,
      bytes: new Uint8Array(readFileSync(join(CORPUS, 'html', page, 'source.html'))),
    });
  }
  for (const file of readdirSync(join(CORPUS, 'pdf')).filter((name) => name.endsWith('.pdf'))) {
    list.push({ format: 'pdf', name: file, bytes: new Uint8Array(readFileSync(join(CORPUS, 'pdf', file))) });
  }
  for (const file of readdirSync(join(CORPUS, 'docx')).filter((name) => name.endsWith('.docx'))) {
    list.push({
      format: 'docx',
      name: file,
      bytes: new Uint8Array(readFileSync(join(CORPUS, 'docx', file))),
    });
  }
  return list;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run().catch(() => undefined); // refusals (empty documents) still take their time
  return performance.now() - start;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const all = samples();
const bare = new Map<Sample, number[]>(all.map((sample) => [sample, []]));
const pipeline = new Map<Sample, number[]>(all.map((sample) => [sample, []]));
const docxHtml = new Map<Sample, number[]>(
  all.filter((s) => s.format === 'docx').map((sample) => [sample, []]),
);
for (const sample of all) {
  // Warm-up: module loading and JIT are not what we measure.
  await time(() => bareCall[sample.format](sample.bytes));
  await time(() => extractDocument(sample.bytes, `${sample.name}.${sample.format}`));
}
for (let round = 0; round < ROUNDS; round++) {
  for (const sample of all) {
    // Alternate which goes first so drift on a noisy machine hits both sides alike.
    const pair = [
      async () => bare.get(sample)!.push(await time(() => bareCall[sample.format](sample.bytes))),
      async () =>
        pipeline
          .get(sample)!
          .push(await time(() => extractDocument(sample.bytes, `${sample.name}.${sample.format}`))),
    ];
    if (sample.format === 'docx') {
      pair.push(async () => docxHtml.get(sample)!.push(await time(() => docxToHtml(sample.bytes))));
    }
    if (round % 2) pair.reverse();
    for (const step of pair) await step();
  }
}

const fmt = (ms: number): string => ms.toFixed(ms < 10 ? 2 : 1);
console.log(`\nImport benchmark: median of ${ROUNDS} runs per file, Node ${process.version}\n`);
console.log(
  '| format (bare call) | files | bare library, median ms/file | extractDocument, median ms/file | ratio (sum of medians) | worst file ratio |',
);
console.log('|---|---:|---:|---:|---:|---:|');
const rows: Array<[string, Format, Map<Sample, number[]>]> = [
  ['html (Readability + linkedom)', 'html', bare],
  ['pdf (pdf.js getTextContent)', 'pdf', bare],
  ['docx (mammoth.extractRawText)', 'docx', bare],
  ['docx (mammoth.convertToHtml)', 'docx', docxHtml],
];
for (const [label, format, reference] of rows) {
  const ofFormat = all.filter((sample) => sample.format === format);
  const bareMedians = ofFormat.map((sample) => median(reference.get(sample)!));
  const pipelineMedians = ofFormat.map((sample) => median(pipeline.get(sample)!));
  const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
  const ratios = ofFormat.map((_, i) => pipelineMedians[i]! / bareMedians[i]!);
  const worst = ratios.indexOf(Math.max(...ratios));
  console.log(
    `| ${label} | ${ofFormat.length} | ${fmt(median(bareMedians))} | ${fmt(median(pipelineMedians))} | ` +
      `${(sum(pipelineMedians) / sum(bareMedians)).toFixed(2)}× | ${ratios[worst]!.toFixed(2)}× (${ofFormat[worst]!.name}) |`,
  );
}
