// CPU time a folder drop costs each process (Chromium's browser process, which runs IndexedDB; the renderer; the
// GPU and utility processes; the browser shell's main with its workers), read from /proc: on a loaded machine
// the wall time of a drop swings with the load, the CPU it needs much less. Linux only. Build first, then:
// BENCH_FILES=1000 npx tsx test/bench/import-cpu.bench.ts
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { writeNewsFolder } from '../../scripts/gen-workspace';
import { dropFiles, launchApp } from '../e2e/harness';

const FILES = Number(process.env.BENCH_FILES ?? 1000);
const TICK = 100;

function stat(pid: number): { ppid: number; cpu: number; kind: string } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/\0| /);
    const type = cmd.find((a) => a.startsWith('--type='))?.slice(7);
    const kind = cmd[0]!.includes('chromium')
      ? `chromium ${type ?? 'browser'}${type === 'utility' ? ` ${cmd.find((a) => a.startsWith('--utility-sub-type='))?.slice(19) ?? ''}` : ''}`
      : cmd.some((a) => a.endsWith('web/main.ts'))
        ? 'shell main (node)'
        : basename(cmd[0]!);
    return { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICK, kind };
  } catch {
    return null;
  }
}

/** CPU seconds per process kind, over this process's descendants. */
function cpuByKind(): Map<string, number> {
  const all = new Map<number, { ppid: number; cpu: number; kind: string }>();
  for (const d of readdirSync('/proc')) {
    const pid = Number(d);
    if (!pid) continue;
    const s = stat(pid);
    if (s) all.set(pid, s);
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, s] of all)
      if (!mine.has(pid) && mine.has(s.ppid)) {
        mine.add(pid);
        grew = true;
      }
  }
  const out = new Map<string, number>();
  for (const pid of mine) {
    const s = all.get(pid);
    if (s && pid !== process.pid) out.set(s.kind, (out.get(s.kind) ?? 0) + s.cpu);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'corroborate-cpu-'));
const paths = writeNewsFolder(join(dir, 'news'), FILES);
const app = await launchApp();
try {
  await app.page.getByTestId('library-item').first().waitFor({ timeout: 60_000 });
  const files = paths.map((p) => ({
    name: basename(p),
    bytes: readFileSync(p),
    dir: 'news',
    type: 'text/plain',
  }));
  await new Promise((r) => setTimeout(r, 2000));
  const before = cpuByKind();
  const t0 = Date.now();
  await dropFiles(app.page, files);
  await app.page.getByTestId('import-report').waitFor({ timeout: 3_600_000 });
  const seconds = (Date.now() - t0) / 1000;
  const after = cpuByKind();
  const rows = [...after].map(([k, v]) => [k, v - (before.get(k) ?? 0)] as const).filter(([, v]) => v > 0.05);
  rows.sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((n, [, v]) => n + v, 0);
  console.log(
    `${FILES} files in ${seconds.toFixed(1)} s; CPU ${total.toFixed(1)} s: ${rows.map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ')}`,
  );
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
