// The client's contact window: start and end as minutes of their local day. Written as HH:MM by
// the doors (the portal's time inputs, later an SMS or chat command).

export const MINUTES_PER_DAY = 24 * 60;

/** "HH:MM" (24-hour, an optional ":SS" ignored) → minutes; "" → null; anything else → 'bad'. */
export const parseClockTime = (raw: string): number | null | 'bad' => {
  const s = raw.trim();
  if (s === '') return null;
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(s);
  if (!m) return 'bad';
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : 'bad';
};

/** Minutes of the day → "HH:MM", the value a time input takes. */
export const formatClockTime = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

