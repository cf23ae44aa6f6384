// The agency's crisis resources in words: one line each ("Crisis line: call or text 988"), the
// reply a client in crisis gets, and what the portal shows after a crisis message.
import type { Actor } from '../../domain/actor.ts';
import type { CrisisResource } from '../../domain/settings.ts';
import type { Translate } from '../../ports/translator.ts';
import type { CoreDeps } from '../shared/deps.ts';
import { loadSettings } from '../shared/settings.ts';

export interface ResourceLine {
  kind: CrisisResource['kind'];
  how: CrisisResource['how'];
  /** its name in the reader's language ("Crisis line"), or the agency's own for `other` */
  name: string;
  /** as the agency wrote it: 988, 1-800-799-7233 */
  number: string;
  /** what to put after tel: or sms: (digits, and a leading +) */
  dial: string;
  /** the whole line: "Crisis line: call or text 988" */
  text: string;
  /** how alone: "call or text 988" */
  howText: string;
}

export const dialOf = (number: string): string => number.replace(/(?!^\+)[^0-9]/g, '');

export const resourceLines = (t: Translate, locale: string, resources: readonly CrisisResource[]): ResourceLine[] =>
  resources.map((r) => {
    const name = r.kind === 'other' && r.name ? r.name : t(locale, `crisis.resource.${r.kind}`);
    const how = t(locale, `crisis.how.${r.how}`, { number: r.number });
    return { kind: r.kind, how: r.how, name, number: r.number, dial: dialOf(r.number), text: t(locale, 'crisis.line', { name, how }), howText: how };
  });

/** The reply to a client in crisis: warm, short, the resources one per line; no agency named. */
export const CRISIS_REPLY = 'crisis.resources';

/**
 * Worded neutrally (a client who asked for it, or a sensitive record), the services are not named
 * — "Domestic violence hotline" on a shared phone's lock screen could put the client in danger —
 * only how to reach them: "call or text 988".
 */
export const CRISIS_REPLY_NEUTRAL = 'crisis.resources_neutral';

export const crisisReplyText = (t: Translate, locale: string, resources: readonly CrisisResource[], neutral = false): string =>
  neutral
    ? t(locale, CRISIS_REPLY_NEUTRAL, { resources: resourceLines(t, locale, resources).map((l) => t(locale, 'crisis.line_neutral', { how: l.howText })).join('\n') })
    : t(locale, CRISIS_REPLY, { resources: resourceLines(t, locale, resources).map((l) => l.text).join('\n') });

/** The agency's resources for a client to see (the portal shows them after a crisis message). */
export const crisisResourcesFor = async (deps: Pick<CoreDeps, 'store' | 't'>, actor: Actor, locale: string): Promise<ResourceLine[]> =>
  resourceLines(deps.t, locale, (await loadSettings(deps, actor.agencyId)).crisisResources);
