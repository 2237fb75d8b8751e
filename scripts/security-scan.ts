// `npm run security`: electronegativity over the app's source, offline, with every finding either fixed or
// explained in test/security/electronegativity-allow.json. Exits non-zero on an unexplained or stale entry.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export interface Finding {
  id: string;
  file: string;
  line: number;
  severity: string;
  confidence: string;
  description: string;
}

export interface AllowEntry {
  id: string;
  file: string;
  reason: string;
}

export interface ScanResult {
  findings: Finding[];
  unexplained: Finding[];
  /** Allowlist entries that match no finding any more: the reason went stale, remove them. */
  stale: AllowEntry[];
  errors: string[];
}

const ROOT = resolve(import.meta.dirname, '..');
export const ALLOWLIST = join(ROOT, 'test/security/electronegativity-allow.json');
export const SCANNED = ['src-main'];
const require = createRequire(import.meta.url);

/** The Electron version the app ships, so the scanner needs no release list from the network. */
export function electronVersion(): string {
  return (
    JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
  ).version;
}

// electronegativity fetches translations and Electron's release list with `got`; a stub that fails at once
// keeps it offline (it falls back to its bundled English texts), and the release check is excluded.
function loadOffline(): (options: Record<string, unknown>, forCli: boolean) => Promise<RawResult> {
  const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js');
  const gotPath = createRequire(runnerPath).resolve('got');
  const offline = () => Promise.reject(new Error('electronegativity runs offline'));
  const stub = new Module(gotPath);
  stub.exports = Object.assign(offline, { default: offline });
  stub.loaded = true;
  (require.cache as Record<string, unknown>)[gotPath] = stub;
  const mod = require(runnerPath) as { default?: unknown };
  return (mod.default ?? mod) as (options: Record<string, unknown>, forCli: boolean) => Promise<RawResult>;
}

interface RawResult {
  issues: Array<{
    id: string;
    file: string;
    location: { line: number };
    severity: { name: string };
    confidence: { name: string };
    description: string;
  }>;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
}

export async function scan(): Promise<ScanResult> {
  const run = loadOffline();
  const allow = JSON.parse(readFileSync(ALLOWLIST, 'utf8')) as AllowEntry[];
  const findings: Finding[] = [];
  const errors: string[] = [];
  const log = console.log;
  console.log = () => undefined; // the "could not retrieve translations" notice is expected offline
  try {
    for (const dir of SCANNED) {
      const result = await run(
        {
          input: join(ROOT, dir),
          electronVersionOverride: electronVersion(),
          excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
          isRelative: true,
          parserPlugins: [],
        },
        false,
      );
      for (const issue of result.issues) {
        findings.push({
          id: issue.id,
          file: `${dir}/${issue.file}`,
          line: issue.location.line,
          severity: issue.severity.name,
          confidence: issue.confidence.name,
          description: issue.description,
        });
      }
      for (const e of result.errors) if (!e.tolerable) errors.push(`${dir}/${e.file}: ${e.message}`);
    }
  } finally {
    console.log = log;
  }
  const explained = (f: Finding) =>
    allow.some((a) => a.id === f.id && a.file === f.file && a.reason.trim().length > 20);
  return {
    findings,
    unexplained: findings.filter((f) => !explained(f)),
    stale: allow.filter((a) => !findings.some((f) => f.id === a.id && f.file === a.file)),
    errors,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await scan();
  console.log(`electronegativity (Electron ${electronVersion()}, offline) over ${SCANNED.join(', ')}`);
  console.log(`\n| check | file | line | severity | status |\n|---|---|---:|---|---|`);
  for (const f of result.findings) {
    const status = result.unexplained.includes(f) ? '**unexplained**' : 'explained in allowlist';
    console.log(`| ${f.id} | ${f.file} | ${f.line} | ${f.severity} | ${status} |`);
  }
  for (const s of result.stale)
    console.log(`stale allowlist entry (no such finding any more): ${s.id} ${s.file}`);
  for (const e of result.errors) console.log(`parse error: ${e}`);
  const bad = result.unexplained.length + result.stale.length + result.errors.length;
  console.log(bad ? `\n${bad} problem(s).` : `\n${result.findings.length} finding(s), all explained.`);
  process.exit(bad ? 1 : 0);
}
