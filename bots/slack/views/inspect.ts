// Reading views back: every text object of a set of blocks, every button. For tests (these and
// the listeners' round trips through the fake Slack API) and for logging what was shown.
import type { Block, Button, TextObject } from './types.ts';

const textObjectsOf = (b: Block): TextObject[] => {
  switch (b.type) {
    case 'section':
      return [...(b.text ? [b.text] : []), ...(b.fields ?? [])];
    case 'context':
      return b.elements;
    case 'actions':
      return b.elements.map((e) => e.text);
    case 'header':
      return [b.text];
    case 'input':
      return [b.label, ...(b.hint ? [b.hint] : []), ...(b.element.placeholder ? [b.element.placeholder] : [])];
    case 'divider':
      return [];
  }
};

/** The text of every text object in the blocks, of one type or of both. */
export const textsOf = (blocks: Block[], type?: TextObject['type']): string[] =>
  blocks.flatMap(textObjectsOf).filter((t) => !type || t.type === type).map((t) => t.text);

export const buttonsOf = (blocks: Block[]): Button[] => blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));

export const findButton = (blocks: Block[], actionId: string): Button | undefined => buttonsOf(blocks).find((b) => b.action_id === actionId);
