import { anyOf, type PhraseSet } from './types.ts';

// Vietnamese, as it reads after normalize(): no tones ("muốn chết" = "muon chet"), đ → d, with
// the texting spellings (ko/k/hok = không, t = tôi, e = em, mk = mình, ck = chồng, ny = người yêu).
// Without tones some words collide: "tự tử" (suicide) and "từ từ" (slowly) are both "tu tu",
// "bạo hành" (abuse) and "bảo hành" (warranty) both "bao hanh", "đá tôi" (kicked me) and "đã tới"
// (has arrived) both "da toi". Those match bare only when written with their tones (`accented`),
// and without tones only in a context that leaves no doubt ("muon tu tu", "bi bao hanh").

const KHONG = anyOf('khong', 'ko', 'k', 'hok', 'hong', 'kh', 'hk', 'khg', 'kg', 'chang', 'cha');
const ME = anyOf('toi', 'tui', 'em', 'tao', 'minh', 'mk', 'mik', 'chau', 't', 'e', 'me con toi', 'me con em');
const HIM = anyOf('anh ay', 'anh ta', 'no', 'han', 'chong', 'chong toi', 'chong em', 'ck', 'ban trai', 'boyfriend',
  'nguoi yeu', 'ny', 'chong cu', 'ban trai cu', 'nguoi yeu cu', 'bo', 'ba', 'cha', 'bo duong', 'cha duong', 'dua do',
  'thang do', 'thang cha', 'ong ay', 'ong ta', 'lao', 'nguoi la', 'co nguoi', 'ai do');
const CHILD = anyOf('con toi', 'con em', 'con tao', 'con minh', 'con cua toi', 'con cua em', 'con gai', 'con trai',
  'con gai toi', 'con trai toi', 'con gai em', 'con trai em', 'cac con', 'may dua nho', 'be', 'be nha toi', 'con be',
  'thang be', 'chau', 'chau toi', 'tre con', 'dua nho', 'con nho', 'hai dua nho', 'may dua con');
/** "Sếp sẽ giết tôi mất" (the boss will kill me) is a figure of speech. */
const NOT_IDIOM = `(?<!${anyOf('sep', 'me', 'bo me', 'co giao', 'thay', 'thay giao', 'ong chu', 'ba chu', 'quan ly')}(?: ${anyOf(
  'chac', 'chac chan', 'se', 'noi', 'ma', 'that')}){0,2} )`;
const NOT_RATED = `(?! ${anyOf('gia', 'thuc', 'so', 'rot', 'lua', 'thue', 'dau', 'bai', 'mua', 'xe', 'trong')})`;

export const vi: PhraseSet = {
  boundary: 'words',
  phrases: {
    self_harm: [
      `${anyOf('muon', 'mun', 'that muon', 'chi muon')} chet(?! ${anyOf('a', 'ha', 'ah', 'sao', 'ak', 'hay sao', 'khong ha', 'vay', 'het')})`,
      `${KHONG} ${anyOf('muon', 'mun', 'thiet', 'con muon', 'con thiet', 'muon tiep tuc')} song(?: nua)?(?! ${anyOf('o', 'voi', 'gan', 'chung', 'cung', 'tai', 'trong')})`,
      anyOf('chan song', 'song khong noi', 'song lam gi nua', 'song de lam gi', 'khong dang song', 'chet cho xong',
        'chet di cho xong', 'chet quach cho xong', 'chet cho roi', 'chet quach di', 'tu ket lieu', 'tu giet minh',
        'tu giet ban than', 'rach tay', 'cat co tay', 'treo co', 'qua lieu', 'khong con ly do de song', 'het ly do de song',
        'thu tuyet menh', 'ban tuyet menh'),
      `${anyOf('muon', 'dinh', 'sap', 'toan', 'nghi den', 'nghi toi', 'da', 'suyt', 'cach', 'dinh di', 'muon di')} tu ${anyOf(
        'tu', 'sat')}(?! ${anyOf('thoi', 'nhe', 'nha', 'di', 'lam', 'tim hieu', 'hoc')})`,
      `${anyOf('muon', 'dinh', 'se', 'sap')} ${anyOf('ket thuc', 'ket lieu')} ${anyOf('cuoc doi', 'cuoc song', 'tat ca', 'moi thu',
        'ban than', 'doi minh', 'minh', 'cuoc doi minh')}`,
      `${anyOf('tu', 'lam', 'tu lam')} ${anyOf('hai', 'dau', 'ton thuong')} ban than`,
      `${anyOf('hanh ha', 'rach', 'cat')} ${anyOf('ban than', 'tay minh', 'co tay', 'tay toi', 'tay em')}`,
      `${anyOf('muon', 'lai', 'dinh', 'da lai', 'hay')} cat tay(?! ${anyOf('vao', 'khi', 'luc', 'bang dao thai')})`,
      `uong ${anyOf('het', 'ca lo', 'ca vi', 'ca hop', 'ca nam', 'mot nam', 'het vi', 'het lo', 'het hop', 'rat nhieu', 'nhieu')} thuoc ${anyOf('ngu', 'an than', 'de chet', 'cho chet')}`,
      `uong ${anyOf('het', 'ca lo', 'ca vi', 'ca hop', 'ca nam', 'mot nam', 'het vi', 'het lo', 'het hop')} thuoc`,
      `nhay ${anyOf('cau', 'lau', 'song', 'tu tang thuong', 'xuong song')}(?! ${anyOf('the thao', 'nghe thuat', 'boi')})`,
    ],
    violence: [
      `${anyOf('danh', 'dam', 'bop co', 'siet co', 'bot co', 'hiep dam', 'cuong hiep', 'danh dap', 'chem', 'xo', 'nem do vao',
        'dap vao dau')} ${ME}(?! ${anyOf('thuc', 'gia', 'dau', 'tin nhan')})`,
      `bi (?:${HIM} )?${anyOf('danh', 'danh dap', 'hiep dam', 'cuong hiep', 'bao hanh', 'bop co', 'dam', 'chem', 'de doa',
        'doa giet', 'xam hai', 'quay roi tinh duc', 'nhot', 'giam long', 'ep quan he')}${NOT_RATED}`,
      `bao hanh ${anyOf(ME, 'vo', 'gia dinh', 'vo con')}`,
      `(?<!${anyOf('lop', 'khoa', 'lop hoc', 'chuong trinh', 'buoi hoc')} )bao luc gia dinh`,
      `${NOT_IDIOM}${anyOf('se', 'doa', 'de doa', 'noi se', 'muon', 'dinh', 'doa se', 'tuyen bo se', 'the se', 'sap', 'doi')} ${anyOf(
        'giet', 'giet chet', 'dam chet', 'chem chet', 'danh chet')} ${ME}`,
      `${anyOf('doa', 'de doa', 'ham doa')} ${anyOf('giet', 'dam', 'chem', 'ban', 'tat axit', 'dot nha', ME)}`,
      `${anyOf('cam', 'rut', 'chia', 'dua', 'ke', 'lay')} ${anyOf('dao', 'sung', 'dao phay', 'dao thai', 'bua', 'kiem')} ${anyOf(
        'doa', 'de doa', 'vao', 'chia vao', 'ke vao', 'vao co', 'dam', 'chem', 'ra doa')}`,
      `${ME} (?:dang |that su |hien |thay )?${KHONG} (?:duoc |con |thay )?an toan`,
      `${ME} (?:dang )?gap nguy hiem`,
      anyOf('nguy hiem den tinh mang', 'tinh mang bi de doa', 'so bi giet', 'so no giet', 'so anh ay giet'),
      `cuu ${anyOf('toi', 'em', 'voi', 'tui', 'chau', 'me con toi', 'minh')}(?! ${anyOf('bai', 'cau nay', 'mon')})`,
      `${anyOf('goi', 'bao', 'keu')} ${anyOf('cong an', 'canh sat', '911', '113')}`,
      `${NOT_IDIOM}${KHONG} cho ${ME} ${anyOf('ra khoi nha', 'ra ngoai', 'di dau', 'di ra ngoai', 'roi khoi nha', 'roi di',
        'goi dien', 'dung dien thoai', 'gap ai', 've nha', 'di')}(?! ${anyOf('som', 'lam', 'hoc', 'choi')})`,
      `${anyOf('nhot', 'giam', 'khoa cua nhot')} ${ME}`,
      `${anyOf('chong cu', 'ban trai cu', 'nguoi yeu cu', 'no', 'anh ta', 'han', 'thang do', 'nguoi la', 'co nguoi', 'ai do',
        'chong')} (?:dang |lai |van |cu )?${anyOf('o', 'dung', 'rinh', 'doi', 'cho', 'dung cho', 'lang vang', 'dung rinh')} ${anyOf(
        'ngoai', 'truoc', 'o ngoai', 'truoc cua', 'ben ngoai')} ${anyOf('nha', 'cua', 'cua nha', 'cho lam', 'cong ty', 'phong')}`,
      `${anyOf('bam theo', 'rinh rap', 'theo dau', 'rinh')} ${ME}`,
      `${HIM} (?:da |lai )?${anyOf('biet', 'tim ra', 'tim duoc')} ${anyOf(`${ME} (?:dang )?o dau`, `cho ${ME} o`, `nha ${ME}`)}`,
      `${anyOf('pha', 'dap', 'dap pha')} cua(?! ${anyOf('hang', 'so', 'xe')})`,
    ],
    child_danger: [
      `${anyOf('danh', 'danh dap', 'bao hanh', 'xam hai', 'so mo', 'sam so', 'hiep dam', 'lam hai', 'lam dau', 'bop co',
        'nguoc dai', 'bat coc', 'chem', 'o ep', 'dam', 'xam hai tinh duc')} ${CHILD}`,
      `${anyOf('danh', 'bao hanh', 'xam hai', 'so mo', 'nguoc dai')} (?:ca )?con(?! ${anyOf('bai', 'co', 'ga', 'de', 'so', 'chu', 'cho', 'meo', 'mat', 'toi', 'em', 'gai', 'trai', 'cua')})`,
      `${CHILD} (?:dang |co the |se |da )?${anyOf('gap nguy hiem', 'bi nguy hiem', 'khong an toan', `bi danh${NOT_RATED}`,
        'bi bao hanh', 'bi xam hai', 'bi so mo', 'bi hiep dam', 'bi bat coc', 'bi bat di', 'mat tich', 'khong tho', 'ngung tho',
        'bi lac', 'bi nguoc dai', 'bi cham vao nguoi')}`,
      `${anyOf('bat', 'cuop', 'dem', 'mang', 'giu')} ${CHILD} ${anyOf('di mat', 'di roi', 'bo tron', 'tron di', 'di luon',
        'khong tra', 'khong cho gap', 'di dau khong biet')}`,
      `${anyOf('doa', 'de doa', 'se', 'muon', 'noi se')} ${anyOf('giet', 'danh', 'bat', 'cuop', 'mang di', 'lam hai', 'bat coc')} ${CHILD}`,
    ],
  },
  accented: {
    self_harm: [anyOf('tự tử', 'tự sát', 'tự vẫn', 'tự hại', 'tự làm hại', 'tự tìm đến cái chết', 'tự kết liễu')],
    violence: [`${anyOf('đá', 'tát', 'đạp', 'đập')} ${anyOf('tôi', 'em', 'tao', 'mình', 'tui')}`, 'bạo hành'],
  },
};
