// The made-up people of the local demo. Names, phones (555-01xx, reserved for fiction) and
// message texts are data, written in each person's own language.
export const DEMO_AGENCY = { name: 'Riverside Family Services (demo)', timeZone: 'America/New_York' };
/** The demo office's number, given to texts from unknown numbers. */
export const DEMO_OFFICE_PHONE = '+1 555 555 0100';

export const DEMO_STAFF = [
  { key: 'dana', name: 'Dana Whitfield', email: 'dana.whitfield@example.org', timeZone: 'America/New_York', role: 'caseworker', onCall: false },
  // the supervisor, on call: crisis alerts nobody acknowledges escalate to him
  { key: 'luis', name: 'Luis Ortega', email: 'luis.ortega@example.org', timeZone: 'America/Chicago', role: 'supervisor', onCall: true },
] as const;

export const DEMO_CLIENTS = [
  {
    key: 'alex',
    ref: 'DEMO-0101',
    name: 'Alex Johnson',
    phone: '+15555550101',
    language: 'en',
    timeZone: 'America/New_York',
    staff: 'dana',
    neutral: false,
    sensitive: false,
    messages: [
      { dir: 'in', body: 'Hi, do I need to bring anything on Thursday?' },
      { dir: 'out', body: 'Hi Alex, just your photo ID and the letter from the housing office. See you then!' },
    ],
  },
  {
    key: 'maria',
    ref: 'DEMO-0102',
    name: 'María González',
    phone: '+15555550102',
    language: 'es',
    timeZone: 'America/Chicago',
    staff: 'luis',
    neutral: true,
    sensitive: true,
    messages: [
      { dir: 'in', body: 'Buenos días, ¿puedo llevar a mi hija a la clase del martes?' },
      { dir: 'out', body: 'Buenos días, María. Sí, hay cuidado de niños en la sala de al lado.' },
    ],
  },
  {
    key: 'layla',
    ref: 'DEMO-0103',
    name: 'Layla Haddad',
    phone: '+15555550103',
    language: 'ar',
    timeZone: 'America/Los_Angeles',
    staff: 'dana',
    neutral: false,
    sensitive: false,
    messages: [
      { dir: 'in', body: 'مرحبًا، أرسلت صورة عقد الإيجار. هل وصلت؟' },
      { dir: 'out', body: 'مرحبًا ليلى، نعم وصلت. شكرًا لك!' },
    ],
  },
  {
    key: 'lan',
    ref: 'DEMO-0104',
    name: 'Nguyễn Thị Lan',
    phone: '+15555550104',
    language: 'vi',
    timeZone: 'America/Denver',
    staff: 'luis',
    neutral: false,
    sensitive: false,
    messages: [
      { dir: 'in', body: 'Chào anh, tuần sau em có thể đổi lịch hẹn được không?' },
      { dir: 'out', body: 'Chào Lan, được em. Em chọn giờ mới trên cổng thông tin nhé.' },
    ],
  },
] as const;

export const DEMO_PROVIDERS = [
  { key: 'court', name: 'County Family Court', kind: 'court', address: '400 Justice Way, Courtroom 2B' },
  { key: 'clinic', name: 'Eastside Health Clinic', kind: 'clinic', address: '88 Elm Street' },
] as const;
