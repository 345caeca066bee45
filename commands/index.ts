import { approveCommand } from "./approve.js";
import { ballotCommand } from "./ballot.js";
import { candidatesCommand } from "./candidates.js";
import { initiativesCommand } from "./initiatives.js";
import { reviewCommand } from "./review.js";
import { voteCommand } from "./vote.js";
import { chatMemberUpdates } from "./chat-member.js";
import { broadcastCommand } from "./broadcast.js";
import { campaignCommand } from "./campaign.js";
import { fallback } from "./fallback.js";
import { helpCommand } from "./help.js";
import { inspectionsCommand } from "./inspections.js";
import { langCommand } from "./lang.js";
import { consentButtons } from "./link.js";
import { meCommand } from "./me.js";
import { meetingsCommand } from "./meetings.js";
import { chatMenuUpdates } from "./menu.js";
import { notifyCommand } from "./notify.js";
import { planImport } from "./plan-import.js";
import { privacyCommand } from "./privacy.js";
import { registerCommand } from "./register.js";
import { rosterImport } from "./roster-import.js";
import { inviteCommand } from "./invite.js";
import { holidaysCommand } from "./holidays.js";
import { inspectionPlanImport } from "./inspection-plan.js";
import { unlinkedCommand } from "./unlinked.js";
import { statusCommand } from "./status.js";
import { disciplineCommand } from "./discipline.js";
import { agenciesCommand } from "./agencies.js";
import { clusterCommand } from "./cluster.js";
import { agencyAdminCommand } from "./agency-admin.js";
import { upwardReportsCommand } from "./upward-reports.js";
import { reportCommand } from "./report.js";
import { bodiesCommand } from "./bodies.js";
import { rulesCommand } from "./rules.js";
import { startCommand } from "./start.js";
import { tasksCommand } from "./tasks.js";
import { taskReportsCommand } from "./task-reports.js";
import { withdrawButtons } from "./withdraw.js";

/** Every feature, in the order they get a look at an update; the fallback comes last. */
export const commandComposers = [
  chatMemberUpdates,
  chatMenuUpdates,
  startCommand,
  consentButtons,
  helpCommand,
  meCommand,
  privacyCommand,
  langCommand,
  notifyCommand,
  tasksCommand,
  taskReportsCommand,
  initiativesCommand,
  holidaysCommand,
  inspectionPlanImport,
  planImport,
  rosterImport,
  inviteCommand,
  unlinkedCommand,
  statusCommand,
  disciplineCommand,
  agenciesCommand,
  clusterCommand,
  agencyAdminCommand,
  upwardReportsCommand,
  meetingsCommand,
  bodiesCommand,
  registerCommand,
  withdrawButtons,
  approveCommand,
  reviewCommand,
  ballotCommand,
  voteCommand,
  candidatesCommand,
  campaignCommand,
  reportCommand,
  rulesCommand,
  broadcastCommand,
  inspectionsCommand,
  fallback,
];
