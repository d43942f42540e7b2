'use client';

import { ChevronRight, ChevronsDownUp, ChevronsUpDown } from 'lucide-react';
import { useState } from 'react';
import { cn } from '@/lib/utils/cn';
import { CopyButton } from './copy-button';

/** Children shown per object or array before a "show more" button. */
const PAGE = 100;
/** Strings longer than this are cut until expanded. */
const LONG_STRING = 400;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isBranch(value: unknown): value is Json[] | Record<string, Json> {
  return typeof value === 'object' && value !== null;
}

function StringValue({ value }: { value: string }) {
  const [full, setFull] = useState(false);
  const long = value.length > LONG_STRING;
  return (
    <span className="break-all whitespace-pre-wrap text-success">
      &quot;{long && !full ? `${value.slice(0, LONG_STRING)}…` : value}&quot;
      {long && (
        <button type="button" onClick={() => setFull(!full)} className="ml-1 cursor-pointer text-xs text-primary hover:underline">
          {full ? 'less' : `${value.length - LONG_STRING} more chars`}
        </button>
      )}
    </span>
  );
}

function Leaf({ value }: { value: unknown }) {
  if (typeof value === 'string') return <StringValue value={value} />;
  if (typeof value === 'number') return <span className="text-info">{value}</span>;
  if (typeof value === 'boolean') return <span className="text-primary">{String(value)}</span>;
  if (value === null || value === undefined) return <span className="text-muted-foreground">null</span>;
  return <span>{String(value)}</span>;
}

interface NodeProps {
  name?: string;
  value: unknown;
  level: number;
  expandDepth: number;
}

function JsonNode({ name, value, level, expandDepth }: NodeProps) {
  const [open, setOpen] = useState(level < expandDepth);
  const [shown, setShown] = useState(PAGE);
  const key = name !== undefined && <span className="text-foreground/80">{name}: </span>;
  if (!isBranch(value)) {
    return (
      <div className="pl-4">
        {key}
        <Leaf value={value} />
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries: [string, unknown][] = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const summary = isArray ? `[${entries.length} ${entries.length === 1 ? 'item' : 'items'}]` : `{${entries.length} ${entries.length === 1 ? 'key' : 'keys'}}`;
  if (entries.length === 0) {
    return (
      <div className="pl-4">
        {key}
        <span className="text-muted-foreground">{isArray ? '[]' : '{}'}</span>
      </div>
    );
  }
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="group flex cursor-pointer items-center rounded text-left hover:bg-accent/60"
      >
        <ChevronRight aria-hidden className={cn('size-4 shrink-0 text-muted-foreground transition-transform', open && 'rotate-90')} />
        {key}
        <span className="text-muted-foreground">{summary}</span>
      </button>
      {open && (
        <div className="ml-2 border-l border-border/70 pl-2">
          {entries.slice(0, shown).map(([k, v]) => (
            <JsonNode key={k} name={k} value={v} level={level + 1} expandDepth={expandDepth} />
          ))}
          {entries.length > shown && (
            <button type="button" onClick={() => setShown(shown + PAGE)} className="cursor-pointer pl-4 text-xs text-primary hover:underline">
              Show {Math.min(PAGE, entries.length - shown)} more of {entries.length - shown}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export interface JsonViewerProps {
  value: unknown;
  /** Heading shown in the toolbar, e.g. "Input". */
  label?: string;
  /** Levels open at first (1 = the top level's children listed, closed). */
  defaultExpandDepth?: number;
  /** Shown instead of the tree when the value is null or undefined. */
  emptyText?: string;
  className?: string;
}

/** A collapsible tree of a JSON value with copy, expand-all and collapse-all. */
export function JsonViewer({ value, label, defaultExpandDepth = 2, emptyText = 'null', className }: JsonViewerProps) {
  const [depth, setDepth] = useState(defaultExpandDepth);
  const [generation, setGeneration] = useState(0);
  const empty = value === null || value === undefined;
  const text = empty ? 'null' : JSON.stringify(value, null, 2);
  const setAll = (d: number) => {
    setDepth(d);
    setGeneration(generation + 1);
  };
  return (
    <div data-testid="json-viewer" className={cn('overflow-hidden rounded-lg border bg-card', className)}>
      <div className="flex h-9 items-center gap-1 border-b bg-muted/40 pr-1.5 pl-3">
        <span className="flex-1 truncate text-xs font-medium text-muted-foreground">{label}</span>
        {isBranch(value) && (
          <>
            <button type="button" onClick={() => setAll(Number.POSITIVE_INFINITY)} title="Expand all" aria-label="Expand all" className={toolClass}>
              <ChevronsUpDown aria-hidden className="size-3.5" />
            </button>
            <button type="button" onClick={() => setAll(1)} title="Collapse all" aria-label="Collapse all" className={toolClass}>
              <ChevronsDownUp aria-hidden className="size-3.5" />
            </button>
          </>
        )}
        {!empty && <CopyButton value={text} label={label ? `Copy ${label.toLowerCase()}` : 'Copy JSON'} />}
      </div>
      <div className="max-h-[28rem] overflow-auto p-2 font-mono text-xs leading-5">
        {empty ? (
          <p className="px-2 py-1 font-sans text-muted-foreground">{emptyText}</p>
        ) : (
          <div key={generation}>{isBranch(value) ? <JsonNode value={value} level={0} expandDepth={depth} /> : <Leaf value={value} />}</div>
        )}
      </div>
    </div>
  );
}

const toolClass =
  'inline-flex size-6 cursor-pointer items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-foreground';
