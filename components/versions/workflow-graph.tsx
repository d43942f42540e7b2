import { Hourglass, SquareTerminal, Webhook } from 'lucide-react';
import type { StepAction } from '@/lib/domain/manifest';
import type { ManifestGraph } from '@/lib/domain/manifest-graph';
import type { NeedCondition } from '@/lib/domain/node-status';

const ACTION_ICONS: Record<StepAction, typeof Hourglass> = { run: SquareTerminal, sleep: Hourglass, hook: Webhook };
const ACTION_LABELS: Record<StepAction, string> = { run: 'Runs a command', sleep: 'Sleeps', hook: 'Waits on a hook' };

const EDGE_LOOK: Record<NeedCondition, { stroke: string; dash?: string; label: string | null }> = {
  on_success: { stroke: 'color-mix(in oklch, var(--color-muted-foreground) 55%, transparent)', label: null },
  on_failure: { stroke: 'var(--color-danger)', label: 'on failure' },
  on_skipped: { stroke: 'var(--color-muted-foreground)', dash: '3 4', label: 'on skipped' },
};

const PAD = 12;

/** A workflow's steps as a static left → right graph (laid out in lib/domain), edges labelled by condition. */
export function WorkflowGraph({ graph, name }: { graph: ManifestGraph; name: string }) {
  const { nodeWidth: w, nodeHeight: h } = graph;
  const at = new Map(graph.nodes.map((n) => [n.id, n]));
  const width = graph.width + 2 * PAD;
  const height = graph.height + 2 * PAD;
  return (
    <figure className="space-y-1.5">
      <div className="max-h-[30rem] overflow-auto rounded-lg border bg-background" data-testid="workflow-graph" aria-label={`Steps of ${name}`} role="group">
        <div className="relative" style={{ width, height }}>
          <svg width={width} height={height} className="absolute inset-0" aria-hidden>
            {graph.edges.map((e) => {
              const s = at.get(e.source);
              const t = at.get(e.target);
              if (!s || !t) return null;
              const x1 = s.x + w + PAD;
              const y1 = s.y + h / 2 + PAD;
              const x2 = t.x + PAD;
              const y2 = t.y + h / 2 + PAD;
              const mid = (x1 + x2) / 2;
              const look = EDGE_LOOK[e.when];
              return (
                <g key={`${e.source}->${e.target}`}>
                  <path
                    d={`M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2 - 4},${y2}`}
                    fill="none"
                    stroke={look.stroke}
                    strokeWidth={1.5}
                    strokeDasharray={look.dash}
                  />
                  <path d={`M${x2 - 6},${y2 - 3.5} L${x2},${y2} L${x2 - 6},${y2 + 3.5}`} fill="none" stroke={look.stroke} strokeWidth={1.5} />
                  {look.label && (
                    <text x={mid} y={(y1 + y2) / 2 - 5} textAnchor="middle" fontSize={10} fill={look.stroke} className="font-medium">
                      {look.label}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
          {graph.nodes.map((n) => {
            const Icon = ACTION_ICONS[n.action];
            return (
              <div
                key={n.id}
                data-testid="manifest-step"
                title={`${n.id} — ${n.detail}`}
                className="absolute flex items-center gap-2 rounded-lg border bg-card px-2.5 shadow-xs"
                style={{ left: n.x + PAD, top: n.y + PAD, width: w, height: h }}
              >
                <Icon aria-label={ACTION_LABELS[n.action]} className="size-4 shrink-0 text-muted-foreground" />
                <div className="min-w-0 leading-tight">
                  <div className="truncate font-mono text-[12px] font-medium">{n.id}</div>
                  <div className="truncate font-mono text-[10.5px] text-muted-foreground">{n.detail}</div>
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <Legend />
    </figure>
  );
}

/** What the icons and edge styles mean. */
function Legend() {
  return (
    <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-[11px] text-muted-foreground">
      {(Object.keys(ACTION_ICONS) as StepAction[]).map((a) => {
        const Icon = ACTION_ICONS[a];
        return (
          <span key={a} className="flex items-center gap-1">
            <Icon aria-hidden className="size-3" /> {ACTION_LABELS[a].toLowerCase()}
          </span>
        );
      })}
      {(Object.keys(EDGE_LOOK) as NeedCondition[]).map((c) => (
        <span key={c} className="flex items-center gap-1">
          <svg width="18" height="6" aria-hidden>
            <line x1="0" y1="3" x2="18" y2="3" stroke={EDGE_LOOK[c].stroke} strokeWidth="1.5" strokeDasharray={EDGE_LOOK[c].dash} />
          </svg>
          needs, {EDGE_LOOK[c].label ?? 'on success'}
        </span>
      ))}
    </figcaption>
  );
}
