import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { byteSize, defaultRunnerId, lineLogger } from './runner';

describe('runner CLI helpers', () => {
  it('makes a runner id from host and pid', () => {
    expect(defaultRunnerId('build-01.example.com', 42)).toBe('build-01.example.com-42');
    expect(defaultRunnerId('weird host/name', 7)).toBe('weird-host-name-7');
    expect(defaultRunnerId('', 7)).toBe('runner-7');
  });

  it('writes one line per event with run and step', () => {
    const lines: string[] = [];
    const log = lineLogger('r1', (l) => lines.push(l));
    log('run_1', 'build', 'started');
    log(null, null, 'idle');
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z r1 run_1 build: started\n$/);
    expect(lines[1]).toMatch(/Z r1 idle\n$/);
  });

  it('reads --log-limit as a size of at least 1k', () => {
    expect(byteSize('16MiB')).toBe(16 * 1024 * 1024);
    expect(byteSize('2048')).toBe(2048);
    expect(() => byteSize('lots')).toThrow(InvalidArgumentError);
    expect(() => byteSize('10')).toThrow(/at least 1k/);
  });
});
