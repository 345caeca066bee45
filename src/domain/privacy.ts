/**
 * The privacy notice people agree to before their chat is linked (Law 91/2025/QH15 on personal
 * data protection and Decree 356/2025/NĐ-CP, in force from 01/01/2026: consent must be explicit and
 * informed). A new wording gets a new version, and people are asked again when they next link.
 */
export const PRIVACY_NOTICE_VERSION = "2026-12";

export const PRIVACY_REQUEST_KINDS = ["correction", "deletion"] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];
