// Text as the crisis phrases see it. Clients write from cheap phones, in a hurry, often without
// accents or tones, in capitals, with emoji and SMS spellings; the phrase lists are written once,
// in this normalized form, and every message is brought to it before it is checked:
//
//   - Unicode NFKC (full-width letters and digits become ordinary ones), lower case
//     (String#toLowerCase is locale-independent);
//   - Latin diacritics stripped ("suicidarme" = "suicidárme", Vietnamese "tự tử" = "tu tu"),
//     đ → d; Russian ё → е; Arabic أ إ آ ٱ → ا, ة → ه, ى → ي (and the Persian-keyboard ی ک),
//     harakat and tatweel dropped; the traditional forms of the Chinese characters the phrases use
//     brought to their simplified forms;
//   - English contractions spelled out (he'll → he will, won't → will not), other apostrophes
//     dropped (daughter's → daughters, Haitian m'ap → map);
//   - every run of punctuation, symbols, emoji and spaces becomes one space, and a space is put
//     where Chinese or Korean meets another script;
//   - a letter repeated three times or more is kept twice ("pleeease" → "pleease");
//   - common SMS spellings replaced, word by word (u → you, im → i am, wanna → want to…). The list
//     is shared by every language, so it holds no word that is a real word or a common
//     abbreviation in another supported language (no "ya", "y", "n", "m", "ta": Spanish and Haitian
//     Creole use them; no "k": Vietnamese texters write it for "không").

const LATIN_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const LETTER_FOLDS: Record<string, string> = {
  đ: 'd', ø: 'o', ł: 'l', ё: 'е', 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ة': 'ه', 'ى': 'ي', 'ی': 'ي', 'ک': 'ك',
};
const LETTER_FOLD = /[đøłёأإآٱةىیک]/gu;
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;

/** Traditional forms of the characters used in the Chinese phrases (clients from Hong Kong and Taiwan). */
const HANZI = '殺杀傷伤藥药槍枪讓让離离險险門门樓楼殘残結结說说會会沒没兒儿們们寶宝強强姦奸脅胁對对電电鎖锁無无義义夠够褻亵蹤踪劃划腸肠囉啰頭头拋抛媽妈';
const HANZI_MAP = new Map<string, string>();
for (let i = 0; i + 1 < HANZI.length; i += 2) HANZI_MAP.set(HANZI[i] as string, HANZI[i + 1] as string);
const HANZI_TRAD = new RegExp(`[${[...HANZI_MAP.keys()].join('')}]`, 'gu');

const APOSTROPHES = /[’‘`´ʼʹ′＇]/gu;
const CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/\bwon'?t\b/g, 'will not'],
  [/\bcan'?t\b/g, 'can not'],
  [/\bain'?t\b/g, 'is not'],
  [/\b(do|does|did|is|are|was|were|would|could|should|have|has|had|must)n'?t\b/g, '$1 not'],
  [/\b(i)'m\b/g, '$1 am'],
  [/'re\b/g, ' are'],
  [/\b(i|you|we|they)'ve\b/g, '$1 have'],
  [/\b(i|you|he|she|it|we|they|that)'ll\b/g, '$1 will'],
  [/\b(i|you|he|she|we|they)'d\b/g, '$1 would'],
  [/\b(he|she|it|that|there|what|who)'s\b/g, '$1 is'],
  [/'/g, ''],
];

const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/gu;
const CJK_THEN_OTHER = /([\p{Script=Han}\p{Script=Hangul}])(?=[^\p{Script=Han}\p{Script=Hangul}\s])/gu;
const OTHER_THEN_CJK = /([^\p{Script=Han}\p{Script=Hangul}\s])(?=[\p{Script=Han}\p{Script=Hangul}])/gu;
const REPEATS = /(\p{L})\1{2,}/gu;

/** SMS spellings, word → words. English first, then the few Spanish ones. */
const SMS: Readonly<Record<string, string>> = {
  u: 'you', ur: 'your', r: 'are', im: 'i am', ive: 'i have', hes: 'he is', shes: 'she is', youre: 'you are',
  theyre: 'they are', wont: 'will not', dont: 'do not', doesnt: 'does not', didnt: 'did not', cant: 'can not',
  cannot: 'can not', isnt: 'is not', wasnt: 'was not', aint: 'is not', wouldnt: 'would not', couldnt: 'could not',
  gonna: 'going to', gona: 'going to', gunna: 'going to', finna: 'going to', ima: 'i am going to',
  imma: 'i am going to', wanna: 'want to', wana: 'want to', gotta: 'got to', tryna: 'trying to', lemme: 'let me',
  gimme: 'give me', kms: 'kill myself', idk: 'i do not know', idc: 'i do not care', pls: 'please', plz: 'please',
  bc: 'because', cuz: 'because', coz: 'because', bf: 'boyfriend', gf: 'girlfriend', hubby: 'husband',
  rn: 'right now', ppl: 'people', wud: 'would', cud: 'could', myslef: 'myself', mysef: 'myself', myslf: 'myself',
  q: 'que', xq: 'porque', pq: 'porque', porq: 'porque', kiero: 'quiero', kero: 'quiero',
};

const foldChars = (s: string, stripLatin: boolean): string =>
  (stripLatin ? s.normalize('NFD').replace(LATIN_MARKS, '$1') : s)
    .normalize('NFC')
    .replace(LETTER_FOLD, (c) => LETTER_FOLDS[c] ?? c)
    .replace(ARABIC_MARKS, '')
    .replace(HANZI_TRAD, (c) => HANZI_MAP.get(c) ?? c);

const fold = (s: string, stripLatin: boolean): string => foldChars(s.normalize('NFKC').toLowerCase(), stripLatin);

const run = (text: string, stripLatin: boolean, keepRepeats: 1 | 2): string => {
  let t = fold(text, stripLatin).replace(APOSTROPHES, "'");
  for (const [re, to] of CONTRACTIONS) t = t.replace(re, to);
  t = t.replace(SEPARATORS, ' ').replace(CJK_THEN_OTHER, '$1 ').replace(OTHER_THEN_CJK, '$1 ');
  t = t.replace(REPEATS, keepRepeats === 2 ? '$1$1' : '$1');
  return t
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => SMS[w] ?? w)
    .join(' ');
};

/** The form the phrase lists are written in (see above). */
export const normalize = (text: string): string => run(text, true, 2);

/** The same, with Latin diacritics kept: for the few Vietnamese words that only their tones tell apart. */
export const normalizeKeepingAccents = (text: string): string => run(text, false, 2);

/**
 * The forms of a text worth checking: normalized, and again with every repeated letter kept once
 * ("dieeee" → "die", where the first form keeps "diee" so that "killl" stays "kill").
 */
export const normalizedForms = (text: string): string[] => {
  const twice = run(text, true, 2);
  const once = run(text, true, 1);
  return once === twice ? [twice] : [twice, once];
};

/** Letter folding alone (no case, spacing or SMS changes): phrase patterns must be unchanged by it. */
export const foldLetters = (s: string): string => foldChars(s, true);
