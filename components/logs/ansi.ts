import Anser from 'anser';
import type { CSSProperties } from 'react';
import { stripAnsi, xtermColor } from '@/lib/domain/log-view';

/** One coloured run of a line: its text and how it looks (classes from app/globals.css, inline colour for 256/true colours). */
export interface AnsiStyle {
  className: string;
  style?: CSSProperties;
}
export interface AnsiSegment {
  text: string;
  style: AnsiStyle;
}

const PLAIN: AnsiStyle = { className: '' };

const DECORATIONS: Record<string, string> = {
  bold: 'font-semibold',
  dim: 'opacity-70',
  italic: 'italic',
  underline: 'underline',
  strikethrough: 'line-through',
  hidden: 'invisible',
};

function colour(name: string | null, truecolor: string | null, side: 'fg' | 'bg'): { className?: string; css?: string } {
  if (!name) return {};
  if (name === 'ansi-truecolor' && truecolor) return { css: `rgb(${truecolor})` };
  const palette = /^ansi-palette-(\d+)$/.exec(name);
  if (palette) {
    // anser names 0–15 of the palette after the 16 theme colours itself; 16–255 are fixed colours.
    const rgb = xtermColor(Number(palette[1]));
    return rgb ? { css: rgb } : {};
  }
  return { className: `${name}-${side}` };
}

/**
 * A line's coloured segments, parsed by anser (SGR colours and decorations; other escape sequences are
 * dropped). A line without an escape character is one plain segment, without calling the parser. The
 * segments' texts joined are the line's plain text (stripAnsi), so search offsets apply to them.
 */
export function ansiSegments(text: string): AnsiSegment[] {
  if (!text.includes('\u001b')) return [{ text, style: PLAIN }];
  return Anser.ansiToJson(text, { use_classes: true, remove_empty: true }).map((e) => {
    const fg = colour(e.fg, e.fg_truecolor, 'fg');
    const bg = colour(e.bg, e.bg_truecolor, 'bg');
    const classes = [fg.className, bg.className, ...e.decorations.map((d) => DECORATIONS[d])].filter(Boolean).join(' ');
    const style: CSSProperties | undefined = fg.css || bg.css ? { color: fg.css, backgroundColor: bg.css } : undefined;
    // anser keeps OSC sequences (titles, links) in the text; they are not shown.
    return { text: stripAnsi(e.content), style: { className: classes, style } };
  });
}
