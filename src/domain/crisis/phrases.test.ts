import { describe, expect, it } from 'vitest';
import { LOCALES } from '../types.ts';
import { CRISIS_PRIORITY, detectCrisis, wrapPattern } from './detect.ts';
import { foldLetters } from './normalize.ts';
import { PHRASES } from './phrases/index.ts';

const everyPattern = Object.entries(PHRASES).flatMap(([lng, set]) => [
  ...CRISIS_PRIORITY.flatMap((category) => set.phrases[category].map((source) => ({ lng, set, category, source, accented: false }))),
  ...CRISIS_PRIORITY.flatMap((category) => (set.accented?.[category] ?? []).map((source) => ({ lng, set, category, source, accented: true }))),
]);

/**
 * The shapes that backtrack without end: a quantified group holding `+`, `*` or `{n,}`, or a group
 * under `+`, `*` or `{n,}` holding any quantifier. Returns where they are.
 */
const nestedQuantifiers = (src: string): number[] => {
  const found: number[] = [];
  const groups: { any: boolean; unbounded: boolean }[] = [{ any: false, unbounded: false }];
  let closed: { any: boolean; unbounded: boolean } | null = null;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    const brace = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
    if (ch === '*' || ch === '+' || (ch === '?' && src[i - 1] !== '(') || brace) {
      const unbounded = ch === '*' || ch === '+' || (brace !== null && brace[2] !== undefined && brace[3] === '');
      if (closed && ((unbounded && closed.any) || closed.unbounded)) found.push(i);
      const top = groups[groups.length - 1] as { any: boolean; unbounded: boolean };
      top.any = true;
      top.unbounded ||= unbounded;
      if (brace) i += brace[0].length - 1;
      if (src[i + 1] === '?') i++;
      closed = null;
      continue;
    }
    closed = null;
    if (ch === '\\') i++;
    else if (ch === '[') while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
    else if (ch === '(') groups.push({ any: false, unbounded: false });
    else if (ch === ')') {
      closed = groups.pop() as { any: boolean; unbounded: boolean };
      const parent = groups[groups.length - 1] as { any: boolean; unbounded: boolean };
      parent.any ||= closed.any;
      parent.unbounded ||= closed.unbounded;
    }
  }
  return found;
};

describe('the phrase lists', () => {
  it('cover every supported language, each with phrases in every category', () => {
    expect(Object.keys(PHRASES).sort()).toEqual([...LOCALES].sort());
    for (const set of Object.values(PHRASES)) for (const category of CRISIS_PRIORITY) expect(set.phrases[category].length).toBeGreaterThan(3);
  });

  it(`hold ${everyPattern.length} patterns that all compile, alone and on their word edges`, () => {
    for (const { set, source } of everyPattern) {
      expect(source.trim()).not.toBe('');
      expect(() => new RegExp(wrapPattern(set, source), 'u'), source).not.toThrow();
    }
  });

  it('hold no pattern that matches empty text or a single space', () => {
    for (const { set, source } of everyPattern) {
      const re = new RegExp(wrapPattern(set, source), 'u');
      expect([re.test(''), re.test(' ')], source).toEqual([false, false]);
    }
  });

  it('are written in the normalized form: lower case, folded letters, single spaces', () => {
    for (const { source, accented } of everyPattern) {
      expect(source.toLowerCase(), source).toBe(source);
      expect(source, source).not.toMatch(/ {2}|^ | $/);
      if (accented) expect(source.normalize('NFC'), source).toBe(source);
      else expect(foldLetters(source), source).toBe(source);
    }
  });

  it('hold no nested quantifier', () => {
    expect(nestedQuantifiers('(?: [a-z]+){0,3}')).not.toEqual([]);
    expect(nestedQuantifiers('(?:a|b)+')).toEqual([]);
    expect(nestedQuantifiers('(?:ab?)*')).not.toEqual([]);
    expect(nestedQuantifiers('(?: (?:is|was)){0,5} [a-z]{0,6} (?:x ?y)?')).toEqual([]);
    for (const { source } of everyPattern) expect({ source, at: nestedQuantifiers(source) }).toEqual({ source, at: [] });
  });
});

describe('detection time', () => {
  it('stays short on 1,600-character texts built to make patterns backtrack', () => {
    const texts = [
      'he '.repeat(533), 'he is '.repeat(266), 'my boss said he will '.repeat(76), 'i am going to '.repeat(114),
      'me '.repeat(533), 'a'.repeat(1600), '想'.repeat(1600), 'ضرب '.repeat(400), 'он '.repeat(533), '나를 '.repeat(533),
      'toi muon '.repeat(177), 'mi hija '.repeat(200), 'Hello, I wanted to ask about my appointment next week. '.repeat(29),
    ];
    for (const text of texts) detectCrisis(text);
    const started = Date.now();
    for (const text of texts) expect(detectCrisis(text)).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
