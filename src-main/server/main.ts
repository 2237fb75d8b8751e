// `npm run server -- --port N --database postgres://… [--redis redis://…]`: the team server on its own.
import { runTeamCommand } from './cli';

process.exitCode = await runTeamCommand('serve', process.argv.slice(2), {
  out: (l) => console.log(l),
  err: (l) => console.error(l),
});
