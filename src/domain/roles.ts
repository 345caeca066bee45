import { foldForMatching } from "./text.js";

// council_chair: the council's chair (Chủ tịch Hội đồng), always a council member too.
export const ROLES = ["staff", "head", "leader", "secretariat", "council", "council_chair", "initiative_council", "admin"] as const;
export type Role = (typeof ROLES)[number];

// What a roster may write in its roles column, in English or Vietnamese, accents optional.
const ROLE_ALIASES: Record<string, Role> = {
  staff: "staff",
  "nhan vien": "staff",
  "cong chuc": "staff",
  "vien chuc": "staff",
  head: "head",
  "truong phong": "head",
  "lanh dao": "head",
  // Thủ trưởng cơ quan, Ban Giám đốc: the agency's leadership, who decide what a head cannot.
  leader: "leader",
  "thu truong": "leader",
  "thu truong co quan": "leader",
  "lanh dao co quan": "leader",
  "ban giam doc": "leader",
  "giam doc": "leader",
  "pho giam doc": "leader",
  "truong don vi": "head",
  secretariat: "secretariat",
  "van phong": "secretariat",
  "thuong truc": "secretariat",
  "thu ky": "secretariat",
  council: "council",
  "hoi dong": "council",
  "thanh vien hoi dong": "council",
  // Hội đồng sáng kiến: scores and recognises initiatives.
  "initiative council": "initiative_council",
  initiative_council: "initiative_council",
  "hoi dong sang kien": "initiative_council",
  admin: "admin",
  "quan tri": "admin",
};

export function parseRole(text: string): Role | undefined {
  return ROLE_ALIASES[foldForMatching(text)];
}

/**
 * Who may use a command: "anyone" includes people who have not linked their account yet,
 * "linked" any linked person, else the roles listed. This one table drives /help, the guard in
 * front of every command and the authorization tests.
 */
export type Audience = "anyone" | "linked" | readonly Role[];

export const COMMANDS = {
  start: "anyone",
  help: "anyone",
  lang: "anyone",
  me: "linked",
  privacy: "linked",
  notify: "linked",
  tasks: ["head", "secretariat"],
  note: ["head"],
  submit: ["head"],
  reports: ["secretariat"],
  // The leadership chairs the council: the chair opens and closes each title's vote.
  ballot: ["secretariat", "leader"],
  // The council votes, and a unit's members in its bình xét: the session says who may.
  vote: "linked",
  candidates: ["council", "secretariat", "leader"],
  review: ["head"],
  initiative: "linked",
  initiatives: ["initiative_council", "secretariat"],
  // Not typed: a secretariat member sends the plan document to the bot.
  plan: ["secretariat"],
  // Likewise: the roster file is sent to the bot; /roster says how.
  roster: ["secretariat"],
  invite: ["secretariat"],
  holidays: ["secretariat"],
  inspectionplan: ["secretariat"],
  unlinked: ["secretariat", "head"],
  meeting: ["secretariat"],
  meetings: ["council", "secretariat"],
  register: "linked",
  myregs: "linked",
  approve: ["head", "leader"],
  report: ["secretariat", "council"],
  export: ["secretariat", "head"],
  campaign: ["secretariat"],
  extend: ["secretariat"],
  rule: ["secretariat"],
  broadcast: ["secretariat"],
  launch: ["secretariat"],
  campaigns: ["secretariat", "council"],
  inspections: "linked",
  visit: ["secretariat"],
  role: ["secretariat"],
  team: ["secretariat"],
  status: ["secretariat"],
  discipline: ["secretariat"],
  agencies: ["secretariat", "leader"],
  cluster: ["secretariat", "leader"],
  upreport: ["secretariat", "leader"],
  // The province's administrator: agencies under the province and their channels.
  agency: ["admin"],
  // A mail's files are the secretariat's and leadership's, and an inspection report also its team's: the service says whose.
  received: "linked",
} as const satisfies Record<string, Audience>;

export type CommandName = keyof typeof COMMANDS;

/** /help's groups, by what a person does; every command is in one (a test holds it). */
export const COMMAND_GROUPS: { key: string; commands: CommandName[] }[] = [
  { key: "mine", commands: ["start", "help", "me", "register", "myregs", "initiative", "vote", "inspections", "notify", "lang", "privacy"] },
  { key: "unit", commands: ["tasks", "note", "submit", "approve", "review", "unlinked", "export"] },
  { key: "council", commands: ["meetings", "candidates", "ballot", "report", "campaigns", "initiatives"] },
  { key: "setup", commands: ["roster", "role", "team", "discipline", "invite", "plan", "inspectionplan", "holidays", "rule", "agency"] },
  {
    key: "office",
    commands: ["launch", "campaign", "extend", "broadcast", "reports", "meeting", "visit", "status", "agencies", "cluster", "upreport", "received"],
  },
];

export function mayUse(audience: Audience, roles: readonly Role[] | null): boolean {
  if (audience === "anyone") return true;
  if (roles === null) return false;
  if (audience === "linked") return true;
  return audience.some((role) => roles.includes(role) || roles.includes("admin"));
}

export function commandsFor(roles: readonly Role[] | null): CommandName[] {
  return (Object.keys(COMMANDS) as CommandName[]).filter((name) => mayUse(COMMANDS[name], roles));
}
