import { Fragment } from 'react';

/** A path template with its `{params}` set apart; long paths break after a slash, not inside a word. */
export function ApiPath({ path }: { path: string }) {
  const parts = path.split(/(\{\w+\}|\/)/).filter(Boolean);
  return (
    <code className="font-mono text-[13px]">
      {parts.map((part, i) => {
        if (part === '/') {
          return (
            <Fragment key={i}>
              /<wbr />
            </Fragment>
          );
        }
        return part.startsWith('{') ? (
          <span key={i} className="text-primary">
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        );
      })}
    </code>
  );
}
