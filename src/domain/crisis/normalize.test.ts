import { describe, expect, it } from 'vitest';
import { foldLetters, normalize, normalizedForms, normalizeKeepingAccents } from './normalize.ts';

describe('normalize', () => {
  it.each([
    ['lower case, punctuation and spaces collapsed', '  HE   HIT me!!!  ...', 'he hit me'],
    ['NFKC: full-width letters', 'Ｉ ｗａｎｔ', 'i want'],
    ['Latin accents stripped', 'Mi hija está en peligro. Me pegó', 'mi hija esta en peligro me pego'],
    ['ñ and ü', 'niño pingüino', 'nino pinguino'],
    ['Vietnamese tones and đ', 'Tôi muốn tự tử. Đừng', 'toi muon tu tu dung'],
    ['Haitian accents and apostrophes', "M'ap touye tèt mwen", 'map touye tet mwen'],
    ['Russian ё', 'Он убьёт меня', 'он убьет меня'],
    ['Arabic letter variants and harakat', 'أُرِيدُ إِنْهَاءَ حَيَاتِي آمنة مستشفى', 'اريد انهاء حياتي امنه مستشفي'],
    ['Arabic tatweel', 'ضـــربني', 'ضربني'],
    ['traditional Chinese', '我想自殺，他會殺了我', '我想自杀 他会杀了我'],
    ['a space where Chinese or Korean meets another script', 'Mr.Lee我想死ok', 'mr lee 我想死 ok'],
    ['Korean kept whole', '죽고 싶어요!! 진짜', '죽고 싶어요 진짜'],
    ['English contractions', "I'm sure he'll say he won't, she's out, I can't", 'i am sure he will say he will not she is out i can not'],
    ['curly apostrophes', 'he’s outside, I’m scared', 'he is outside i am scared'],
    ['possessives', "my daughter's teacher", 'my daughters teacher'],
    ['SMS spellings', 'idk u r gonna b ok, im wanna kms', 'i do not know you are going to b ok i am want to kill myself'],
    ['SMS without apostrophes', 'hes gonna hurt me, i dont want to live, he wont let me', 'he is going to hurt me i do not want to live he will not let me'],
    ['Spanish SMS', 'q hago, kiero morir xq', 'que hago quiero morir porque'],
    ['no SMS rewrite of Spanish or Haitian words', 'ya y n m ta', 'ya y n m ta'],
    ['letters held down kept twice', 'pleeeease helppp', 'pleease helpp'],
    ['emoji and symbols are spaces', 'help🙏🏽me###now', 'help me now'],
  ])('%s', (_, text, expected) => {
    expect(normalize(text)).toBe(expected);
  });

  it('keeps Latin accents when asked, and folds the rest the same way', () => {
    expect(normalizeKeepingAccents('Tôi muốn TỰ TỬ!')).toBe('tôi muốn tự tử');
    expect(normalizeKeepingAccents('أنا ضـربني')).toBe('انا ضربني');
    expect(normalizeKeepingAccents('He’s gonna')).toBe('he is going to');
  });

  it('gives a second form with held-down letters kept once, only when it differs', () => {
    expect(normalizedForms('I want to dieeee')).toEqual(['i want to diee', 'i want to die']);
    expect(normalizedForms('killll myself')).toEqual(['kill myself', 'kil myself']);
    expect(normalizedForms('hello')).toEqual(['hello']);
  });

  it('folds letters without touching case, spaces or regular-expression syntax', () => {
    expect(foldLetters('(?:está|ёлка|أنا) \\p{L}+ [a-z]')).toBe('(?:esta|елка|انا) \\p{L}+ [a-z]');
  });
});
