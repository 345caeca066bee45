import { UserError } from "../../domain/user-error.js";

/** The refusal for a file over its limit, both sizes in MB as people read them ("8", "10.4"). */
export function fileTooLarge(bytes: number, limitBytes: number): UserError {
  return new UserError("file-too-large", { size: megabytes(bytes), limit: megabytes(limitBytes) });
}

function megabytes(bytes: number): string {
  return String(Number((bytes / 1048576).toFixed(1)));
}
