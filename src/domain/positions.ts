import type { Role } from "./roles.js";
import { foldForMatching } from "./text.js";

/** What a deputy head (phó trưởng phòng…) is in the bot: agencies differ, so it is a setting. */
export type DeputyRole = "head" | "staff";

// Positions as offices write them in the "Chức vụ" column, folded. The leadership of the agency
// decides what a unit head cannot; heads approve their staff; everyone else is staff.
const LEADER = /^(giam doc(\s+so\b.*)?|thu truong( co quan)?|vien truong|tong cuc truong|cuc truong)$/;
const HEAD =
  /^(truong (phong|ban|khoa|tram|don vi|bo phan|chi cuc|phong ban)|chanh (van phong|thanh tra)|hieu truong|to truong|giam doc (trung tam|benh vien|ban quan ly|chi nhanh)|chi cuc truong|truong)\b/;
const STAFF =
  /^(chuyen vien|nhan vien|can bo|cong chuc|vien chuc|ke toan|van thu|thu quy|thu kho|lai xe|bao ve|tap vu|thanh tra vien|giao vien|giang vien|bac si|dieu duong|ky su|ky thuat vien|kiem soat vien|luat su|nghien cuu vien|phuc vu|hop dong|tro ly|thu ky|chuyen gia)\b/;

/**
 * The role a position gives, or undefined when the position says nothing the bot knows. A deputy
 * of the leadership is leadership (phó giám đốc sở sits in the Ban Giám đốc); a deputy head is
 * what the agency decided.
 */
export function roleForPosition(position: string, deputyRole: DeputyRole): Role | undefined {
  // "Trưởng phòng, kiêm Chánh Văn phòng": the first position is the one that counts.
  const folded = foldForMatching(position).split(/[,;(]/)[0]?.trim() ?? "";
  if (folded === "") return undefined;
  const deputy = /^pho\s+(.*)$/.exec(folded);
  if (deputy) {
    const base = deputy[1] ?? "";
    if (LEADER.test(base)) return "leader";
    if (HEAD.test(base)) return deputyRole;
    return undefined;
  }
  if (LEADER.test(folded)) return "leader";
  if (HEAD.test(folded)) return "head";
  if (STAFF.test(folded)) return "staff";
  return undefined;
}
