import { describe, expect, it } from 'vitest';
import { type LogFocusNode, logFocusNode } from './log-focus';

const node = (nodeId: string, status: LogFocusNode['status'], startedAt: string | null = null, finishedAt: string | null = null): LogFocusNode => ({
  nodeId,
  status,
  startedAt,
  finishedAt,
});

describe('logFocusNode', () => {
  const nodes = [
    node('checkout', 'success', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z'),
    node('lint', 'failed', '2026-01-01T00:00:01Z', '2026-01-01T00:00:05Z'),
    node('test', 'failed', '2026-01-01T00:00:01Z', '2026-01-01T00:00:03Z'),
    node('build', 'running', '2026-01-01T00:00:02Z'),
    node('deploy', 'running', '2026-01-01T00:00:04Z'),
    node('notify', 'pending'),
  ];
  it('opens on the step the run names as its failure', () => {
    expect(logFocusNode(nodes, 'lint')).toBe('lint');
  });
  it('ignores a failure step the run does not have', () => {
    expect(logFocusNode(nodes, 'gone')).toBe('deploy');
  });
  it('prefers the running step started last', () => {
    expect(logFocusNode(nodes, null)).toBe('deploy');
  });
  it('then the first step to fail', () => {
    expect(logFocusNode(nodes.slice(0, 3), null)).toBe('test');
  });
  it('then the step started last, then the first step', () => {
    expect(logFocusNode(nodes.slice(0, 1).concat(node('x', 'success', '2026-01-02T00:00:00Z')), null)).toBe('x');
    expect(logFocusNode([node('a', 'pending'), node('b', 'pending')], null)).toBe('a');
  });
  it('is null for a run without steps', () => {
    expect(logFocusNode([], null)).toBeNull();
  });
});
