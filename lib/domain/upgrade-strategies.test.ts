import { describe, expect, it } from 'vitest';
import { UPGRADE_STRATEGIES } from './job-status';
import { UPGRADE_STRATEGY_HINTS, UPGRADE_STRATEGY_LABELS } from './upgrade-strategies';

describe('upgrade strategy texts', () => {
  it('label and explain every strategy in one line', () => {
    for (const s of UPGRADE_STRATEGIES) {
      expect(UPGRADE_STRATEGY_LABELS[s]).toBeTruthy();
      expect(UPGRADE_STRATEGY_HINTS[s]).not.toMatch(/\n/);
    }
  });
});
