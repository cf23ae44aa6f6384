import { z } from 'zod';

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
  reminderOffsetsMinutes: z.array(z.number().int().positive()).default([24 * 60, 120]),
  quietHoursStart: z.number().int().min(0).max(1439).default(21 * 60),
  quietHoursEnd: z.number().int().min(0).max(1439).default(8 * 60),
  /** the office's number, given to people who text us from a number we do not know */
  publicPhone: z.string().trim().max(30).default(''),
});
export type AgencySettings = z.infer<typeof agencySettingsSchema>;

export const parseAgencySettings = (json: string | null | undefined): AgencySettings => {
  let raw: unknown = {};
  try {
    raw = json ? JSON.parse(json) : {};
  } catch {
    raw = {};
  }
  const parsed = agencySettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : agencySettingsSchema.parse({});
};
