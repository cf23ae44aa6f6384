import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/domain/types.ts';
import { classifyReply, keywordOf, type Reply } from './classify.ts';
import { KEYWORD_KINDS, KEYWORDS, LEFT_OUT, ONLY_AS_WRITTEN } from './keywords.ts';
import { foldForMatch, normalizeReply } from './normalize.ts';

const kindOf = (text: string) => classifyReply(text).kind;
/** Spellings without accents that match nothing on purpose (see ONLY_AS_WRITTEN). */
const AMBIGUOUS_WITHOUT_ACCENTS = ['DUNG', 'ابدا'];

describe('the vocabulary', () => {
  it('has every kind in every portal locale', () => {
    for (const kind of KEYWORD_KINDS) for (const lng of LOCALES) expect(KEYWORDS[kind][lng]?.length, `${kind} ${lng}`).toBeGreaterThan(0);
  });

  it('matches each word as written, in lower case, and inside punctuation and spaces', () => {
    for (const kind of KEYWORD_KINDS) {
      for (const word of Object.values(KEYWORDS[kind]).flat()) {
        for (const sent of [word, word.toLowerCase(), `  «${word.toLowerCase()}»!! `, `${word}.`, `${word} 🙏`]) expect(kindOf(sent), sent).toBe(kind);
      }
    }
  });

  it('matches each word without its accents, except where that spells another answer', () => {
    for (const kind of KEYWORD_KINDS) {
      for (const word of Object.values(KEYWORDS[kind]).flat()) {
        const bare = foldForMatch(normalizeReply(word));
        const expected = AMBIGUOUS_WITHOUT_ACCENTS.includes(bare) ? 'text' : kind;
        expect(kindOf(bare.toLowerCase()), `${word} as ${bare}`).toBe(expected);
      }
    }
    expect(ONLY_AS_WRITTEN.map((w) => foldForMatch(normalizeReply(w)))).toEqual(AMBIGUOUS_WITHOUT_ACCENTS);
  });

  it('never makes a word it left out on purpose a keyword', () => {
    for (const word of Object.keys(LEFT_OUT)) expect(keywordOf(word), word).toBeNull();
    for (const word of Object.keys(LEFT_OUT)) expect(keywordOf(word.toLowerCase()), word).toBeNull();
  });
});

describe('keywords, the way people type them', () => {
  const cases: Record<Exclude<Reply['kind'], 'number' | 'code' | 'text' | 'empty'>, string[]> = {
    stop: [
      'Stop.', ' STOP ', 'stop!', '"STOP"', '“Stop”', 'STOP 🛑', 'ＳＴＯＰ', 'stop all', 'StopAll', 'opt-out', 'Opt Out', 'optout',
      'unsubscribe', 'Cancel', 'end', 'QUIT', 'revoke', 'remove', 'STOP STOP STOP',
      'ALTO', '¡Alto!', 'parar', 'Detener', 'baja', 'salir',
      'arrete', 'ARRÊTE', 'Arrêter', 'arret', 'Arrêtez!', 'sispann', 'Sispann.',
      '停止', '退订', '退訂', 'td', '取消订阅', '停止。',
      'DỪNG', 'Dừng', 'dừng lại', 'dung lai', 'ngừng', 'ngung', 'Ngưng', 'hủy đăng ký', 'huy dang ky', 'Du\u031B\u0300ng',
      'توقف', 'إيقاف', 'ايقاف', 'إلغاء الاشتراك', 'الغاء الاشتراك', 'تـوقـف', '\u200Fتوقف\u200F', 'توقف!',
      'СТОП', 'стоп', 'Отписаться', 'отписка', '중지', '수신거부', '수신 거부', '그만', '그만!!',
    ],
    start: ['START', 'start', 'Unstop', 'subscribe', 'alta', 'kòmanse', 'komanse', '开始', '開始', '订阅', 'bắt đầu', 'bat dau', 'ابدأ', 'старт', 'Подписаться', '시작', '수신동의'],
    help: ['HELP', 'help?', 'Info', 'ayuda', 'AIDE', 'èd', 'ed', 'ede', '帮助', '幫助', 'giúp', 'giup', 'Giúp đỡ', 'tro giup', 'مساعدة', 'مساعده', 'помощь', '도움말', '도움'],
    menu: ['menu', 'Menu.', 'Menú', 'MENU!', 'meni', '菜单', '菜單', 'قائمة', 'قايمه', 'меню', '메뉴'],
    yes: [
      'yes', 'Yes!', 'Y', 'y', 'yeah', 'yep', 'ok', 'OK.', 'Okay', 'confirm', 'Confirmed', 'YES YES',
      'sí', 'si', 'Sí.', 'sí sí', 'confirmo', 'oui', 'Oui!', 'wi', 'Wi', 'dakò', 'dako', 'konfime',
      '是', '是的', '好', '好的', '对', '确认', 'có', 'co', 'Vâng', 'vang', 'dạ', 'da', 'Đúng', 'được', 'duoc', 'đồng ý', 'dong y', 'xác nhận',
      'نعم', 'أيوه', 'ايوة', 'ايوا', 'موافق', 'تمام', 'да', 'Да!', 'ДА', 'хорошо', 'ок', 'подтверждаю', '네', '네네', '예', '응', '넵', 'ㅇㅇ',
    ],
    no: ['no', 'No.', 'NO!', 'N', 'nope', 'nah', 'no, no', 'non', 'Non', '不', '不是', '否', '不要', 'không', 'khong', 'ko', 'Ko', 'لا', 'لأ', 'كلا', 'нет', 'Нет.', '아니요', '아니오', '아뇨', '아니', 'ㄴㄴ'],
  };
  for (const [kind, texts] of Object.entries(cases)) {
    it(`reads ${kind}`, () => {
      for (const t of texts) expect(classifyReply(t), JSON.stringify(t)).toEqual({ kind });
    });
  }

  it('lets the accents decide where the bare spelling is two words', () => {
    expect(classifyReply('Dừng')).toEqual({ kind: 'stop' });
    expect(classifyReply('Đúng')).toEqual({ kind: 'yes' });
    expect(classifyReply('dung')).toEqual({ kind: 'text' }); // đúng (right) or dừng (stop): a person reads it
    expect(classifyReply('ابدأ')).toEqual({ kind: 'start' });
    expect(classifyReply('ابدا')).toEqual({ kind: 'text' }); // أبدًا, "never"
  });
});

describe('what is not a keyword', () => {
  // The keyword must be the whole message: a sentence is for the caseworker, politeness included.
  const texts = [
    'stop by later', 'Stop by tomorrow?', 'Stopped', 'stopping', 'stops', 'please stop', 'stop please', 'STOP!!! now',
    "I can't come, cancel?", 'cancel my appointment', 'yes but at 3pm', 'yes please', 'ok thanks', 'menu please', 'help me',
    'Yesss', 'yes no', 'no yes', 'the end', 'Sent',
    'cancelar', 'para', 'hủy', 'huy', 'anile', '取消', '退出', 'إلغاء', 'أجل', 'отмена', 'справка', 'помогите', '취소', '거부', 'k',
  ];
  for (const t of texts) it(JSON.stringify(t), () => expect(classifyReply(t)).toEqual({ kind: 'text' }));

  it('lets a code-shaped word be a code, never a stop: KANPE is left out', () => {
    expect(classifyReply('kanpe')).toEqual({ kind: 'code', code: 'KANPE' });
  });
});

describe('numbers', () => {
  const numbers: [string, number][] = [
    ['1', 1], ['2', 2], [' 2 ', 2], ['2.', 2], ['#2', 2], ['(2)', 2], ['2)', 2], ['2!', 2], ['12', 12], ['01', 1], ['99', 99],
    ['２', 2], ['１２', 12], ['①', 1], ['2️⃣', 2], ['1️⃣2️⃣', 12], ['١', 1], ['٢', 2], ['١٢', 12], ['۲', 2], ['۱۰', 10], ['\u200F٣\u200F', 3],
  ];
  for (const [t, n] of numbers) it(`${JSON.stringify(t)} is ${n}`, () => expect(classifyReply(t)).toEqual({ kind: 'number', n }));

  for (const t of ['0', '00', '٠', '100', '123', '1 2', '1,2', '1.5', '2 please', 'option 2'])
    it(`${JSON.stringify(t)} is not a choice`, () => expect(classifyReply(t)).toEqual({ kind: 'text' }));
});

describe('check-in codes', () => {
  const codes: [string, string][] = [
    ['K7P4Q', 'K7P4Q'], ['k7p4q', 'K7P4Q'], [' K7P-4Q ', 'K7P4Q'], ['k7p 4q', 'K7P4Q'], ['K7P–4Q', 'K7P4Q'], ['(K7P4Q)', 'K7P4Q'],
    ['K7P4Q.', 'K7P4Q'], ['ｋ７ｐ４ｑ', 'K7P4Q'], ['К7Р4Q', 'K7P4Q'], ['34679', '34679'], ['ACDEF', 'ACDEF'],
  ];
  for (const [t, code] of codes) it(`${JSON.stringify(t)} is ${code}`, () => expect(classifyReply(t)).toEqual({ kind: 'code', code }));

  it('is only the exact shape: five of the code letters, nothing else', () => {
    for (const t of ['K7P4', 'K7P4QX', 'K7P2Q', 'B7P4Q', 'K7P0Q', 'code K7P4Q', '12345']) expect(classifyReply(t), t).toEqual({ kind: 'text' });
  });

  it('gives way to keywords of the same shape', () => {
    expect(classifyReply('ARRET')).toEqual({ kind: 'stop' });
    expect(classifyReply('arrêt')).toEqual({ kind: 'stop' });
  });
});

describe('empty messages', () => {
  for (const t of ['', ' ', '\n\t', '\u200B', '👍', '🙏🙏', '❤️', '...', '?', '!!', '""'])
    it(JSON.stringify(t), () => expect(classifyReply(t)).toEqual({ kind: 'empty' }));
});

describe('normalizeReply', () => {
  it('reads a message the same way whatever the phone sent', () => {
    expect(normalizeReply('  ¡Hola,   amigo!  ')).toBe('HOLA, AMIGO');
    expect(normalizeReply('ＡＲＲＥＴ')).toBe('ARRET');
    expect(normalizeReply('Du\u031B\u0300ng')).toBe('DỪNG');
    expect(normalizeReply('\u200Fنعم\u200F')).toBe('نعم');
    expect(normalizeReply('١٢ ۳۴ ５６')).toBe('12 34 56');
    expect(normalizeReply('istanbul')).toBe('ISTANBUL');
    expect(normalizeReply('2️⃣')).toBe('2');
  });

  it('folds what phones leave out', () => {
    expect(foldForMatch('ARRÊTÉ ĐƯỢC Ё')).toBe('ARRETE DUOC Е');
    expect(foldForMatch('إلغاء قائمة')).toBe('الغاء قايمه');
    expect(foldForMatch('시작')).toBe('시작');
  });
});
