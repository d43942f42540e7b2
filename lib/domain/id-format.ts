/** Id text for labels. */

/** `run_01JDF3K2…Q2XK`: the prefix, the start of the ULID (creation time) and its last characters. */
export function shortId(id: string, head = 8, tail = 4): string {
  const cut = id.indexOf('_') + 1;
  const body = id.slice(cut);
  if (body.length <= head + tail + 1) return id;
  return `${id.slice(0, cut)}${body.slice(0, head)}…${body.slice(-tail)}`;
}
