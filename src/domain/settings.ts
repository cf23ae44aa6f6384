import { z } from 'zod';

/** One crisis resource the agency gives a client in crisis; its wording comes from `crisis.resource.<kind>`. */
export const crisisResourceSchema = z.object({
  /** what it is: a crisis line, a domestic-violence hotline, emergency services, or something else */
  kind: z.enum(['crisis_line', 'domestic_violence', 'emergency', 'other']),
  /** how to reach it */
  how: z.enum(['call', 'text', 'call_or_text']),
  /** what to dial or text, as people write it: 988, 1-800-799-7233, 911 */
  number: z.string().trim().min(2).max(30),
  /** its own name, for `other` (shown as given) */
  name: z.string().trim().max(60).optional(),
});
export type CrisisResource = z.infer<typeof crisisResourceSchema>;

/** The US defaults: the 988 Suicide & Crisis Lifeline, the National Domestic Violence Hotline, 911. */
export const US_CRISIS_RESOURCES: CrisisResource[] = [
  { kind: 'emergency', how: 'call', number: '911' },
  { kind: 'crisis_line', how: 'call_or_text', number: '988' },
  { kind: 'domestic_violence', how: 'call', number: '1-800-799-7233' },
];

const minuteOfDay = z.number().int().min(0).max(1439);

/** Agency rules, stored as JSON on the agency; every field has a sensible default. */
export const agencySettingsSchema = z.object({
  rescheduleMinNoticeHours: z.number().int().min(0).max(24 * 30).default(24),
  rescheduleMaxChanges: z.number().int().min(0).max(20).default(2),
  /** how far ahead offered slots reach */
  slotHorizonDays: z.number().int().min(1).max(90).default(21),
  maxOfferedSlots: z.number().int().min(1).max(20).default(6),
  checkinOpensMinutesBefore: z.number().int().min(0).max(240).default(30),
  uploadMaxBytes: z
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  /** appointment reminders, minutes before the start */
  reminderOffsetsMinutes: z.array(z.number().int().min(5).max(14 * 24 * 60)).max(6).default([24 * 60, 120]),
  /** class session reminders, minutes before the start */
  classReminderOffsetsMinutes: z.array(z.number().int().min(5).max(14 * 24 * 60)).max(6).default([24 * 60]),
  /** document requests: a reminder this many days before the due date, one on the day, then weekly while overdue */
  documentReminderDaysBefore: z.number().int().min(1).max(30).default(3),
  documentOverdueEveryDays: z.number().int().min(1).max(60).default(7),
  /** after downtime, a reminder more than this late is skipped, not sent */
  reminderGraceMinutes: z.number().int().min(1).max(24 * 60).default(30),
  /** nothing but crisis help leaves between these minutes of the client's day (wrapping midnight) */
  quietHoursStart: minuteOfDay.default(21 * 60),
  quietHoursEnd: minuteOfDay.default(8 * 60),
  /** an appointment not marked attended this long after its end counts as missed */
  missedAfterMinutes: z.number().int().min(5).max(7 * 24 * 60).default(60),
  /** a client's message with no reply after this many of the caseworker's working minutes raises a nudge */
  unansweredAfterWorkingMinutes: z.number().int().min(15).max(5 * 8 * 60).default(120),
  /** failed deliveries in a row to one address before the caseworker is told it is unreachable */
  unreachableAfterFailures: z.number().int().min(1).max(20).default(3),
  /** a morning digest to each caseworker in Slack at the start of their working day */
  dailyDigest: z.boolean().default(true),
  /** a class's attendance summary is posted this long after each session ends */
  attendanceSummaryAfterMinutes: z.number().int().min(0).max(24 * 60).default(15),
  /** an unacknowledged crisis alert escalates after this many minutes, and again after as many */
  crisisEscalationMinutes: z.number().int().min(1).max(120).default(10),
  crisisResources: z.array(crisisResourceSchema).min(1).max(6).default(US_CRISIS_RESOURCES),
  /** the office's number, given to people who text us from a number we do not know */
  publicPhone: z.string().trim().max(30).default(''),
});
export type AgencySettings = z.infer<typeof agencySettingsSchema>;

const DEFAULTS: AgencySettings = agencySettingsSchema.parse({});

/**
 * The agency's settings from their stored JSON. Each field is checked on its own: a bad value
 * falls back to that field's default and leaves every other setting as the agency set it.
 */
export const parseAgencySettings = (json: string | null | undefined): AgencySettings => {
  let raw: unknown = {};
  try {
    raw = json ? JSON.parse(json) : {};
  } catch {
    raw = {};
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ...DEFAULTS };
  const given = raw as Record<string, unknown>;
  const out: Record<string, unknown> = { ...DEFAULTS };
  for (const [key, field] of Object.entries(agencySettingsSchema.shape)) {
    if (given[key] === undefined) continue;
    const parsed = (field as z.ZodType).safeParse(given[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as AgencySettings;
};
