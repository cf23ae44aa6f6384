// The ids Slack sends back when a caseworker presses a button or submits a modal: the listeners
// route on these. A button's value carries only the id of what it acts on; who may act is decided
// again by the use case from the Slack user's own staff id, never from anything in the payload.

/** The slash command, as registered in the app manifest. */
export const SLASH_COMMAND = '/casebridge';

/** A reply in a client's thread that starts with this (any case) stays internal: never sent. */
export const NOTE_PREFIX = 'note:';

// Buttons on cards (action_id)
export const RESCHEDULE_APPROVE = 'reschedule.approve';
export const RESCHEDULE_DECLINE = 'reschedule.decline';
export const DOCUMENT_ACCEPT = 'document.accept';
export const DOCUMENT_REJECT = 'document.reject';
/** a link button: Slack opens the URL and still sends the action, which only needs an ack */
export const DOCUMENT_VIEW = 'document.view';
/** on a crisis alert: the one who presses it is on it, and the alert stops escalating */
export const CRISIS_ACKNOWLEDGE = 'crisis.acknowledge';

// The actions blocks that hold those buttons (block_id)
export const RESCHEDULE_ACTIONS = 'reschedule.actions';
export const DOCUMENT_ACTIONS = 'document.actions';
export const CRISIS_ACTIONS = 'crisis.actions';

// Modals (callback_id)
export const DECLINE_REASON_MODAL = 'reschedule.decline_reason';
export const REJECT_REASON_MODAL = 'document.reject_reason';

// The reason input in those modals: view.state.values[REASON_BLOCK][REASON_INPUT].value
export const REASON_BLOCK = 'reason';
export const REASON_INPUT = 'reason.input';

// The pause card: Resume messages (its value is the client's id) and its actions block
export const PAUSE_RESUME = 'pause.resume';
export const PAUSE_ACTIONS = 'pause.actions';

// Follow-ups: on a missed-appointment card, the caseworker says the client came after all.
export const MISSED_ATTENDED = 'appointment.attended_after_all';
export const MISSED_ACTIONS = 'missed.actions';
