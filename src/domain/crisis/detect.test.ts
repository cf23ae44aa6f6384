import { describe, expect, it } from 'vitest';
import { detectCrisis, type CrisisCategory } from './detect.ts';

type Cases = readonly (readonly [string, CrisisCategory])[];
const S = 'self_harm', V = 'violence', C = 'child_danger';

/** Real crisis messages, as clients write them, and the category each must raise. */
const CRISIS: Readonly<Record<string, Cases>> = {
  en: [
    ['i want to die', S], ["I'm gonna kms tonight", S], ['i took a bunch of pills', S], ['I cut myself again', S],
    ['i dont want to live anymore', S], ["honestly everyone would be better off without me", S], ['thinking about suicide', S],
    ["he hit me last night", V], ['my ex said he is going to kill me', V], ['he threatened me with a knife', V],
    ["I'm not safe at home", V], ["he won't let me leave the house", V], ['my ex is outside my house right now', V],
    ['please call the police', V], ['he hurts my kids', C], ['my child is in danger', C],
    ['someone is touching my daughter', C], ['he took the kids and left', C], ['my baby is not breathing', C],
  ],
  es: [
    ['me quiero morir', S], ['ya no quiero vivir', S], ['voy a matarme', S], ['kiero suicidarme', S],
    ['me tome todas las pastillas', S], ['me corte las venas', S], ['mi esposo me pegó anoche', V],
    ['me va a matar', V], ['me amenazó con un cuchillo', V], ['no estoy a salvo en mi casa', V],
    ['no me deja salir de la casa', V], ['mi ex esta afuera de mi casa', V], ['le pega a mis hijos', C],
    ['mi hija esta en peligro', C], ['alguien esta tocando a mi hija', C], ['se llevó a mis hijos y no me los quiere regresar', C],
  ],
  'zh-Hans': [
    ['我想死', S], ['我真的不想活了', S], ['我想自杀', S], ['我吃了一整瓶安眠药', S], ['我又割腕了', S],
    ['我老公又打我了', V], ['他说要杀了我', V], ['他拿刀威胁我', V], ['我现在不安全', V], ['他不让我出门', V],
    ['前夫在我家楼下', V], ['他打孩子', C], ['有人摸我女儿', C], ['我的孩子有危险', C], ['他把孩子抢走了', C],
  ],
  vi: [
    ['toi muon chet', S], ['em khong muon song nua', S], ['tôi muốn tự tử', S], ['t muon tu tu', S], ['em uong het vi thuoc ngu roi', S],
    ['chồng tôi đánh tôi', V], ['anh ta doa giet toi', V], ['no cam dao doa em', V], ['toi khong an toan', V],
    ['chong cu dang dung truoc nha toi', V], ['anh ấy bạo hành em', V], ['ck khong cho em ra khoi nha', V],
    ['anh ta danh con toi', C], ['co nguoi so mo con gai toi', C], ['con toi dang gap nguy hiem', C],
  ],
  ar: [
    ['بدي موت', S], ['أريد أن أنتحر', S], ['راح اقتل حالي', S], ['مش عايزة أعيش', S], ['بلعت علبة حبوب', S],
    ['جوزي ضربني امبارح', V], ['قال انه رح يقتلني', V], ['هددني بالسكين', V], ['أنا مش آمنة في البيت', V],
    ['ما بيخليني اطلع من البيت', V], ['طليقي واقف برا البيت', V], ['بيضرب ولادي', C], ['حد بيلمس بنتي', C],
    ['اولادي في خطر', C], ['خد الاولاد وهرب', C], ['bde mot', S],
  ],
  ht: [
    ['mwen vle mouri', S], ['m pral touye tèt mwen', S], ['m pa vle viv ankò', S], ['m bwè yon bann grenn', S],
    ['mari m bat mwen', V], ["li di l ap touye m", V], ['li menase m ak yon kouto', V], ['m pa an sekirite', V],
    ['li pa kite m soti', V], ['ansyen mari m kanpe devan kay mwen', V], ['li bat pitit mwen yo', C],
    ['yon moun ap touche pitit fi m', C], ['pitit mwen an danje', C], ['je veux mourir', S], ["il m'a frappée", V],
  ],
  ru: [
    ['хочу умереть', S], ['не хочу больше жить', S], ['я покончу с собой', S], ['наглоталась таблеток', S],
    ['я снова режу руки', S], ['муж меня бьёт', V], ['он избил меня', V], ['он убьёт меня', V],
    ['угрожал мне ножом', V], ['я не в безопасности', V], ['он не выпускает меня из дома', V],
    ['бывший стоит у подъезда', V], ['он бьёт моего сына', C], ['отчим трогает мою дочь', C], ['мой ребёнок в опасности', C],
  ],
  ko: [
    ['죽고 싶어요', S], ['자살하고싶어', S], ['살기 싫어', S], ['수면제를 한 통 먹었어요', S], ['손목을 그었어요', S],
    ['남편이 또 때렸어요', V], ['남친한테 맞았어', V], ['나를 죽이겠다고 했어요', V], ['칼로 위협했어요', V],
    ['저 지금 안전하지 않아요', V], ['전남편이 집 앞에 와 있어요', V], ['남편이 아이를 때려요', C],
    ['누가 딸을 만졌어요', C], ['아이가 위험해요', C], ['아이를 데리고 도망갔어요', C],
  ],
};

/** Everyday messages, idioms and appointment talk that must raise nothing. */
const ORDINARY: Readonly<Record<string, readonly string[]>> = {
  en: [
    'this traffic is killing me', "I'm dying to see you", 'my phone died', 'dead tired today', 'just killing time',
    'I could kill for a coffee', 'the battery is dead', 'killer deal on shoes', "my boss will kill me if I'm late",
    'I hit the road at 6', 'the kids are hitting each other with pillows lol', 'shoot, I forgot', 'break a leg!',
    'my payment is overdue', 'I cut the paper for the form', 'the court hurt my case', "I can't come, my kid is sick",
    'the bus hit traffic', 'he hit me up yesterday about the job', 'she shot me a text', 'I feel safe now, thank you',
    'he kicked me out of the group chat', 'my son is missing school today', 'I cut myself shaving',
    'i want to die my hair red', 'they locked me out of my account', 'I need to cut myself some slack',
    'he beat me at chess', 'I took my pills this morning', "he's going to take the kids to school", 'i got hit by the flu',
    "my boss won't let me leave early", 'I am going to end it with him tomorrow', 'can you send help with the rent form',
  ],
  es: [
    'me muero de hambre', 'me muero por verte', 'mi jefe me va a matar si llego tarde', 'me pegó la gripa',
    'no estoy segura de la hora', 'me corté el pelo', 'no puedo ir, mi hijo está enfermo', 'el camión se tardó por el tráfico',
    'me quiero morir de la vergüenza jaja', 'me tocó esperar dos horas', 'mi mamá me va a matar',
    'no quiero vivir en esa casa', 'se llevó a los niños al parque', 'el sol me pega fuerte', 'mi hijo toca la guitarra',
  ],
  'zh-Hans': [
    '想死你了', '累死了', '笑死我了', '今天热死了', '跳楼价大甩卖', '他打我电话了', '我被打扰了', '我不能来，孩子生病了',
    '公交车堵车了', '老板会杀了我的',
  ],
  vi: [
    'tu tu thoi', 'từ từ đã', 'xe buyt da toi', 'máy hết bảo hành', 'mệt chết đi được', 'dien thoai het pin roi',
    'em không đến được, con em bị ốm', 'bi danh gia thap', 'toi muon tu van', 'sếp sẽ giết tôi mất',
  ],
  ar: [
    'بموت فيك', 'اموت من الضحك', 'الشغل بيقتلني', 'ضربتني الشمس', 'مديري هيقتلني لو اتأخرت', 'ميت من التعب',
    'ما اقدر اجي ابني مريض', 'الباص تأخر بسبب الزحمة', 'التلفون مات',
  ],
  ht: [
    'm ap mouri ri', 'm ap mouri grangou', 'tèt mwen fè m mal', 'li bat mwen nan domino', 'bòs la ap touye m si m an reta',
    'm pa ka vini, pitit mwen malad', 'bis la an reta', 'telefòn mwen mouri',
  ],
  ru: [
    'меня бьёт озноб', 'умереть со смеху', 'начальник меня убьёт, если опоздаю', 'телефон сел', 'устала как собака',
    'не могу прийти, ребёнок заболел', 'автобус застрял в пробке', 'убить время',
  ],
  ko: [
    '보고 싶어 죽겠어', '배고파 죽겠다', '이거 죽인다', '시간 죽이려고 왔어', '맞았어, 그거야', '일을 때려치웠어',
    '애들이 서로 때려요 장난으로', '부장님이 날 죽일 거야', '아이가 아파서 못 가요', '아이패드 만져도 돼요?',
  ],
};

describe('detectCrisis: real crisis messages in every language', () => {
  for (const [lng, cases] of Object.entries(CRISIS)) {
    it(`${lng}: ${cases.length} messages, every category`, () => {
      expect(new Set(cases.map(([, c]) => c))).toEqual(new Set([S, V, C]));
      for (const [text, category] of cases) expect({ text, found: detectCrisis(text) }).toEqual({ text, found: { category } });
    });
  }
});

describe('detectCrisis: ordinary messages raise nothing', () => {
  for (const [lng, texts] of Object.entries(ORDINARY)) {
    it(`${lng}: ${texts.length} idioms and everyday messages`, () => {
      expect(texts.length).toBeGreaterThanOrEqual(8);
      for (const text of texts) expect({ text, found: detectCrisis(text) }).toEqual({ text, found: null });
    });
  }
  it('raises nothing on empty or blank text', () => {
    for (const text of ['', '   ', '?!', '🙂🙂']) expect(detectCrisis(text)).toBeNull();
  });
});

describe('detectCrisis: how clients really type', () => {
  it.each([
    ['upper case', 'I WANT TO DIE', S],
    ['punctuation everywhere', '...he... HIT... me!!!', V],
    ['letters held down', 'i want to dieeeee', S],
    ['SMS spelling', 'im gonna kms', S],
    ['no accents (es)', 'mi hija esta en peligro', C],
    ['accents (es)', 'Mi hija está en peligro', C],
    ['no tones (vi)', 'toi khong muon song nua', S],
    ['full-width letters', 'Ｉ ｗａｎｔ ｔｏ ｄｉｅ', S],
    ['Arabic with harakat', 'أُرِيدُ أَنْ أَنْتَحِرَ', S],
    ['traditional Chinese', '我想自殺', S],
    ['Korean without spaces', '죽고싶어ㅠㅠ', S],
    ['Russian with ё or е', 'он убьет меня', V],
  ] as const)('%s', (_, text, category) => {
    expect(detectCrisis(text)).toEqual(category === null ? null : { category });
  });

  it('checks every language whatever the client wrote in, and mixes', () => {
    expect(detectCrisis('hola, sorry my english, mi esposo me pegó otra vez')).toEqual({ category: V });
    expect(detectCrisis('I need help, no quiero vivir')).toEqual({ category: S });
    expect(detectCrisis('Mr. Lee 我想死')).toEqual({ category: S });
    expect(detectCrisis('appointment ok? he hurts my kids')).toEqual({ category: C });
  });

  it('prefers self-harm, then a child in danger, then violence', () => {
    expect(detectCrisis('he hit me and I want to die')).toEqual({ category: S });
    expect(detectCrisis('he hit me and he hits my son')).toEqual({ category: C });
    expect(detectCrisis('he hits my son and i took a bunch of pills')).toEqual({ category: S });
  });

  it('treats the suicide prevention clinic as a crisis word: safety first', () => {
    expect(detectCrisis('my appointment at the suicide prevention clinic')).toEqual({ category: S });
  });
});
