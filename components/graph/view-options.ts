import { NODE_HEIGHT, NODE_WIDTH } from '@/lib/domain/graph-layout-protocol';
import type { PreviewOptions } from '@/lib/domain/graph-preview';

/** "Fit view": how far out and in it may zoom and the room it leaves around the graph (React Flow's fitView options). */
export const FIT = { minZoom: 0.02, maxZoom: 1.1, padding: 0.08 };
/** The first view's rule (see `initialView`): fitted while readable, else a readable view on a notable step or the start. */
export const VIEW = { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, minReadableZoom: 0.5, startZoom: 0.75, padding: 28 };
/** The server-drawn first view: the same rule, for canvases up to 4K. */
export const PREVIEW: PreviewOptions = { ...VIEW, fitPadding: FIT.padding, reach: { width: 3840, height: 2160 }, assumedHeight: 460 };
