import { anyOf, type PhraseSet } from './types.ts';

// Haitian Creole, as it reads after normalize(): no accents ("kò" = "ko", "tèt" = "tet"), the
// apostrophe dropped ("m'ap" = "map", also written "m ap"), "m"/"mw" for "mwen". Many Haitian
// clients write in French too, so the last phrases of each list are French.
// Idioms that must not match: "m ap mouri ri" (dying laughing), "m ap mouri grangou" (starving),
// "tèt mwen fè m mal" (my head hurts), "li bat mwen nan domino" (beat me at dominoes).

const ME = anyOf('mwen', 'm', 'mw', 'mwn');
const MY = (noun: string) => `${noun} ${ME}`;
const CHILD = anyOf(MY('pitit'), MY('pitit fi'), MY('pitit gason'), MY('ti gason'), MY('tifi'), MY('ti fi'), MY('bebe'),
  MY('ti pitit'), MY('timoun'), MY('ti bebe'), 'pitit yo', 'timoun yo', 'ti moun yo', 'bebe a', 'ti bebe a', 'pitit nou',
  'timoun nou', 'ma fille', 'mon fils', 'mes enfants', 'mon enfant', 'mon bebe', 'ma petite', 'mon petit');
/** "Bòs la ap touye m si m an reta" (the boss will kill me if I'm late) is a figure of speech. */
const NOT_IDIOM = `(?<!${anyOf('bos', 'patwon', 'manman', 'papa', 'met', 'pwofese', 'direkte', 'sipevize')}(?: ${anyOf(
  'mwen', 'm', 'la', 'an', 'a', 'lekol', 'sa', 'li', 'di')}){0,3} )`;
const TRIVIAL_IF = `(?! si ${ME} ${anyOf('an reta', 'anreta', 'reta', 'bliye', 'pa vini a le', 'rive ta')})`;

export const ht: PhraseSet = {
  boundary: 'words',
  phrases: {
    self_harm: [
      `${anyOf('vle', 'ta renmen', 'anvi', 'pito', 'swete', 'prefere', 'ta vle', 'santi m vle', 'gen lide', 'bezwen')} mouri(?! ${anyOf(
        'ri', 'grangou', 'swaf', 'ak ri', 'pou ou', 'pou w', 'pou li', 'dam', 'fret', 'cho')})`,
      `touye ${anyOf('tet mwen', 'tet m', 'tet mw', 'ko m', 'ko mwen', 'tet li', 'tet mwn')}(?! ${anyOf('ak travay', 'nan travay', 'pou travay', 'ap travay')})`,
      anyOf('swisid', 'swisidman', 'komet swisid', 'bouke viv', 'bouke ak lavi', 'fini ak lavi mwen', 'fini ak lavi m',
        'lavi m pa vo anyen', 'lavi mwen pa vo anyen', 'lavi a pa vo lapenn', 'pa gen rezon pou m viv', 'pa gen rezon pou mwen viv'),
      `${anyOf('pa vle', 'paka', 'pa ka', 'pa gen kouraj pou', 'pa gen fos pou', 'pa anvi')} viv(?: anko| konsa anko)?(?! ${anyOf(
        'la', 'nan', 'ak', 'avek', 'bo', 'lakay', 'isit la', 'lot bo', 'kote')})`,
      `mete fen ${anyOf('nan', 'a', 'ak')} lavi ${ME}`,
      `${anyOf('rache', 'pran', 'wete')} lavi ${ME}`,
      `koupe ${anyOf(MY('ko'), MY('venn'), MY('ponyet'), 'venn mwen yo', 'ponyet mwen yo')}`,
      `fe ${anyOf('tet mwen', 'tet m', 'ko m', 'ko mwen')} mal`,
      `${anyOf('blese', 'maltrete')} ${anyOf('tet mwen', 'tet m', 'ko m', 'ko mwen')} ${anyOf('espre', 'anko', 'ekspre')}`,
      `${anyOf('bwe', 'vale', 'pran')} ${anyOf('yon bann', 'yon pakel', 'yon paket', 'anpil anpil', 'yon bwat', 'tout bwat',
        'tout boutey', 'yon boutey', 'yon ma')} ${anyOf('grenn', 'medikaman', 'konprime', 'pilil', 'remed')}`,
      `${anyOf('bwe', 'vale')} tout ${anyOf('grenn', 'medikaman', 'konprime', 'pilil')}`,
      `pann ${anyOf('tet mwen', 'tet m', 'ko m', 'ko mwen')}`,
      `${anyOf('je veux', 'jai envie de', 'envie de', 'je vais', 'je voudrais', 'je prefere')} ${anyOf('mourir', 'me tuer',
        'me suicider', 'en finir', 'mettre fin a mes jours')}`,
      'me suicider',
    ],
    violence: [
      `${anyOf('bat', 'frape', 'kale', 'vyole', 'toufe', 'trangle', 'maltrete', 'bimen', 'fwete', 'atake', 'sakaje')} ${ME}(?! ${anyOf(
        'nan jwet', 'nan domino', 'nan kat', 'nan egzamen', 'nan kous')})`,
      `${anyOf('ban m', 'ba m', 'bay mwen', 'ban mwen', 'bay m')} ${anyOf('kout pwen', 'kout baton', 'kout kouto', 'kout pye',
        'kalot', 'yon kalot', 'souflet', 'yon souflet', 'kout ceinture', 'kout senti')}`,
      `${ME} (?:te |fin )?${anyOf('pran kou', 'pran baton', 'pran yon kal', 'pran kal', 'pran yon bat')}`,
      `${NOT_IDIOM}${anyOf('pral', 'prale', 'ap', 'apral', 'va', 'di l ap', 'di li pral', 'di l pral', 'menase pou l', 'vle',
        'pe', 'pral vin', 'ta', 'a', 'gen pou l')} touye ${ME}${TRIVIAL_IF}`,
      `menase ${anyOf(ME, 'pou touye', 'lavi m', 'lavi mwen')}`,
      `${anyOf('pwente', 'braka', 'brake', 'mete', 'rale')} ${anyOf('zam', 'revolve', 'kouto', 'pistole', 'manchet')} ${anyOf(
        'sou', 'nan', 'deye')} ${anyOf(ME, 'tet mwen', 'tet m', 'kou m', 'kou mwen')}`,
      `${ME} pa ${anyOf('an sekirite', 'ansekirite', 'an sekirite isit', 'pwoteje')}`,
      `${anyOf('mwen', 'm', 'lavi m', 'lavi mwen', 'nou')} an danje`,
      `pe pou lavi ${ME}`,
      `rele ${anyOf('polis', 'lapolis', 'la polis', '911')}`,
      `${NOT_IDIOM}pa ${anyOf('kite', 'vle kite', 'konn kite')} ${ME} ${anyOf('soti', 'ale', 'kite kay la', 'soti nan kay la',
        'rele', 'pale ak pesonn', 'gen telefon')}(?! ${anyOf('bone', 'anvan le', 'travay')})`,
      `${anyOf('femen', 'bloke')} ${ME} ${anyOf('nan', 'anndan', 'andedan')}`,
      `${anyOf('ansyen mari mwen', 'ansyen mari m', 'ex mwen', 'ex m', 'eks mwen', 'eks m', 'ansyen mennaj mwen',
        'ansyen mennaj m', 'li', 'yon moun', 'nonm lan', 'msye')} (?:la |a |ap |te |vin )?${anyOf('devan', 'deyo', 'kanpe devan',
        'kanpe deyo', 'ap tann devan', 'ap tann mwen devan', 'kache devan')} ${anyOf('kay mwen', 'kay m', 'pot mwen', 'pot m',
        'pot la', 'kay la', 'travay mwen', 'travay m', 'lakay mwen', 'lakay m')}`,
      `ap swiv ${ME} ${anyOf('toupatou', 'tout kote', 'lakay', 'nan lari', 'jous lakay')}`,
      `il ${anyOf('ma', 'm a', 'me')} ${anyOf('frappe', 'frappee', 'battu', 'battue', 'viole', 'violee', 'menace', 'menacee',
        'etrangle', 'etranglee', 'bat', 'frappe encore')}`,
      `${anyOf('il va', 'il veut', 'il menace de', 'il a menace de', 'il dit quil va')} me tuer`,
      `je ne suis pas en securite`,
    ],
    child_danger: [
      `${anyOf('bat', 'frape', 'kale', 'vyole', 'maltrete', 'abize', 'touche', 'manyen', 'kidnape', 'anlve', 'touye', 'toufe',
        'menase', 'frappe', 'touche a', 'viole', 'abuse de', 'agresse')} ${CHILD}`,
      `fe ${CHILD} mal`,
      `${CHILD} ${anyOf('an danje', 'pa an sekirite', 'disparet', 'pa respire', 'pa ka respire', 'en danger')}`,
      `${anyOf('pran', 'vole', 'kidnape', 'anlve')} ${CHILD} (?:yo )?${anyOf('ale kouri', 'kouri ale', 'al kache', 'chape',
        'pati', 'ale ak yo', 'san pemisyon')}`,
      `${anyOf('menase pou', 'pral', 'vle', 'di l ap', 'di li pral')} ${anyOf('touye', 'bat', 'fe mal', 'vyole', 'kidnape')} ${CHILD}`,
      `menase pou l pran ${CHILD}`,
    ],
  },
};
