// The delivery policy: what each channel allows this month, and who it could not reach.
export { admitProactive, type Admission, OA_WINDOW, openWindow, type WindowRules } from "./window.js";
export { type ChannelReach, deliveryStatus, type UnreachedPerson } from "./status.js";
export { MonthlyQuota, QUOTA_WARNING_SHARE } from "./quota.js";
export {
  channelMonthsOf,
  claimWarning,
  countPaid,
  countSent,
  monthLabel,
  monthOf,
  spendAllowance,
  stopForMonth,
  stoppedFor,
  type ChannelMonth,
} from "./months.js";
export { recordSilentlyUnreachable } from "./silent.js";
export {
  rerouteOrRecord,
  tellSecretariatOfUnreached,
  UNREACHED_REASONS,
  type UnreachedReason,
  warnSecretariatOfQuota,
} from "./unreached.js";
