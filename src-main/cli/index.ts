// The `corroborate` command line: extract, export, import, merge, validate.
import { extractCommand } from './extract';
import { DOSSIER_COMMANDS, DOSSIER_HELP, runDossierCommand } from './commands';
import { TEAM_COMMANDS, TEAM_HELP, runTeamCommand } from '../server/cli';

const HELP = `corroborate — offline workbench for who said what, through whom

Usage:
  corroborate extract FILE… [--json]   print each file as an article with its statements
${DOSSIER_HELP}
${TEAM_HELP}
  corroborate help                     this text
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if ((DOSSIER_COMMANDS as readonly string[]).includes(command ?? ''))
    return runDossierCommand(command!, rest);
  if ((TEAM_COMMANDS as readonly string[]).includes(command ?? ''))
    return runTeamCommand(command!, rest, { out: (l) => console.log(l), err: (l) => console.error(l) });
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const positional = rest.filter((a) => !a.startsWith('--'));
  switch (command) {
    case 'extract':
      return extractCommand(positional, flags.has('--json'));
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      console.error(`corroborate: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
