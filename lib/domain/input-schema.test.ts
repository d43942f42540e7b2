import { describe, expect, it } from 'vitest';
import { inputProblems, schemaProblem } from './input-schema';

const schema = {
  type: 'object',
  required: ['branch', 'env'],
  properties: { branch: { type: 'string' }, env: { enum: ['dev', 'prod'] }, when: { type: 'string', format: 'date-time' } },
  additionalProperties: false,
};

describe('input schema', () => {
  it('accepts conforming input', () => {
    expect(inputProblems(schema, { branch: 'main', env: 'dev' })).toEqual([]);
  });
  it('reports every failing path', () => {
    const problems = inputProblems(schema, { branch: 1, when: 'not a date', extra: true });
    expect(problems.map((p) => p.path).sort()).toEqual(['/', '/branch', '/env', '/when']);
  });
  it('schemaProblem rejects a schema that does not compile', () => {
    expect(schemaProblem({ type: 'nonsense' })).toMatch(/type/);
    expect(schemaProblem(schema)).toBeNull();
  });
});
