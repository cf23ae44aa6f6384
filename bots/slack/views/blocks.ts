// Small constructors for the Block Kit shapes in types.ts. Each one keeps its text inside Slack's
// limit; mrkdwn text given to them must already be escaped (text.ts).
import { clip, LIMITS } from './text.ts';
import type { Button, ContextBlock, DividerBlock, HeaderBlock, MrkdwnText, PlainText, SectionBlock } from './types.ts';

/** Slack refuses an empty text object: a blank one shows a dash. */
const nonEmpty = (text: string) => (text.trim() ? text : '-');

/** mrkdwn Slack shows as written: no bare URL, channel name or mention is linked on its own. */
export const mrkdwn = (text: string, max: number = LIMITS.sectionText): MrkdwnText => ({ type: 'mrkdwn', text: clip(nonEmpty(text), max), verbatim: true });

export const plain = (text: string, max: number = LIMITS.sectionText): PlainText => ({ type: 'plain_text', text: clip(nonEmpty(text), max), emoji: true });

export const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(text) });

/** A section of label/value pairs, two columns (at most 10 fields). */
export const fields = (pairs: [label: string, value: string][]): SectionBlock => ({
  type: 'section',
  fields: pairs.slice(0, 10).map(([label, value]) => mrkdwn(`*${label}*\n${value}`, LIMITS.fieldText)),
});

export const context = (...texts: string[]): ContextBlock => ({ type: 'context', elements: texts.slice(0, 10).map((s) => mrkdwn(s, LIMITS.contextText)) });

export const header = (text: string): HeaderBlock => ({ type: 'header', text: plain(text, LIMITS.headerText) });

export const divider = (): DividerBlock => ({ type: 'divider' });

export const button = (b: { actionId: string; text: string; value?: string; url?: string; style?: 'primary' | 'danger' }): Button => ({
  type: 'button',
  action_id: b.actionId,
  text: plain(b.text, LIMITS.buttonText),
  ...(b.value !== undefined ? { value: b.value } : {}),
  ...(b.url !== undefined ? { url: b.url } : {}),
  ...(b.style ? { style: b.style } : {}),
});

/** The longest row a list shows: 15 rows and their title stay inside one section's 3000. */
export const MAX_ROW = 180;

/**
 * Escaped rows as a bulleted list: at most `cap` rows, then `more(n)` for the rest; `empty` when
 * there are none. Each row is cut to MAX_ROW characters.
 */
export const bulletList = (rows: string[], cap: number, more: (n: number) => string, empty: string): string => {
  if (!rows.length) return empty;
  const shown = rows.slice(0, cap).map((r) => `• ${clip(r, MAX_ROW)}`);
  if (rows.length > cap) shown.push(more(rows.length - cap));
  return shown.join('\n');
};

/** The notification text of a message: escaped by the caller, kept short. */
export const fallback = (text: string): string => clip(text, LIMITS.fallbackText);
