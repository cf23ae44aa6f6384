// The words a client can text, alone, to mean something: per kind and per language. A word is
// written once, in its own script with its accents; normalize.ts makes "arrete", "Arrêter" and
// "ＡＲＲＥＴＥＲ" match it. A word here must mean that one thing as a whole message: a word
// that is also a common one-word answer meaning something else is left out (LEFT_OUT, below),
// and the text then reaches the caseworker, who reads it. The English words work whatever the
// client's language: most programmes, ours included, say STOP and HELP in every language.
import type { Locale } from '../../../src/domain/types.ts';

export const KEYWORD_KINDS = ['stop', 'start', 'help', 'menu', 'yes', 'no'] as const;
export type KeywordKind = (typeof KEYWORD_KINDS)[number];
/** The portal's locales, plus French: many Haitian Creole speakers text in French. */
export type KeywordLang = Locale | 'fr';

export const KEYWORDS: Record<KeywordKind, Partial<Record<KeywordLang, readonly string[]>>> = {
  stop: {
    // The carriers' list (CTIA; Twilio's defaults; REMOVE is on AWS's required list). Carriers act
    // on these themselves: CANCEL always means "stop texting me", never "cancel my appointment".
    en: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'REMOVE'],
    // ALTO is the carriers' Spanish STOP; PARAR (to stop); DETENER and SALIR (Sinch's Spanish
    // defaults); BAJA (as in "darse de baja", unsubscribe, used in Spain and Latin America).
    es: ['ALTO', 'PARAR', 'DETENER', 'SALIR', 'BAJA'],
    // ARRÊT is Canada's required French STOP; ARRÊTER / ARRÊTE / ARRÊTEZ (stop).
    fr: ['ARRÊT', 'ARRÊTER', 'ARRÊTE', 'ARRÊTEZ'],
    // SISPANN (stop, cease).
    ht: ['SISPANN'],
    // 停止 (stop); 退订 / 退訂 (unsubscribe); TD, the mainland carriers' "回复TD退订" (also on AWS's
    // list); 取消订阅 / 取消訂閱 (cancel the subscription). Traditional forms for Hong Kong phones.
    'zh-Hans': ['停止', '退订', '退訂', 'TD', '取消订阅', '取消訂閱'],
    // DỪNG / DỪNG LẠI (stop), NGỪNG / NGƯNG (cease, northern / southern), HỦY ĐĂNG KÝ (unsubscribe).
    vi: ['DỪNG', 'DỪNG LẠI', 'NGỪNG', 'NGƯNG', 'HỦY ĐĂNG KÝ'],
    // توقف (stop), إيقاف (stopping, halt), إلغاء الاشتراك (cancel the subscription).
    ar: ['توقف', 'إيقاف', 'إلغاء الاشتراك'],
    // СТОП (stop), ОТПИСАТЬСЯ (to unsubscribe), ОТПИСКА (unsubscription).
    ru: ['СТОП', 'ОТПИСАТЬСЯ', 'ОТПИСКА'],
    // 중지 (stop), 수신거부 (refuse messages: the word of every Korean opt-out line), 그만 (enough, stop).
    ko: ['중지', '수신거부', '그만'],
  },
  start: {
    // The carriers' opt-in words. YES is one too at Twilio, but here it answers the question asked.
    en: ['START', 'UNSTOP', 'SUBSCRIBE'],
    // ALTA (sign up), the other half of BAJA.
    es: ['ALTA'],
    // KÒMANSE (to start).
    ht: ['KÒMANSE'],
    // 开始 / 開始 (start), 订阅 / 訂閱 (subscribe).
    'zh-Hans': ['开始', '開始', '订阅', '訂閱'],
    // BẮT ĐẦU (start).
    vi: ['BẮT ĐẦU'],
    // ابدأ (start!).
    ar: ['ابدأ'],
    // СТАРТ (start), ПОДПИСАТЬСЯ (to subscribe).
    ru: ['СТАРТ', 'ПОДПИСАТЬСЯ'],
    // 시작 (start), 수신동의 (agree to receive: the opposite of 수신거부).
    ko: ['시작', '수신동의'],
  },
  help: {
    en: ['HELP', 'INFO'],
    // AYUDA is the carriers' Spanish HELP.
    es: ['AYUDA'],
    // AIDE is Canada's required French HELP.
    fr: ['AIDE'],
    // ÈD (help, the noun), EDE (to help).
    ht: ['ÈD', 'EDE'],
    // 帮助 / 幫助 (help).
    'zh-Hans': ['帮助', '幫助'],
    // GIÚP / GIÚP ĐỠ (help), TRỢ GIÚP (the Help of a phone's menus).
    vi: ['GIÚP', 'GIÚP ĐỠ', 'TRỢ GIÚP'],
    // مساعدة (help).
    ar: ['مساعدة'],
    // ПОМОЩЬ (help).
    ru: ['ПОМОЩЬ'],
    // 도움말 (help, as in a Help menu), 도움 (help).
    ko: ['도움말', '도움'],
  },
  menu: {
    en: ['MENU'],
    es: ['MENÚ'],
    fr: ['MENU'],
    ht: ['MENI'],
    'zh-Hans': ['菜单', '菜單'],
    // Vietnamese phones say MENU too.
    vi: ['MENU'],
    ar: ['قائمة'],
    ru: ['МЕНЮ'],
    ko: ['메뉴'],
  },
  yes: {
    en: ['YES', 'Y', 'YEAH', 'YEP', 'OK', 'OKAY', 'CONFIRM', 'CONFIRMED'],
    // SÍ (yes; "SI" without the accent matches too), CONFIRMO (I confirm).
    es: ['SÍ', 'CONFIRMO'],
    fr: ['OUI'],
    // WI (yes), DAKÒ (agreed, OK), KONFIME (confirm).
    ht: ['WI', 'DAKÒ', 'KONFIME'],
    // 是 / 是的 (yes), 好 / 好的 (OK), 对 / 對 (right), 确认 / 確認 (confirm).
    'zh-Hans': ['是', '是的', '好', '好的', '对', '對', '确认', '確認'],
    // CÓ (yes), VÂNG (yes, northern), DẠ (yes, southern), ĐÚNG (right), ĐƯỢC (OK),
    // ĐỒNG Ý (agree), XÁC NHẬN (confirm).
    vi: ['CÓ', 'VÂNG', 'DẠ', 'ĐÚNG', 'ĐƯỢC', 'ĐỒNG Ý', 'XÁC NHẬN'],
    // نعم (yes), أيوه / ايوا (yes, spoken Egyptian and Levantine), موافق (agreed), تمام (fine, OK).
    ar: ['نعم', 'أيوه', 'ايوا', 'موافق', 'تمام'],
    // ДА (yes), ХОРОШО (good, OK), ОК (OK typed on a Cyrillic keyboard), ПОДТВЕРЖДАЮ (I confirm).
    ru: ['ДА', 'ХОРОШО', 'ОК', 'ПОДТВЕРЖДАЮ'],
    // 네 / 네네 / 예 (yes), 응 (yeah), 넵 (yes, in texts), ㅇㅇ (texting shorthand for 응응).
    ko: ['네', '네네', '예', '응', '넵', 'ㅇㅇ'],
  },
  no: {
    en: ['NO', 'N', 'NOPE', 'NAH'],
    es: ['NO'],
    fr: ['NON'],
    ht: ['NON'],
    // 不 / 不是 (no), 否 (no, formal), 不要 (don't want).
    'zh-Hans': ['不', '不是', '否', '不要'],
    // KHÔNG (no), KO (its usual texting spelling). Not K: in English texts "k" means OK.
    vi: ['KHÔNG', 'KO'],
    // لا (no; لأ, the Egyptian spelling, matches too), كلا (no, formal).
    ar: ['لا', 'كلا'],
    ru: ['НЕТ'],
    // 아니요 / 아니오 / 아뇨 (no, polite), 아니 (no), ㄴㄴ (texting shorthand for 노노).
    ko: ['아니요', '아니오', '아뇨', '아니', 'ㄴㄴ'],
  },
};

/**
 * Words that count only with their accents or hamza as written, because without them they spell
 * another common answer: "DUNG" is how most phones without Vietnamese accents type ĐÚNG (right,
 * yes), not DỪNG (stop); ابدا without its hamza reads أبدًا, "never", not ابدأ (start).
 */
export const ONLY_AS_WRITTEN: readonly string[] = ['DỪNG', 'ابدأ'];

/** Left out on purpose, and why: each is text (or a code-shaped word), never a keyword. */
export const LEFT_OUT: Readonly<Record<string, string>> = {
  CANCELAR: 'es: "cancel", mostly about the appointment; CANCEL is a stop word only because carriers say so',
  PARA: 'es: "stop!" but also "for"',
  KANPE: 'ht: "stand (still), halt" rather than "stop sending"; no program uses it',
  ANILE: 'ht: "cancel" (the appointment)',
  ARETE: 'ht: also "arrest"',
  取消: 'zh: "cancel" (the appointment)',
  退出: 'zh: "quit, leave" (a class, a programme) as much as the messages',
  HỦY: 'vi: "cancel" (the appointment), though carriers in Vietnam use HUY to end a service',
  'ĐĂNG KÝ': 'vi: "register", as likely an answer to a class as an opt-in',
  إلغاء: 'ar: "cancel" (the appointment)',
  أجل: 'ar: "yes" (ajal) but also "postpone!" (ajjil) when unvowelled',
  ОТМЕНА: 'ru: "cancel" (the appointment)',
  СПРАВКА: 'ru: "help" in menus but also "certificate", a document caseworkers ask for',
  ПОМОГИТЕ: 'ru: "help me!": a plea reaches a person, not the automatic HELP answer',
  'HELP ME': 'en: a plea, the same (so are SOS, 救命, ساعدني, 살려주세요)',
  취소: 'ko: "cancel" (the appointment)',
  거부: 'ko: "refuse", as likely about an offered time as about messages',
  K: 'vi "no" (không) but en "OK"',
};
