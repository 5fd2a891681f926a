/** What the planner reads when something fails: a host error by its code, anything else by its message. */
import { t, type Lang } from "../i18n";
import { HostError, type HostErrorCode } from "./host";

const HOST_ERROR_CODES: readonly HostErrorCode[] = ["cellEditing", "busy", "tooLarge", "readOnly", "unknown"];

function hostErrorCode(err: unknown): HostErrorCode | null {
  if (err instanceof HostError) return err.code;
  // A HostError from another bundle (the commands runtime) fails instanceof; its shape does not.
  if (err instanceof Error && err.name === "HostError") {
    const code = (err as { code?: unknown }).code;
    if (HOST_ERROR_CODES.includes(code as HostErrorCode)) return code as HostErrorCode;
  }
  return null;
}

export function errorMessage(lang: Lang, err: unknown): string {
  const code = hostErrorCode(err);
  if (code) return t(lang, `host.error.${code}`, { message: (err as Error).message });
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
