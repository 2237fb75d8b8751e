// OCR benchmark: seconds per 300 dpi page through the importer's OCR path (extractDocument on a PNG, tesseract.js
// WASM) side by side with Debian's `tesseract` command-line program on the same images in the same run, with peak
// memory (RSS) of each and word F1 against the typed text the pages were rendered from.
// Run: npx tsx test/bench/ocr.bench.ts [rounds]
import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pagePng, type Degradation } from '../unit/src-main/core/import/ocr/render';
import { textPdf } from '../unit/src-main/core/import/ocr/text-pages';
import { wordF1 } from '../unit/src-main/core/import/word-f1';

interface Reply {
  ms: number;
  text: string;
}

// ── Child mode: our OCR path in a process of its own, so its peak RSS is ours alone. ──
if (process.argv[2] === '--ours') {
  const { extractDocument } = await import('../../src-main/core/import/registry');
  const { closeOcr } = await import('../../src-main/core/import/ocr/engine');
  process.send!({ ready: true, startMB: process.memoryUsage().rss / 2 ** 20 });
  process.on('message', (message: { file?: string; done?: boolean }) => {
    void (async () => {
      if (message.file) {
        const bytes = new Uint8Array(readFileSync(message.file));
        const start = performance.now();
        const document = await extractDocument(bytes, 'page.png');
        process.send!({ ms: performance.now() - start, text: document.text } satisfies Reply);
      } else {
        await closeOcr();
        // maxRSS is in kilobytes on Linux.
        process.send!({ peakMB: process.resourceUsage().maxRSS / 1024 }, () => process.exit(0));
      }
    })();
  });
} else {
  await main();
}

async function main(): Promise<void> {
  const ROUNDS = Number(process.argv[2] ?? 3);
  const FIXTURES = join(import.meta.dirname, '../fixtures/ocr');
  const TEXTS = ['release-water', 'release-port', 'release-council', 'annex-cranes'];
  const reference = (name: string) => readFileSync(join(FIXTURES, `${name}.txt`), 'utf8');
  const SETS: Array<{ label: string; how: Degradation }> = [
    { label: '300 dpi, clean', how: { dpi: 300 } },
    { label: '150 dpi, clean', how: { dpi: 150 } },
    { label: '300 dpi, turned 1.2°, 0.5 % noise', how: { dpi: 300, rotate: 1.2, noise: 0.005 } },
  ];

  const work = mkdtempSync(join(tmpdir(), 'ocr-bench-'));
  try {
    const images = new Map<string, Array<{ name: string; file: string }>>();
    for (const set of SETS) {
      const list: Array<{ name: string; file: string }> = [];
      for (const name of TEXTS) {
        const file = join(work, `${name}-${set.how.dpi}-${set.how.noise ?? 0}.png`);
        writeFileSync(file, await pagePng(textPdf(reference(name)), set.how));
        list.push({ name, file });
      }
      images.set(set.label, list);
    }
    const timed = images.get(SETS[0]!.label)!;

    // Engines: ours, and the CLI as Debian ships it plus two like-for-like variants.
    const hasCli = spawnSync('tesseract', ['--version']).status === 0;
    const hasTime = existsSync('/usr/bin/time');
    const ourData = join(work, 'tessdata');
    if (hasCli) {
      const { ocrAssets } = await import('../../src-main/core/import/ocr/assets');
      mkdirSync(ourData);
      writeFileSync(
        join(ourData, 'eng.traineddata'),
        gunzipSync(readFileSync(join(ocrAssets().langPath, 'eng.traineddata.gz'))),
      );
    } else {
      console.log(
        'The `tesseract` command-line program is not installed (apt install tesseract-ocr): ours only.',
      );
    }
    // tesseract.js leaves Tesseract's default page segmentation (6, one block); the CLI is told the same.
    const cliVariants = [
      { label: '`tesseract` CLI, Debian eng data (tessdata_fast 4.1), default threads', env: {}, data: [] },
      {
        label: '`tesseract` CLI, Debian eng data, one thread',
        env: { OMP_THREAD_LIMIT: '1' },
        data: [],
      },
      {
        label: '`tesseract` CLI, our shipped eng data (best_int), one thread',
        env: { OMP_THREAD_LIMIT: '1' },
        data: ['--tessdata-dir', ourData],
      },
    ];
    const cliPeak = cliVariants.map(() => 0);
    const cli = (variant: number, file: string): Reply => {
      const { env, data } = cliVariants[variant]!;
      const args = ['tesseract', file, 'stdout', '--oem', '1', '--psm', '6', ...data];
      const start = performance.now();
      const run = spawnSync(
        hasTime ? '/usr/bin/time' : args[0]!,
        hasTime ? ['-f', 'maxrss %M', ...args] : args.slice(1),
        {
          encoding: 'utf8',
          env: { ...process.env, ...env },
        },
      );
      const ms = performance.now() - start;
      if (run.status !== 0) throw new Error(`tesseract failed: ${run.stderr}`);
      const kb = Number(/maxrss (\d+)/.exec(run.stderr)?.[1] ?? 0);
      cliPeak[variant] = Math.max(cliPeak[variant]!, kb / 1024);
      return { ms, text: run.stdout };
    };

    // Ours: one child process for the whole run, its engine kept between pages as in the import worker.
    const child = fork(import.meta.filename, ['--ours'], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let pending: { resolve: (message: unknown) => void; reject: (err: Error) => void } | null = null;
    child.on('message', (message) => pending?.resolve(message));
    child.on('exit', (code) => pending?.reject(new Error(`the OCR child process exited (${code})`)));
    const nextMessage = <T>(): Promise<T> =>
      new Promise((resolve, reject) => {
        pending = { resolve: (message) => resolve(message as T), reject };
      });
    const { startMB } = await nextMessage<{ startMB: number }>();
    const ours = async (file: string): Promise<Reply> => {
      child.send({ file });
      return nextMessage<Reply>();
    };

    // Warm-up: our engine starts (language data loaded once per import worker) and the CLI's files are cached.
    const first = await ours(timed[0]!.file);
    if (hasCli) cliVariants.forEach((_, v) => cli(v, timed[0]!.file));

    const ourTimes: number[] = [];
    const cliTimes = cliVariants.map((): number[] => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const { file } of timed) {
        // Alternate who goes first so drift on a noisy machine hits both sides alike.
        const steps: Array<() => Promise<void>> = [async () => void ourTimes.push((await ours(file)).ms)];
        if (hasCli)
          cliVariants.forEach((_, v) => steps.push(async () => void cliTimes[v]!.push(cli(v, file).ms)));
        if (round % 2) steps.reverse();
        for (const step of steps) await step();
      }
    }

    // Quality: every set once through each engine (Debian's CLI as shipped is the quality reference).
    const f1 = (texts: string[], set: string): number =>
      texts.reduce((sum, text, i) => sum + wordF1(text, reference(images.get(set)![i]!.name)), 0) /
      texts.length;
    const quality: Array<{ set: string; ours: number; cli: number | null }> = [];
    for (const { label } of SETS) {
      const list = images.get(label)!;
      const ourTexts: string[] = [];
      for (const { file } of list) ourTexts.push((await ours(file)).text);
      const cliTexts = hasCli ? list.map(({ file }) => cli(0, file).text) : null;
      quality.push({ set: label, ours: f1(ourTexts, label), cli: cliTexts && f1(cliTexts, label) });
    }

    child.send({ done: true });
    const { peakMB } = await nextMessage<{ peakMB: number }>();

    const median = (values: number[]): number => {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = sorted.length >> 1;
      return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
    };
    const png = readFileSync(timed[0]!.file);
    const size = `${png.readUInt32BE(16)} × ${png.readUInt32BE(20)}`;
    const s = (ms: number) => (ms / 1000).toFixed(2);
    const ourMedian = median(ourTimes);
    console.log(
      `\nOCR benchmark: ${timed.length} typed pages rendered at 300 dpi (${size} PNG), median of ${ROUNDS} rounds, ` +
        `Node ${process.version}\n`,
    );
    console.log('| engine | median s/page | ours ÷ this | peak RSS |');
    console.log('|---|---:|---:|---:|');
    console.log(
      `| ours: extractDocument on the PNG (tesseract.js WASM, best_int, engine kept) | ${s(ourMedian)} | 1.00× | ` +
        `${peakMB.toFixed(0)} MB (Node + tsx at start ${startMB.toFixed(0)} MB) |`,
    );
    cliVariants.forEach((variant, v) => {
      if (!hasCli) return;
      const m = median(cliTimes[v]!);
      console.log(
        `| ${variant.label} | ${s(m)} | ${(ourMedian / m).toFixed(2)}× | ${hasTime ? `${cliPeak[v]!.toFixed(0)} MB` : '—'} |`,
      );
    });
    console.log(
      `\nOur first page, engine start included: ${s(first.ms)} s.` +
        (hasCli
          ? ' The CLI loads its language data on every call (in its times); both run `--oem 1` (LSTM) with ' +
            'page segmentation 6.\n'
          : '\n'),
    );
    console.log('| word F1 (mean over pages) | ours | `tesseract` CLI, Debian data | target (ours) |');
    console.log('|---|---:|---:|---:|');
    for (const row of quality) {
      const target = row.set.startsWith('300 dpi, clean') ? '≥ 0.97' : '≥ 0.93';
      console.log(
        `| ${row.set} | ${row.ours.toFixed(3)} | ${row.cli === null ? '—' : row.cli.toFixed(3)} | ${target} |`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
