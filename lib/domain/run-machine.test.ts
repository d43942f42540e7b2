import { describe, expect, it } from 'vitest';
import { applyEvent, applyEvents, initialNode, type RunEvent, type RunState, TransitionError } from './run-machine';

const at = '2026-11-01T00:00:00.000Z';
function state(phase: RunState['run']['phase'] = 'queued', nodes: Record<string, Partial<ReturnType<typeof initialNode>>> = { a: {}, b: {} }): RunState {
  return {
    run: { phase, result: 'unknown', waiting: null, startedAt: null, finishedAt: null, output: null, error: null },
    nodes: Object.fromEntries(Object.entries(nodes).map(([id, n]) => [id, { ...initialNode(), ...n }])),
  };
}

describe('applyEvent', () => {
  const allowed: [string, RunState, RunEvent, (s: RunState) => unknown, unknown][] = [
    ['queued → running', state(), { type: 'run_started', at }, (s) => [s.run.phase, s.run.startedAt], ['running', at]],
    ['running → paused', state('running'), { type: 'run_paused', at }, (s) => s.run.phase, 'paused'],
    ['queued → paused', state('queued'), { type: 'run_paused', at }, (s) => s.run.phase, 'paused'],
    ['paused → running', state('paused'), { type: 'run_resumed', at }, (s) => s.run.phase, 'running'],
    [
      'cancel stops open nodes',
      state('running', { a: { status: 'running' }, b: { status: 'success' } }),
      { type: 'run_cancelled', at },
      (s) => [s.run.phase, s.run.result, s.nodes.a?.status, s.nodes.b?.status],
      ['cancelled', 'stopped', 'cancelled', 'success'],
    ],
    [
      'finish when all nodes done',
      state('running', { a: { status: 'success' }, b: { status: 'skipped' } }),
      { type: 'run_finished', at, result: 'success' },
      (s) => [s.run.phase, s.run.result, s.run.finishedAt],
      ['finished', 'success', at],
    ],
    ['node start counts attempts', state('running'), { type: 'node_started', at, nodeId: 'a' }, (s) => [s.nodes.a?.status, s.nodes.a?.attempt], ['running', 1]],
    ['retry a failed node', state('running', { a: { status: 'failed', attempt: 1 } }), { type: 'node_started', at, nodeId: 'a' }, (s) => s.nodes.a?.attempt, 2],
    [
      'node start records staging',
      state('running'),
      { type: 'node_started', at, nodeId: 'b', staged: { a: 'sha256:x' } },
      (s) => s.nodes.b?.stagedManifests,
      { a: 'sha256:x' },
    ],
    [
      'node success keeps output',
      state('running', { a: { status: 'running' } }),
      { type: 'node_succeeded', at, nodeId: 'a', output: 1 },
      (s) => [s.nodes.a?.status, s.nodes.a?.output],
      ['success', 1],
    ],
    [
      'node failure keeps error',
      state('running', { a: { status: 'running' } }),
      { type: 'node_failed', at, nodeId: 'a', error: 'x' },
      (s) => [s.nodes.a?.status, s.nodes.a?.error],
      ['failed', 'x'],
    ],
    ['skip a pending node', state('running'), { type: 'node_skipped', at, nodeId: 'a' }, (s) => s.nodes.a?.status, 'skipped'],
    [
      'sleep sets waiting',
      state('running', { a: { status: 'running' } }),
      { type: 'sleep_started', at, nodeId: 'a', until: 'later' },
      (s) => s.run.waiting,
      { kind: 'sleep', nodeId: 'a', until: 'later' },
    ],
    [
      'hook sets waiting',
      state('running', { a: { status: 'running' } }),
      { type: 'hook_created', at, nodeId: 'a', token: 't0000000' },
      (s) => s.run.waiting,
      { kind: 'hook', nodeId: 'a', token: 't0000000', since: at },
    ],
    [
      'requeue a running node: pending again, attempt kept',
      state('running', { a: { status: 'running', attempt: 2, startedAt: at } }),
      { type: 'node_requeued', at, nodeId: 'a', reason: 'lease expired' },
      (s) => [s.nodes.a?.status, s.nodes.a?.attempt, s.nodes.a?.startedAt],
      ['pending', 2, null],
    ],
  ];
  it.each(allowed)('%s', (_name, before, event, pick, expected) => {
    expect(pick(applyEvent(before, event))).toEqual(expected);
  });

  const refused: [string, RunState, RunEvent][] = [
    ['start twice', state('running'), { type: 'run_started', at }],
    ['resume a running run', state('running'), { type: 'run_resumed', at }],
    ['cancel a finished run', state('finished'), { type: 'run_cancelled', at }],
    ['finish with open nodes', state('running'), { type: 'run_finished', at, result: 'success' }],
    ['finish a queued run', state('queued', {}), { type: 'run_finished', at, result: 'success' }],
    ['node event while paused', state('paused'), { type: 'node_started', at, nodeId: 'a' }],
    ['unknown node', state('running'), { type: 'node_started', at, nodeId: 'zz' }],
    ['staged from unknown node', state('running'), { type: 'node_started', at, nodeId: 'a', staged: { zz: 'sha256:x' } }],
    ['succeed a pending node', state('running'), { type: 'node_succeeded', at, nodeId: 'a' }],
    ['start a successful node', state('running', { a: { status: 'success' } }), { type: 'node_started', at, nodeId: 'a' }],
    ['skip a running node', state('running', { a: { status: 'running' } }), { type: 'node_skipped', at, nodeId: 'a' }],
    ['wake a run that is not sleeping', state('running', { a: { status: 'running' } }), { type: 'sleep_woken', at, nodeId: 'a' }],
    [
      'hook with the wrong token',
      {
        ...state('running', { a: { status: 'running' } }),
        run: { ...state('running').run, waiting: { kind: 'hook', nodeId: 'a', token: 'right-token', since: at } },
      },
      { type: 'hook_received', at, nodeId: 'a', token: 'wrong-token' },
    ],
    [
      'succeed while waiting',
      { ...state('running', { a: { status: 'running' } }), run: { ...state('running').run, waiting: { kind: 'sleep', nodeId: 'a', until: at } } },
      { type: 'node_succeeded', at, nodeId: 'a' },
    ],
    ['requeue a pending node', state('running'), { type: 'node_requeued', at, nodeId: 'a', reason: 'x' }],
    ['requeue a finished node', state('running', { a: { status: 'success' } }), { type: 'node_requeued', at, nodeId: 'a', reason: 'x' }],
    ['requeue while paused', state('paused', { a: { status: 'running' } }), { type: 'node_requeued', at, nodeId: 'a', reason: 'x' }],
    [
      'requeue the waiting node',
      {
        ...state('running', { a: { status: 'running' } }),
        run: { ...state('running').run, waiting: { kind: 'hook', nodeId: 'a', token: 'tttttttt', since: at } },
      },
      { type: 'node_requeued', at, nodeId: 'a', reason: 'x' },
    ],
    [
      'wait twice',
      {
        ...state('running', { a: { status: 'running' }, b: { status: 'running' } }),
        run: { ...state('running').run, waiting: { kind: 'sleep', nodeId: 'a', until: at } },
      },
      { type: 'hook_created', at, nodeId: 'b', token: 'tttttttt' },
    ],
  ];
  it.each(refused)('refuses: %s', (_name, before, event) => {
    expect(() => applyEvent(before, event)).toThrow(TransitionError);
  });

  it('does not mutate its input', () => {
    const before = state();
    const copy = structuredClone(before);
    applyEvent(before, { type: 'run_started', at });
    expect(before).toEqual(copy);
  });
});

describe('applyEvents', () => {
  it('applies in order and names the index of an impossible event', () => {
    const ok = applyEvents(state(), [
      { type: 'run_started', at },
      { type: 'node_started', at, nodeId: 'a' },
    ]);
    expect(ok.nodes.a?.status).toBe('running');
    expect(() =>
      applyEvents(state(), [
        { type: 'run_started', at },
        { type: 'run_started', at },
      ]),
    ).toThrow(/^event 1: run_started refused/);
  });

  it('never changes the given state, keeps untouched nodes identical, and returns a state later events cannot change', () => {
    const before = state('queued', { a: {}, b: {}, c: {} });
    const copy = structuredClone(before);
    const batch: RunEvent[] = [
      { type: 'run_started', at },
      { type: 'node_started', at, nodeId: 'a' },
      { type: 'node_succeeded', at, nodeId: 'a' },
      { type: 'node_started', at, nodeId: 'b' },
    ];
    const after = applyEvents(before, batch);
    expect(before).toEqual(copy);
    expect([after.nodes.a?.status, after.nodes.b?.status, after.nodes.c]).toEqual(['success', 'running', before.nodes.c]);
    expect(after.nodes.c).toBe(before.nodes.c);
    expect(after.nodes.a).not.toBe(before.nodes.a);
    const snapshot = structuredClone(after);
    applyEvents(after, [{ type: 'node_succeeded', at, nodeId: 'b' }]);
    applyEvent(after, { type: 'node_started', at, nodeId: 'c' });
    expect(after).toEqual(snapshot);
    expect(() => applyEvents(before, [...batch, { type: 'node_started', at, nodeId: 'a' }])).toThrow(/^event 4/);
    expect(before).toEqual(copy);
  });
});

describe('node_requeued', () => {
  it('lets the step start again as a new attempt', () => {
    const s = applyEvents(state('running', { a: { status: 'running', attempt: 1 } }), [
      { type: 'node_requeued', at, nodeId: 'a', reason: 'lease expired' },
      { type: 'node_started', at, nodeId: 'a' },
      { type: 'node_succeeded', at, nodeId: 'a', output: 1 },
    ]);
    expect(s.nodes.a).toMatchObject({ status: 'success', attempt: 2, output: 1 });
  });
});

describe('initialNode', () => {
  it('is pending with no attempts', () => {
    expect(initialNode()).toMatchObject({ status: 'pending', attempt: 0, stagedManifests: {} });
  });
});
