import { Fragment } from 'react';

function PathPart({ part }: { part: string }) {
  if (part === '/') {
    return (
      <>
        /<wbr />
      </>
    );
  }
  return part.startsWith('{') ? <span className="text-primary">{part}</span> : part;
}

/** A path template with its `{params}` set apart; long paths break after a slash, not inside a word. */
export function ApiPath({ path }: { path: string }) {
  const parts = path.split(/(\{\w+\}|\/)/).filter(Boolean);
  return (
    <code className="font-mono text-[13px]">
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a fixed path never move, and '/' repeats: the position is the identity
        <Fragment key={i}>
          <PathPart part={part} />
        </Fragment>
      ))}
    </code>
  );
}
