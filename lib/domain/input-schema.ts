import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { canonicalJson } from './digest';

export interface InputProblem {
  /** JSON pointer of the failing value, `/` for the whole input. */
  path: string;
  message: string;
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);

const cache = new Map<string, ValidateFunction>();
const CACHE_LIMIT = 500;

function compile(schema: Record<string, unknown>): ValidateFunction {
  const key = canonicalJson(schema);
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, validate);
  }
  return validate;
}

/** Why a JSON Schema is not usable, or null when it compiles. */
export function schemaProblem(schema: Record<string, unknown>): string | null {
  try {
    compile(schema);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Every place where `input` fails the workflow's input schema; empty when it conforms. */
export function inputProblems(schema: Record<string, unknown>, input: unknown): InputProblem[] {
  const validate = compile(schema);
  if (validate(input)) return [];
  return (validate.errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? `/${String((e.params as { missingProperty: string }).missingProperty)}` : '';
    return { path: `${e.instancePath}${missing}` || '/', message: e.message ?? 'is invalid' };
  });
}
