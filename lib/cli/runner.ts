import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { parseByteSize } from '@/lib/domain/byte-size';
import { DEFAULT_LOG_LIMIT_BYTES } from '@/lib/domain/log-lines';
import { MIN_SECRET_CHARS } from '@/lib/domain/log-mask';
import { env } from '@/lib/env';
import { runnerApi } from '@/lib/runner/api';
import { Runner, type RunnerLog, RunnerUnreachable } from '@/lib/runner/runner';
import { CliError, EXIT } from './http-client';

interface RunnerOptions {
  id?: string;
  capacity: number;
  workDir?: string;
  once?: boolean;
  leaseSeconds: number;
  clean?: boolean;
  logLimit?: number;
}

const RUNNER_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const MIN_LOG_LIMIT = 1024;

function int(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}`);
    return n;
  };
}

/** `--log-limit`: a size (lib/domain/byte-size) of at least 1 KiB. */
export function byteSize(value: string): number {
  const n = parseByteSize(value);
  if (n === null || n < MIN_LOG_LIMIT) throw new InvalidArgumentError(`must be a size of at least 1k, e.g. 16MiB, 512k or ${DEFAULT_LOG_LIMIT_BYTES}`);
  return n;
}

/** `<host>-<pid>`, reduced to the characters a runner id may hold. */
export function defaultRunnerId(host = os.hostname(), pid = process.pid): string {
  const clean = host.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'runner';
  return `${clean}-${pid}`;
}

/** `2026-05-01T10:00:00.000Z runner-1 run_01J… build: started …` on stdout. */
export function lineLogger(runnerId: string, write: (line: string) => void = (l) => process.stdout.write(l)): RunnerLog {
  return (runId, stepId, message) => {
    const where = [runId, stepId ? `${stepId}:` : null].filter(Boolean).join(' ');
    write(`${new Date().toISOString()} ${runnerId} ${where ? `${where} ` : ''}${message}\n`);
  };
}

/** `flowdeck runner`: the reference runner, a client of the HTTP API like any other engine. */
export function registerRunner(program: Command): void {
  program
    .command('runner')
    .description('execute queued runs: claim them, run their steps as local processes, record the results')
    .option('--id <name>', 'runner id, unique among runners (default <host>-<pid>)')
    .option('--capacity <n>', 'steps executed at once (and runs held at once)', int(1, 64), 4)
    .option('--work-dir <dir>', 'where runs and their steps get working directories (default: a new temp dir)')
    .option('--lease-seconds <n>', 'lease length; heartbeats renew it every second', int(2, 300), 15)
    .option('--once', 'exit once nothing is claimable and no run is held (instead of waiting for work)')
    .option('--clean', "delete a run's directory when the run leaves this runner")
    .option(
      '--log-limit <size>',
      `log kept per step attempt, e.g. 16MiB or 512k (default FLOWDECK_LOG_LIMIT, else ${DEFAULT_LOG_LIMIT_BYTES / 1024 / 1024}MiB)`,
      byteSize,
    )
    .addHelpText(
      'after',
      `
Talks only to the HTTP API (FLOWDECK_URL, FLOWDECK_TOKEN with operator role when auth is on). Any number of
runners may run at once; each run is held by one runner under a lease it renews every second.

A step runs as /bin/sh -c COMMAND in <work-dir>/<run>/steps/<step>/, in its own process group, with:
  FLOWDECK_INPUT        the run input as JSON        FLOWDECK_INPUT_FILE   the same, as a file
  FLOWDECK_RUN_ID       FLOWDECK_WORKFLOW            FLOWDECK_STEP_ID      FLOWDECK_ATTEMPT
  FLOWDECK_STEPS_FILE   JSON: each step it depends on that ended → {status, output, error} (a hook's output: its payload)
  FLOWDECK_OUTPUT_FILE  write JSON here to record it as the node output's "result"
The files of the steps it needs (their declared outputs) are staged into its directory first, each checked
against its sha256. Its declared outputs are uploaded as blobs and recorded as its artifact manifest.

Its stdout and stderr go to the step's log line by line, at most about a second behind, up to --log-limit
per attempt (past it the log says how many lines and bytes were cut). Values of secrets are replaced by ***
in the log, the output tails and the log file first: the runner's FLOWDECK_TOKEN and every variable whose
name ends in _TOKEN, _SECRET, _PASSWORD or _KEY or is listed in FLOWDECK_SECRET_ENV (NAME,NAME); values
shorter than ${MIN_SECRET_CHARS} characters are not masked.

Ctrl-C (or SIGTERM) stops claiming, stops the running steps and releases the leases; a second one exits at once.`,
    )
    .action(async (o: RunnerOptions) => {
      const e = env();
      const id = o.id ?? defaultRunnerId();
      if (!RUNNER_ID.test(id)) throw new CliError('--id must be 1-100 of letters, digits, . _ : -', EXIT.usage);
      const workDir = path.resolve(o.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'flowdeck-runner-')));
      fs.mkdirSync(workDir, { recursive: true });
      const log = lineLogger(id);
      const api = runnerApi({ baseUrl: e.FLOWDECK_URL, token: e.FLOWDECK_TOKEN, runnerId: id, leaseSeconds: o.leaseSeconds });
      const logLimit = o.logLimit ?? e.FLOWDECK_LOG_LIMIT_BYTES;
      const runner = new Runner({
        id,
        capacity: o.capacity,
        workDir,
        leaseSeconds: o.leaseSeconds,
        api,
        log,
        once: o.once,
        clean: o.clean,
        logLimitBytes: logLimit,
        secrets: [e.FLOWDECK_TOKEN],
      });
      let firstSignalAt = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        // One Ctrl-C can arrive twice (from the terminal and relayed by a wrapper): only a later one forces the exit.
        if (firstSignalAt && Date.now() - firstSignalAt > 1_000) {
          log(null, null, `${signal} again: exiting now`);
          process.exit(130);
        }
        firstSignalAt ||= Date.now();
        runner.shutdown(signal);
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      log(
        null,
        null,
        `started (pid ${process.pid}): ${api.baseUrl}${e.FLOWDECK_TOKEN ? ' with a token' : ''}, capacity ${o.capacity}, lease ${o.leaseSeconds}s, log limit ${logLimit} bytes, work dir ${workDir}${o.once ? ', once' : ''}`,
      );
      try {
        await runner.run();
      } catch (err) {
        if (err instanceof RunnerUnreachable)
          throw new CliError(`${err.message} (is the server running? set FLOWDECK_URL to point elsewhere)`, EXIT.unreachable);
        throw err;
      } finally {
        // A temp work dir this runner made and never used goes away with it.
        if (!o.workDir) {
          try {
            fs.rmdirSync(workDir); // only when empty
          } catch {
            // it holds runs: keep them
          }
        }
      }
      log(null, null, 'stopped');
    });
}
