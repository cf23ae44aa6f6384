import { describe, expect, it } from 'vitest';
import { isPauseWord } from './pause-word.ts';

const mango = { pauseWord: 'Mango' };

describe('isPauseWord', () => {
  it('takes the whole message, in any case, trimmed, with punctuation after it', () => {
    for (const body of ['Mango', 'mango', 'MANGO', '  mango  ', 'mango.', 'Mango!', 'mango!!!', 'mango?', 'mango\n', 'Mango…', 'mango 。', 'MANGO‼']) {
      expect(isPauseWord(mango, body), body).toBe(true);
    }
  });

  it('reads full-width and other compatibility forms as the letters they are', () => {
    expect(isPauseWord(mango, 'ＭＡＮＧＯ')).toBe(true);
    expect(isPauseWord({ pauseWord: 'café' }, 'cafe\u0301')).toBe(true);
    expect(isPauseWord({ pauseWord: 'Ñandú' }, 'ñandú!')).toBe(true);
    expect(isPauseWord({ pauseWord: 'тишина' }, 'ТИШИНА')).toBe(true);
  });

  it('is not the word inside a sentence, a longer or shorter word, or with something before it', () => {
    for (const body of ['I ate a mango', 'mango please', 'mangos', 'mang', 'm a n g o', '¿mango', '"mango"x', '', '   ', '!']) {
      expect(isPauseWord(mango, body), body).toBe(false);
    }
  });

  it('is never true for a client without a pause word', () => {
    expect(isPauseWord({ pauseWord: null }, '')).toBe(false);
    expect(isPauseWord({ pauseWord: null }, 'stop')).toBe(false);
    expect(isPauseWord({ pauseWord: '' }, '')).toBe(false);
  });
});
