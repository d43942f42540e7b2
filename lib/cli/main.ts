import { Command } from 'commander';
import { registerDemo } from './demo';

const program = new Command('flowdeck').description('Flowdeck: runs, versions and upgrades of durable workflows').showHelpAfterError();
registerDemo(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`flowdeck: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
