import fs from 'node:fs/promises';
import path from 'node:path';
import type { SeenStep } from '@/lib/domain/step-inputs';

/**
 * Where a run lives on the runner's disk:
 *
 *     <work-dir>/<runId>/
 *       input.json             the run input (FLOWDECK_INPUT_FILE)
 *       steps.json             what the steps it depends on left (FLOWDECK_STEPS_FILE), rewritten before each step
 *       steps/<stepId>/        the step's working directory: staged inputs, then its outputs
 *       meta/<stepId>.log      its stdout and stderr, as they came (uploaded as a blob)
 *       meta/<stepId>.result.json   optional JSON the step writes (FLOWDECK_OUTPUT_FILE) → node output `result`
 */
export interface RunLayout {
  root: string;
  inputFile: string;
  stepsFile: string;
}

export interface StepLayout {
  cwd: string;
  logFile: string;
  resultFile: string;
}

/** A step id as a directory name: ids are `[A-Za-z0-9._-]+`, so only `.` and `..` need escaping. */
export function dirName(id: string): string {
  return id === '.' || id === '..' ? id.replaceAll('.', '%2E') : id;
}

export function runLayout(workDir: string, runId: string): RunLayout {
  const root = path.join(workDir, dirName(runId));
  return { root, inputFile: path.join(root, 'input.json'), stepsFile: path.join(root, 'steps.json') };
}

export function stepLayout(run: RunLayout, stepId: string): StepLayout {
  const name = dirName(stepId);
  return {
    cwd: path.join(run.root, 'steps', name),
    logFile: path.join(run.root, 'meta', `${name}.log`),
    resultFile: path.join(run.root, 'meta', `${name}.result.json`),
  };
}

/** A fresh, empty working directory for a step (an earlier attempt's files are removed). */
export async function prepareStepDir(step: StepLayout): Promise<void> {
  await fs.rm(step.cwd, { recursive: true, force: true });
  await fs.rm(step.resultFile, { force: true });
  await fs.mkdir(step.cwd, { recursive: true });
  await fs.mkdir(path.dirname(step.logFile), { recursive: true });
}

/** What a step sees of the steps it depends on, by step id: status, node output (a hook's is its payload) and error. */
export type StepsSummary = Record<string, SeenStep>;

export async function writeRunFiles(run: RunLayout, input: unknown, steps: StepsSummary): Promise<void> {
  await fs.mkdir(run.root, { recursive: true });
  await fs.writeFile(run.inputFile, `${JSON.stringify(input ?? null, null, 2)}\n`);
  await fs.writeFile(run.stepsFile, `${JSON.stringify(steps, null, 2)}\n`);
}

/** Environment variables the runner never passes to a step: its own credentials. */
const WITHHELD = new Set(['FLOWDECK_TOKEN']);

export interface StepEnvInput {
  runId: string;
  workflow: string;
  stepId: string;
  attempt: number;
  input: unknown;
  run: RunLayout;
  step: StepLayout;
}

/**
 * The step's environment: the runner's own (without FLOWDECK_TOKEN) plus
 * FLOWDECK_RUN_ID, FLOWDECK_WORKFLOW, FLOWDECK_STEP_ID, FLOWDECK_ATTEMPT, FLOWDECK_INPUT (the run input as
 * JSON), FLOWDECK_INPUT_FILE, FLOWDECK_STEPS_FILE and FLOWDECK_OUTPUT_FILE.
 */
export function stepEnv(base: Readonly<Record<string, string | undefined>>, s: StepEnvInput): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined && !WITHHELD.has(k)) env[k] = v;
  return {
    ...env,
    FLOWDECK_RUN_ID: s.runId,
    FLOWDECK_WORKFLOW: s.workflow,
    FLOWDECK_STEP_ID: s.stepId,
    FLOWDECK_ATTEMPT: String(s.attempt),
    FLOWDECK_INPUT: JSON.stringify(s.input ?? null),
    FLOWDECK_INPUT_FILE: s.run.inputFile,
    FLOWDECK_STEPS_FILE: s.run.stepsFile,
    FLOWDECK_OUTPUT_FILE: s.step.resultFile,
  };
}

/** The JSON a step left in FLOWDECK_OUTPUT_FILE: undefined when it wrote none, an error note when it is not JSON. */
export async function readStepResult(step: StepLayout): Promise<{ result?: unknown; problem?: string }> {
  let text: string;
  try {
    text = await fs.readFile(step.resultFile, 'utf8');
  } catch {
    return {};
  }
  if (Buffer.byteLength(text) > 64 * 1024) return { problem: 'FLOWDECK_OUTPUT_FILE is over 64 KB; not recorded' };
  try {
    return { result: JSON.parse(text) as unknown };
  } catch {
    return { problem: 'FLOWDECK_OUTPUT_FILE is not valid JSON; not recorded' };
  }
}
