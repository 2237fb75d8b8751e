// Command-line arguments for every command line (the dossier CLI and the team server): flags and positionals.

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string>;
}

/**
 * Splits `--flag value` and `--flag=value` pairs from positional arguments. Every flag takes a value; one not in
 * `valueFlags`, or one without a value, is an error made by `fail` (so each command line keeps its own error type).
 */
export function parseFlags(
  args: readonly string[],
  valueFlags: ReadonlySet<string>,
  fail: (message: string) => Error,
): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!valueFlags.has(name)) throw fail(`unknown option ${name}`);
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (!value) throw fail(`${name} needs a value`);
    flags.set(name, value);
  }
  return { positional, flags };
}
