// What Slack would refuse in a view or message (too many blocks, a text too long or empty, a
// button value that is more than an id), and mrkdwn that is not inert (a raw `<`, `>` or `&`:
// these views never link in mrkdwn, the file link is a button), as a list of problems: empty
// means the view is fine. The tests run every view through it.
import { LIMITS } from './text.ts';
import type { Block, HomeView, ModalView, SlackMessage, TextObject } from './types.ts';

/** A `<`, `>` or an `&` that does not start one of the three escapes. */
const RAW_CONTROL = /[<>]|&(?!amp;|lt;|gt;)/;

const textProblems = (where: string, t: TextObject | undefined, max: number): string[] => {
  if (!t) return [];
  if (!t.text.trim()) return [`${where}: empty text`];
  return [
    ...(t.text.length > max ? [`${where}: ${t.text.length} > ${max} characters`] : []),
    ...(t.type === 'mrkdwn' && RAW_CONTROL.test(t.text) ? [`${where}: unescaped mrkdwn`] : []),
    ...(t.type === 'mrkdwn' && t.verbatim !== true ? [`${where}: mrkdwn not verbatim`] : []),
  ];
};

const blockProblems = (b: Block, i: number): string[] => {
  const at = `block ${i} (${b.type})`;
  switch (b.type) {
    case 'section':
      if (!b.text && !b.fields?.length) return [`${at}: neither text nor fields`];
      return [
        ...textProblems(at, b.text, LIMITS.sectionText),
        ...(b.fields && b.fields.length > 10 ? [`${at}: more than 10 fields`] : []),
        ...(b.fields ?? []).flatMap((f, j) => textProblems(`${at} field ${j}`, f, LIMITS.fieldText)),
      ];
    case 'context':
      return [
        ...(b.elements.length === 0 || b.elements.length > 10 ? [`${at}: ${b.elements.length} elements`] : []),
        ...b.elements.flatMap((e, j) => textProblems(`${at} element ${j}`, e, LIMITS.contextText)),
      ];
    case 'actions':
      return [
        ...(b.elements.length === 0 || b.elements.length > 25 ? [`${at}: ${b.elements.length} elements`] : []),
        ...b.elements.flatMap((e, j) => [
          ...textProblems(`${at} button ${j}`, e.text, LIMITS.buttonText),
          ...(e.value !== undefined && (e.value.length > LIMITS.buttonValue || /\s/.test(e.value)) ? [`${at} button ${j}: value is not an id`] : []),
          ...(e.url !== undefined && e.url.length > LIMITS.url ? [`${at} button ${j}: url too long`] : []),
        ]),
      ];
    case 'header':
      return textProblems(at, b.text, LIMITS.headerText);
    case 'input':
      return [
        ...textProblems(`${at} label`, b.label, LIMITS.inputLabel),
        ...textProblems(`${at} hint`, b.hint, LIMITS.inputHint),
        ...textProblems(`${at} placeholder`, b.element.placeholder, LIMITS.placeholder),
        ...((b.element.max_length ?? 0) > 3000 ? [`${at}: max_length over 3000`] : []),
      ];
    case 'divider':
      return [];
  }
};

const blocksProblems = (blocks: Block[], max: number): string[] => [
  ...(blocks.length > max ? [`${blocks.length} blocks > ${max}`] : []),
  ...blocks.flatMap(blockProblems),
];

export const messageProblems = (m: SlackMessage): string[] => [
  ...(m.text.trim() ? [] : ['empty fallback text']),
  ...(m.text.length > LIMITS.fallbackText ? ['fallback text too long'] : []),
  ...(RAW_CONTROL.test(m.text) ? ['unescaped fallback text'] : []),
  ...blocksProblems(
    m.blocks.filter((b) => b.type !== 'input'),
    LIMITS.messageBlocks,
  ),
  ...(m.blocks.some((b) => b.type === 'input') ? ['an input block in a message'] : []),
];

export const viewProblems = (v: ModalView | HomeView): string[] => [
  ...blocksProblems(v.blocks, LIMITS.viewBlocks),
  ...(v.type === 'modal'
    ? [
        ...textProblems('title', v.title, LIMITS.modalTitle),
        ...textProblems('submit', v.submit, LIMITS.modalButton),
        ...textProblems('close', v.close, LIMITS.modalButton),
        ...((v.private_metadata?.length ?? 0) > LIMITS.privateMetadata ? ['private_metadata too long'] : []),
      ]
    : []),
];
