/** The message of an issue in the user's language, for every place that shows one. */
import type { Issue } from "../domain/types";
import { hasKey, t, type Lang } from "./index";

/** `issue.<code>` with its parameters; a code without a message prints the code and parameters (a bug to fix). */
export function issueMessage(lang: Lang, issue: Issue): string {
  const key = `issue.${issue.code}`;
  if (hasKey(key)) return t(lang, key, issue.params);
  const params = Object.entries(issue.params)
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
  return params ? `${issue.code} (${params})` : issue.code;
}
