import { Command } from 'commander';
import { registerCommits } from './commits';
import { registerDemo } from './demo';
import { reportError } from './errors';
import { registerRunner } from './runner';
import { registerRuns } from './runs';
import { registerSync } from './sync';
import { registerToken } from './token';
import { registerUpgrade } from './upgrade';
import { registerVersion } from './version';
import { registerVersionRetire } from './version-retire';

const program = new Command('flowdeck')
  .description('Flowdeck: runs, versions and upgrades of durable workflows')
  .showHelpAfterError()
  // Usage errors and --help throw instead of exiting, so reportError picks the exit code (subcommands inherit this).
  .exitOverride()
  .addHelpText(
    'after',
    `
Every command except demo talks to the HTTP API, the runner too (token commands too when FLOWDECK_URL is
set; without it they work directly on the store, which is how the first admin token is made):
  FLOWDECK_URL    the server (default http://127.0.0.1:3000)
  FLOWDECK_TOKEN  bearer token, sent when set (required by a server that listens beyond loopback)

Add --json to any command to print the raw API JSON instead of tables.
Exit codes: 0 ok, 1 refused or failed by the server (message and code on stderr), 2 bad invocation, 3 server unreachable.

Examples:
  flowdeck version list
  flowdeck version create --manifest flow.json --address https://flows.example.com/v7 --label v7
  flowdeck version diff vers_A vers_B
  flowdeck upgrade run_X --to vers_B --strategy partial-resume --dry-run
  flowdeck upgrade-all vers_A --to vers_B --strategy restart
  flowdeck version sunset vers_A
  flowdeck commits list --entity version --limit 10
  flowdeck run start release --input '{"app": "hello", "version": "1.0.0"}'
  flowdeck run logs run_X build --follow
  flowdeck runner --capacity 4 --work-dir /var/tmp/flowdeck-runs
  flowdeck sync workflow --world local --data-dir .workflow-data --app-url http://127.0.0.1:3100
  flowdeck token create --name ci --role operator --expires 90d`,
  );

registerVersionRetire(registerVersion(program));
registerUpgrade(program);
registerCommits(program);
registerRuns(program);
registerRunner(program);
registerSync(program);
registerDemo(program);
registerToken(program);

let json = false;
program.hook('preAction', (_root, action) => {
  json = Boolean(action.opts().json);
});

program.parseAsync(process.argv).catch((err: unknown) => {
  process.exitCode = reportError(err, json);
});
