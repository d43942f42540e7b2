import { describe, expect, it } from 'vitest';
import { upgradeTargets } from './upgrade-targets';

const v = (id: string, status: 'pending' | 'live' | 'draining' | 'sunset', isCurrent = false, workflows = ['deploy']) => ({ id, status, isCurrent, workflows });

describe('upgradeTargets', () => {
  it('live versions other than the source, current first, then newest first', () => {
    const list = [v('vers_1', 'live'), v('vers_2', 'draining'), v('vers_3', 'live', true), v('vers_4', 'live'), v('vers_5', 'pending'), v('vers_6', 'sunset')];
    expect(upgradeTargets(list, 'vers_4').map((x) => x.id)).toEqual(['vers_3', 'vers_1']);
  });
  it('only versions with the run’s workflow', () => {
    const list = [v('vers_1', 'live', false, ['deploy']), v('vers_2', 'live', false, ['etl'])];
    expect(upgradeTargets(list, 'vers_0', 'etl').map((x) => x.id)).toEqual(['vers_2']);
  });
});

describe('upgradeTargets across sources', () => {
  const sdk = (id: string, workflows: string[] = []) => ({ ...v(id, 'live', false, workflows), runSource: 'workflow-local' as const });
  it('moves a run only between versions of its own source', () => {
    const list = [v('vers_1', 'live', true), sdk('vers_2', ['processOrder']), sdk('vers_3')];
    expect(upgradeTargets(list, 'vers_9', 'processOrder', 'workflow-local').map((x) => x.id)).toEqual(['vers_3', 'vers_2']);
    expect(upgradeTargets(list, 'vers_9', 'deploy').map((x) => x.id)).toEqual(['vers_1']);
  });
});
