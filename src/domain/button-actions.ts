import { action, fields } from "./actions.js";
import * as z from "zod";
import { NOTIFY_VIA } from "./notifications.js";
import { COMMANDS } from "./roles.js";
import { BASES } from "./titles.js";

const { id, index, code } = fields;

/**
 * Every button the bot shows, and who may press it. Buttons inside a guided conversation are
 * read by that conversation, under its command's audience; the others by a handler behind the
 * guard. The authorization tests play this table.
 */
export const ACTIONS = {
  language: action("lang", "anyone", [code]),
  /** The privacy notice shown before linking: only the chat it was shown to can agree (checked in the service). */
  consentAgree: action("consent:yes", "anyone", [id]),
  consentDecline: action("consent:no", "anyone", [id]),
  privacyDelete: action("privacy:del", COMMANDS.privacy, []),
  privacyCopy: action("privacy:copy", COMMANDS.privacy, []),
  privacyDeleteConfirmed: action("privacy:del!", COMMANDS.privacy, []),
  notifyVia: action("notify:set", "linked", [z.enum(NOTIFY_VIA)]),
  /** The task, and the list the button is on ("now", "late", "2024-1"), which a press refreshes. */
  taskDone: action("task:done", ["head"], [id, code]),
  taskReopen: action("task:reopen", ["head"], [id, code]),
  /** A candidate's mark on one's ballot, before it is submitted; submit; submit again as a change. */
  ballotToggle: action("vote:mark", COMMANDS.vote, [id, index]),
  ballotSubmit: action("vote:submit", COMMANDS.vote, [id]),
  ballotPage: action("vote:page", COMMANDS.vote, [id, index]),
  ballotChange: action("vote:change", COMMANDS.vote, [id]),
  /** A unit's bình xét: the meeting's outcome for a registration (1 proposed, 0 not), the unit's vote, sending it up. */
  reviewMark: action("rv:mark", COMMANDS.review, [id, id, index]),
  reviewVote: action("rv:vote", COMMANDS.review, [id]),
  reviewCloseVote: action("rv:close", COMMANDS.review, [id]),
  reviewSend: action("rv:send", COMMANDS.review, [id]),
  reviewSendConfirmed: action("rv:send!", COMMANDS.review, [id]),
  /** The initiative's file, for whoever reviews it. */
  initiativeFile: action("init:file", COMMANDS.initiatives, [id]),
  /** Send the report file a task asks for. */
  taskReport: action("task:report", ["head"], [id]),
  reportArchive: action("reports:zip", COMMANDS.reports, [id]),
  reportRemind: action("reports:remind", COMMANDS.reports, [id]),
  planMap: action("plan:map", COMMANDS.plan, [id, index]),
  planSetUnit: action("plan:set", COMMANDS.plan, [id, index, id]),
  planExternal: action("plan:ext", COMMANDS.plan, [id, index]),
  planBack: action("plan:back", COMMANDS.plan, [id]),
  planSave: action("plan:save", COMMANDS.plan, [id]),
  planCancel: action("plan:cancel", COMMANDS.plan, [id]),
  rosterSave: action("roster:save", COMMANDS.roster, [id]),
  /** Saves a full roster: whoever it does not name has left. */
  rosterSaveFull: action("roster:full", COMMANDS.roster, [id]),
  rosterCancel: action("roster:cancel", COMMANDS.roster, [id]),
  holidaysSave: action("hol:save", COMMANDS.holidays, [id]),
  holidaysCancel: action("hol:cancel", COMMANDS.holidays, [id]),
  inspectionSave: action("insp:save", COMMANDS.inspectionplan, [id, code]),
  inspectionCancel: action("insp:cancel", COMMANDS.inspectionplan, [id]),
  registrationStart: action("reg:start", COMMANDS.register, []),
  registrationChange: action("reg:change", COMMANDS.register, []),
  registrationWithdraw: action("reg:withdraw", COMMANDS.register, [id]),
  registrationWithdrawConfirmed: action("reg:withdraw!", COMMANDS.register, [id]),
  registrationWithdrawKept: action("reg:keep", COMMANDS.register, []),
  approve: action("appr:ok", COMMANDS.approve, [id]),
  giveBack: action("appr:ret", COMMANDS.approve, [id]),
  remindUnregistered: action("report:remind", ["secretariat"], []),
  broadcastCancel: action("bc:cancel", COMMANDS.broadcast, [id]),
  broadcastUnreached: action("bc:failed", COMMANDS.broadcast, [id]),
  visitReportSent: action("insp:report", ["head"], [id]),
} as const;

/** The buttons of the guided conversations, answered inside them. */
export const CONVERSATION_ACTIONS = {
  registrationTitle: action("reg:title", COMMANDS.register, [code]),
  registrationForm: action("reg:form", COMMANDS.register, [code]),
  registrationBasis: action("reg:basis", COMMANDS.register, [z.enum(BASES)]),
  /** A recognised initiative of one's own, cited instead of typing its name. */
  registrationInitiative: action("reg:init", COMMANDS.register, [id]),
  registrationConfirm: action("reg:confirm", COMMANDS.register, []),
  registrationBack: action("reg:back", COMMANDS.register, []),
  registrationCancel: action("reg:cancel", COMMANDS.register, []),
  giveBackCancel: action("appr:cancel", COMMANDS.approve, []),
  broadcastAbort: action("bc:abort", COMMANDS.broadcast, []),
  broadcastNoDocument: action("bc:nodoc", COMMANDS.broadcast, []),
  broadcastSend: action("bc:send", COMMANDS.broadcast, []),
  broadcastBack: action("bc:back", COMMANDS.broadcast, []),
  broadcastAudience: action("bc:aud", COMMANDS.broadcast, [z.enum(["all", "units", "heads", "council", "unreg"])]),
  broadcastUnit: action("bc:unit", COMMANDS.broadcast, [id]),
  broadcastUnitsDone: action("bc:units:done", COMMANDS.broadcast, []),
} as const;
