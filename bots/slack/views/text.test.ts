import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/translator.ts';
import { clip, escapeMrkdwn, languageName, listOf, splitMrkdwn, texts } from './text.ts';

const tx = texts(createTranslator(), 'en');

describe('escapeMrkdwn', () => {
  it('turns the three control characters into their escapes, & first', () => {
    expect(escapeMrkdwn('<!channel> & <https://evil|click> &amp;')).toBe('&lt;!channel&gt; &amp; &lt;https://evil|click&gt; &amp;amp;');
    expect(escapeMrkdwn('*bold* _it_ `code` 🙂')).toBe('*bold* _it_ `code` 🙂');
  });

  it('escapes the whole translated string in md, the vars with it', () => {
    expect(tx.md('decided.declined_reason', { name: 'Ana <@U1>', reason: 'a & b' })).toBe('Declined by Ana &lt;@U1&gt;: a &amp; b');
    expect(tx.plain('decided.declined_reason', { name: 'Ana <@U1>', reason: 'a & b' })).toBe('Declined by Ana <@U1>: a & b');
  });
});

describe('clip', () => {
  it('leaves short text alone and cuts long text to the limit with …', () => {
    expect(clip('short', 10)).toBe('short');
    const cut = clip('a'.repeat(3001), 3000);
    expect(cut).toHaveLength(3000);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits an escape or a surrogate pair', () => {
    const escaped = escapeMrkdwn('abcdef<');
    expect(escaped).toBe('abcdef&lt;');
    expect(clip(escaped, 9)).toBe('abcdef…');
    expect(clip(`abc${escapeMrkdwn('&')}xyz`, 7)).toBe('abc…');
    const emoji = clip(`ab😀cd`, 4);
    expect(emoji).toBe('ab…');
  });
});

describe('splitMrkdwn', () => {
  it('breaks at a space near the limit and keeps every word', () => {
    const words = Array.from({ length: 1000 }, (_, i) => `w${i}`).join(' ');
    const { parts, cut } = splitMrkdwn(words, 3000, 8);
    expect(cut).toBe(false);
    expect(parts.every((p) => p.length <= 3000)).toBe(true);
    expect(parts.join(' ')).toBe(words);
  });

  it('stops at maxParts and says it cut', () => {
    const { parts, cut } = splitMrkdwn('x'.repeat(10_000), 3000, 2);
    expect(parts).toHaveLength(2);
    expect(cut).toBe(true);
    expect(parts[1]?.endsWith('…')).toBe(true);
  });
});

describe('languageName and lists', () => {
  it("names a language in that language, regional tags too; shows an unknown code as it is", () => {
    expect(languageName(tx, 'es')).toBe('Español');
    expect(languageName(tx, 'es-MX')).toBe('Español');
    expect(languageName(tx, 'zh-Hans')).toBe('简体中文');
    expect(languageName(tx, 'en-US')).toBe('English');
    expect(languageName(tx, 'fr')).toBe('fr');
  });

  it('joins a list the way the locale does', () => {
    expect(listOf('en', ['SMS', 'Telegram', 'Portal'])).toBe('SMS, Telegram, and Portal');
    expect(listOf('en', ['SMS'])).toBe('SMS');
  });
});
