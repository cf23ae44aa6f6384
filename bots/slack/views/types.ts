// What Casebridge shows in Slack, in two halves: the few Block Kit shapes the views build
// (https://docs.slack.dev/reference/block-kit), kept minimal and typed, and the plain data each
// view takes. The data is already read and formatted by the caller (times as the caseworker reads
// them, sizes as "340 KB"); the views only arrange it and put it into words from locales/.
import type { AppointmentStatus, ClientChannelKind, DocumentRequestStatus } from '../../../src/domain/types.ts';

// ---- Block Kit ------------------------------------------------------------------------------

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

/** Slack's own markup. Its text is built from escaped pieces only (see escapeMrkdwn in text.ts). */
export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  /** true: Slack links no bare URL, channel name or mention on its own */
  verbatim?: boolean;
}

export type TextObject = PlainText | MrkdwnText;

export interface Button {
  type: 'button';
  action_id: string;
  text: PlainText;
  /** only the id the action is about (an appointment, a document): never anything else */
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

export interface PlainTextInput {
  type: 'plain_text_input';
  action_id: string;
  multiline?: boolean;
  min_length?: number;
  max_length?: number;
  placeholder?: PlainText;
}

export interface SectionBlock {
  type: 'section';
  block_id?: string;
  text?: TextObject;
  fields?: TextObject[];
}

export interface ContextBlock {
  type: 'context';
  block_id?: string;
  elements: TextObject[];
}

export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: Button[];
}

export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}

export interface DividerBlock {
  type: 'divider';
}

export interface InputBlock {
  type: 'input';
  block_id: string;
  label: PlainText;
  element: PlainTextInput;
  hint?: PlainText;
  optional?: boolean;
}

export type Block = SectionBlock | ContextBlock | ActionsBlock | HeaderBlock | DividerBlock | InputBlock;

/** A message: `text` is the notification and the fallback; Slack shows `blocks`. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: PlainText;
  submit?: PlainText;
  close?: PlainText;
  private_metadata?: string;
  blocks: Block[];
}

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

// ---- The data each view takes ---------------------------------------------------------------

export interface ThreadHeaderData {
  clientName: string;
  /** the client's locale code (es, zh-Hans, …) */
  language: string;
  channels: ClientChannelKind[];
  neutral: boolean;
}

export interface ClientMessageData {
  clientName: string;
  body: string;
  channel: ClientChannelKind;
}

export interface DocumentUploadedData {
  clientName: string;
  /** what was asked for, as the caseworker wrote it ("Pay stub") */
  requestKind: string;
  /** e.g. "PDF", "JPEG photo" */
  typeLabel: string;
  /** e.g. "340 KB" */
  sizeLabel: string;
  channel: ClientChannelKind;
  /** a short-lived link to the file */
  viewUrl: string;
  documentId: string;
  /** until when the link works, as the caseworker reads it; shown when given */
  linkValidUntil?: string;
}

export interface RescheduleRequestedData {
  clientName: string;
  oldWhen: string;
  newWhen: string;
  appointmentId: string;
}

/** The card after a decision: the same facts, no buttons, who decided (and why, for a no). */
export type DecidedData =
  | ({ kind: 'reschedule'; decision: 'approved' | 'declined'; by: string; reason?: string } & Omit<RescheduleRequestedData, 'appointmentId'>)
  | ({ kind: 'document'; decision: 'accepted' | 'rejected'; by: string; reason?: string } & Omit<
      DocumentUploadedData,
      'viewUrl' | 'documentId' | 'linkValidUntil'
    >);

/** `internal`: a `note:` reply, kept from the client. */
export type DeliveryStatus = 'sent' | 'failed' | 'queued' | 'internal';

export interface DeliveryLineData {
  status: DeliveryStatus;
  /** where it went (sent) or will go (queued) */
  channel?: ClientChannelKind;
  /** why it failed, or what it waits for; shown as written */
  detail?: string;
}

export interface AttendanceSummaryData {
  classTitle: string;
  when: string;
  rsvpYes: number;
  rsvpNo: number;
  checkedIn: number;
  /** the names of those who did not come */
  noShows: string[];
}

export type ReasonKind = 'decline_reschedule' | 'reject_document';

export interface ReasonModalData {
  kind: ReasonKind;
  /** the appointment (decline_reschedule) or document (reject_document) the reason is about */
  id: string;
  /** whatever the caller needs back on submit (e.g. where the card is); opaque here */
  privateMetadata: string;
  /** names the client in the modal, when given */
  clientName?: string;
}

export interface HomeAppointmentRow {
  clientName: string;
  when: string;
  confirmed: boolean;
}

export interface HomeData {
  staffName: string;
  today: HomeAppointmentRow[];
  unconfirmed: HomeAppointmentRow[];
  pendingReschedules: { clientName: string; oldWhen: string; newWhen: string }[];
  documentsToReview: { clientName: string; requestKind: string; uploadedWhen: string }[];
  unreadMessages: { clientName: string; count: number; lastWhen: string }[];
}

export interface ClientSummaryData {
  name: string;
  phone: string | null;
  language: string;
  neutral: boolean;
  sensitive: boolean;
  nextAppointments: { when: string; kind: string; status: AppointmentStatus }[];
  classes: { title: string; when: string; rsvp: 'yes' | 'no' | null }[];
  openRequests: { kind: string; due: string | null; status: DocumentRequestStatus }[];
  lastMessages: { direction: 'in' | 'out'; body: string; when: string; internal?: boolean }[];
}

export const SLASH_SUBCOMMANDS = ['client', 'invite', 'appointment', 'request-doc', 'schedule'] as const;
export type SlashSubcommand = (typeof SLASH_SUBCOMMANDS)[number];

export interface UsageData {
  /** what was wrong with the command, already in words; shown first */
  problem?: string;
  /** show only this subcommand's line */
  only?: SlashSubcommand;
}
