import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dirName, prepareStepDir, readStepResult, runLayout, stepEnv, stepLayout, writeRunFiles } from './workdir';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-workdir-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('workdir', () => {
  it('escapes only the ids that would climb directories', () => {
    expect(dirName('build')).toBe('build');
    expect(dirName('a.b-c_d')).toBe('a.b-c_d');
    expect(dirName('.')).toBe('%2E');
    expect(dirName('..')).toBe('%2E%2E');
    expect(stepLayout(runLayout(root, 'run_1'), '..').cwd).toBe(path.join(root, 'run_1', 'steps', '%2E%2E'));
  });

  it('gives a step a fresh directory on every attempt', async () => {
    const run = runLayout(root, 'run_2');
    const step = stepLayout(run, 'build');
    await prepareStepDir(step);
    fs.writeFileSync(path.join(step.cwd, 'stale.txt'), 'old');
    fs.writeFileSync(step.resultFile, '{}');
    await prepareStepDir(step);
    expect(fs.readdirSync(step.cwd)).toEqual([]);
    expect(fs.existsSync(step.resultFile)).toBe(false);
  });

  it('passes the run to the step and withholds the runner token', async () => {
    const run = runLayout(root, 'run_3');
    const step = stepLayout(run, 'build');
    await writeRunFiles(run, { name: 'x' }, { lint: { status: 'success', output: { ok: true }, error: null } });
    const env = stepEnv(
      { PATH: '/bin', FLOWDECK_TOKEN: 'secret', FLOWDECK_URL: 'http://x' },
      { runId: 'run_3', workflow: 'wf', stepId: 'build', attempt: 2, input: { name: 'x' }, run, step },
    );
    expect(env).not.toHaveProperty('FLOWDECK_TOKEN');
    expect(env).toMatchObject({ PATH: '/bin', FLOWDECK_RUN_ID: 'run_3', FLOWDECK_STEP_ID: 'build', FLOWDECK_ATTEMPT: '2', FLOWDECK_INPUT: '{"name":"x"}' });
    expect(JSON.parse(fs.readFileSync(env.FLOWDECK_INPUT_FILE as string, 'utf8'))).toEqual({ name: 'x' });
    expect(JSON.parse(fs.readFileSync(env.FLOWDECK_STEPS_FILE as string, 'utf8'))).toEqual({ lint: { status: 'success', output: { ok: true }, error: null } });
    expect(env.FLOWDECK_OUTPUT_FILE).toBe(step.resultFile);
  });

  it('reads the JSON a step left, and says when it is not JSON', async () => {
    const run = runLayout(root, 'run_4');
    const step = stepLayout(run, 's');
    await prepareStepDir(step);
    expect(await readStepResult(step)).toEqual({});
    fs.writeFileSync(step.resultFile, '{"n": 1}');
    expect(await readStepResult(step)).toEqual({ result: { n: 1 } });
    fs.writeFileSync(step.resultFile, 'not json');
    expect((await readStepResult(step)).problem).toMatch(/not valid JSON/);
  });
});
