/**
 * A record's own value under a key, or undefined. Plain `record[key]` also finds what every object
 * inherits: `workflows["constructor"]` is a function and `nodes["__proto__"]` an object, so a name
 * taken from a request must never be looked up that way.
 */
export function ownValue<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Names every plain object already answers to; refused as workflow, step and node names. */
export function isPrototypeKey(key: string): boolean {
  return key in Object.prototype;
}
