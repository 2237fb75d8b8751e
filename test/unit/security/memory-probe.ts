// Child process for memory.test.ts: runs one hostile case alone and prints its peak RSS growth as JSON,
// so no other test's allocations blur the measure.
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importBytes } from '../../../src-main/core/import/pipeline';
import { DEFAULT_LIMITS } from '../../../src-main/core/import/limits';
import { startWebShell } from '../../../src-main/web/server';
import { extractCommand } from '../../../src-main/cli/extract';

const peakMb = () => process.resourceUsage().maxRSS / 1024;

function post(port: number, path: string, token: string, body: Uint8Array): Promise<string> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'X-Corroborate-Token': token, Cookie: `corroborate_${port}=${token}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok(`${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

/** One megabyte of bytes referenced `refs` times from a small JSON head (the amplification request). */
function amplifyingRequest(refs: number): Uint8Array {
  const blob = 1 << 20;
  const head = new TextEncoder().encode(
    JSON.stringify({
      name: 'a.txt',
      bytes: { $bytes: [0, blob] },
      relativePath: Array.from({ length: refs }, () => ({ $bytes: [0, blob] })),
    }),
  );
  const out = new Uint8Array(8 + head.length + blob);
  out.set([0x43, 0x52, 0x42, 0x31], 0);
  new DataView(out.buffer).setUint32(4, head.length, true);
  out.set(head, 8);
  return out;
}

async function bytesCase(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'corroborate-mem-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer/index.html'), '<!doctype html>');
  const shell = await startWebShell({
    port: 0,
    rendererDir: join(dir, 'renderer'),
    dataDir: join(dir, 'data'),
    assetsDir: resolve('assets'),
    version: 'test',
  });
  try {
    return await post(shell.port, '/api/importFile', shell.token, amplifyingRequest(1000));
  } finally {
    await shell.close();
  }
}

async function docxCase(path: string): Promise<string> {
  const bytes = new Uint8Array(await readFile(path));
  try {
    const article = await importBytes(bytes, 'lying.docx', DEFAULT_LIMITS);
    return `imported ${article.text.length} characters`;
  } catch (err) {
    return `refused: ${(err as Error).message}`;
  }
}

/** `corroborate extract` on a file over the size limit: refused from its size, never read. */
async function cliCase(path: string): Promise<string> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (line: string) => void errors.push(line);
  try {
    const code = await extractCommand([path], true);
    return `exit ${code}: ${errors.join(' | ')}`;
  } finally {
    console.error = original;
  }
}

const [kind, arg] = process.argv.slice(2);
const before = peakMb();
const outcome =
  kind === 'bytes' ? await bytesCase() : kind === 'cli' ? await cliCase(arg!) : await docxCase(arg!);
console.log(JSON.stringify({ growthMb: Math.round(peakMb() - before), outcome }));
process.exit(0);
