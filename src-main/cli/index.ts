// The `corroborate` command line: extract, export, import, merge, validate, and the team server's commands.
// Each command's code is loaded when it runs: an import of a few text files need not load the team server's
// database clients or the exporters.
import { DOSSIER_COMMANDS, DOSSIER_HELP, runDossierCommand } from './commands';

const teamCli = () => import('../server/cli');

const help = async () => `corroborate — offline workbench for who said what, through whom

Usage:
  corroborate extract FILE… [--json]   print each file as an article with its statements
                                       (scans and images are read by OCR)
  corroborate extract --ocr-langs      list the OCR languages and where to add more
${DOSSIER_HELP}
${(await teamCli()).TEAM_HELP}
  corroborate help                     this text
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if ((DOSSIER_COMMANDS as readonly string[]).includes(command ?? ''))
    return runDossierCommand(command!, rest);
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const positional = rest.filter((a) => !a.startsWith('--'));
  switch (command) {
    case 'extract': {
      const { extractCommand, printOcrLanguages } = await import('./extract');
      if (flags.has('--ocr-langs')) return printOcrLanguages();
      return extractCommand(positional, flags.has('--json'));
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(await help());
      return 0;
  }
  const { TEAM_COMMANDS, runTeamCommand } = await teamCli();
  if ((TEAM_COMMANDS as readonly string[]).includes(command))
    return runTeamCommand(command, rest, { out: (l) => console.log(l), err: (l) => console.error(l) });
  console.error(`corroborate: unknown command "${command}"\n\n${await help()}`);
  return 2;
}

// OCR runs in the import workers, which the commands close (the OCR engine's thread with them).
process.exitCode = await main(process.argv.slice(2));
