import { normalizeName } from "../text.js";

/** Who a duty belongs to, as the document words it: "X chủ trì, phối hợp với Y". */
export type Owners = { lead: string[]; coordinating: string[] };

const LEADS = /\(?\s*(?:là\s+)?(?:đơn vị\s+|cơ quan\s+)?chủ trì\s*\)?/iu;

/**
 * A units cell or phrase that says who leads and who helps: "Văn phòng chủ trì, phối hợp với
 * các phòng", "Văn phòng (chủ trì)", "Các phòng phối hợp", "Chủ trì: A; phối hợp: B". Once one
 * item says it leads, the items that say nothing help: a cell "Văn phòng Sở chủ trì\nCác phòng"
 * has one lead.
 */
export function unitRoles(items: string[]): Owners {
  const lead: string[] = [];
  const coordinating: string[] = [];
  const plain: string[] = [];
  for (const item of items) {
    const labelled = /^(chủ trì|phối hợp)\s*:\s*(.+)$/iu.exec(item);
    if (labelled) {
      const target = /^chủ/iu.test(labelled[1] ?? "") ? lead : coordinating;
      target.push(...splitUnits((labelled[2] ?? "").replace(/,\s*/g, ";")).filter((unit) => !target.includes(unit)));
      continue;
    }
    const both = /^(.+?)\s*\(?\s*chủ trì\s*\)?\s*[,;]?\s*(?:và\s+)?phối hợp(?:\s+với)?\s+(.+?)(?:\s+(?:thực hiện|tham mưu|triển khai)\b.*)?$/iu.exec(item);
    if (both) {
      lead.push(clean(both[1] ?? ""));
      coordinating.push(
        ...(both[2] ?? "")
          .split(/\s*(?:;|\bvà\b)\s*/u)
          .map(clean)
          .filter(Boolean),
      );
      continue;
    }
    const leading = /^(.+?)\s*\(?\s*(?:là\s+)?(?:đơn vị\s+)?chủ trì\s*\)?$/iu.exec(item);
    const helping = /^(.+?)\s*\(?\s*phối hợp\s*\)?$/iu.exec(item);
    if (leading) lead.push(clean(leading[1] ?? ""));
    else if (helping) coordinating.push(clean(helping[1] ?? ""));
    else plain.push(item);
  }
  if (lead.length > 0) coordinating.push(...plain.filter((item) => !coordinating.includes(item)));
  else lead.push(...plain);
  return { lead: lead.filter(Boolean), coordinating: coordinating.filter(Boolean) };
}

function clean(phrase: string): string {
  return normalizeName(
    phrase
      .replace(LEADS, " ")
      .replace(/^(?:giao\s+|do\s+)/iu, "")
      .replace(/[.,;:]+$/, ""),
  );
}

/** Unit names in a cell: one per line or bullet, or separated by ";" (commas belong to names). */
export function splitUnits(cell: string): string[] {
  return cell
    .split(/\n|;/)
    .map((part) =>
      part
        .replace(/^\s*(?:[-–•+*]|\d+[.)])\s*/, "")
        .replace(/[.,;:]+$/, "")
        .trim(),
    )
    .filter((part) => part.length > 0 && !/^[-–—]+$/.test(part));
}

// What a body's name begins with: "Văn phòng Sở", "Các phòng", "Thanh tra tỉnh", "UBND". Read
// with its accents: folded, "Sở", "số" and "sơ kết" are one word, as are "Phòng" and "phong trào".
const BODY =
  /^(văn phòng|phòng (?!chống)|ban (?!hành)|trung tâm|các (phòng|đơn vị|cơ quan|sở|ban|ngành|tổ|bộ phận|địa phương|huyện|xã|thành viên|cụm|khối|tổ chức|đoàn thể|chi bộ|công chức|cá nhân|tập thể|đồng chí)|thanh tra|sở |ubnd|ủy ban|uỷ ban|hội đồng|công đoàn|đoàn (?!kết)|chi bộ|đảng ủy|đảng uỷ|lãnh đạo|thủ trưởng|trưởng |bộ phận|tổ (công tác|chuyên|giúp việc|thư ký)|chi cục|cục |thường trực|giám đốc|toàn thể|tất cả (các )?(phòng|đơn vị|cá nhân|công chức))/iu;

/** Whether a short phrase reads as the name of a body (a unit, an office, "các phòng"), not a sentence. */
export function namesABody(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/).length;
  return words >= 1 && words <= 14 && BODY.test(normalizeName(phrase).toLowerCase());
}

// What a body does when a sentence names it as its subject: "Phòng A thực hiện", "Các phòng, đơn vị gửi…".
const SUBJECT_VERBS =
  "thực hiện|tổ chức|tổng hợp|gửi|xây dựng|báo cáo|đăng ký|triển khai|tham mưu|rà soát|hoàn thành|theo dõi|hướng dẫn|đôn đốc|kiểm tra|chuẩn bị";

/**
 * Who a sentence of prose gives a duty to: "Văn phòng Sở chủ trì, phối hợp với Phòng A tổ chức…",
 * "…; giao Phòng B chủ trì", "Phòng C có trách nhiệm…", "Văn phòng Sở: tổng hợp…", "…: Phòng D
 * thực hiện". Each clause (between ":" and ";") is tried. Nothing when the sentence names no one.
 */
export function ownersInSentence(sentence: string): Owners | null {
  const text = normalizeName(sentence.replace(/^\s*(?:[-–•+*]|[IVX]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))\s+/u, ""));
  const clauses = [text, ...text.split(/\s*[:;]\s+/u).slice(1)];
  for (const clause of clauses) {
    const chair =
      /^(?:giao\s+|do\s+)?(.{2,120}?)\s*\(?\s*chủ trì\s*\)?\s*(?:[,;]\s*|\s+)?(?:và\s+)?(?:phối hợp(?:\s+với)?\s+(.+?))?(?=\s+(?:thực hiện|tham mưu|triển khai|xây dựng|hướng dẫn|theo dõi|tổng hợp|tổ chức)\s|[.;:]|$)/iu.exec(
        clause,
      );
    if (chair && namesABody(chair[1] ?? "")) {
      const coordinating = (chair[2] ?? "")
        .split(/\s*(?:;|,\s*(?=các\s|phòng\s|văn phòng\s|ban\s)|\bvà\b)\s*/iu)
        .map(clean)
        .filter(Boolean);
      return { lead: [clean(chair[1] ?? "")], coordinating };
    }
    const charged = /^(?:giao\s+)?(.{2,120}?)\s*(?:\([^)]*\)\s*)?(?:có trách nhiệm|chịu trách nhiệm|:\s)/iu.exec(clause);
    if (charged && namesABody(charged[1] ?? "")) return { lead: [clean(charged[1] ?? "")], coordinating: [] };
    const subject = new RegExp(`^(.{2,100}?)\\s+(?:${SUBJECT_VERBS})\\b`, "iu").exec(clause);
    if (subject && namesABody(subject[1] ?? "") && (subject[1] ?? "").split(/\s+/).length <= 10) return { lead: [clean(subject[1] ?? "")], coordinating: [] };
  }
  // A heading that names whom the lines under it are for: "Các sở, ban, ngành; UBND các huyện:".
  const addressed = /^(.{2,160}?)\s*:\s*$/u.exec(text);
  if (addressed && namesABody(addressed[1] ?? "")) return { lead: splitUnits((addressed[1] ?? "").replace(/;\s*/g, ";")).map(clean), coordinating: [] };
  return null;
}
