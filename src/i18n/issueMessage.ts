/** The message of an issue in the user's language, for every place that shows one. */
import type { Issue } from "../domain/types";
import { hasKey, t, type Lang } from "./index";

/**
 * `issue.<code>` with its parameters, always naming where the problem is: most messages name their
 * sheet and cell themselves; for the others ("Trang “Dữ liệu xã”, ô A12: …") the place is put in front.
 * A code without a message prints the code and parameters (a bug to fix).
 */
export function issueMessage(lang: Lang, issue: Issue, opts: { withPlace?: boolean } = {}): string {
  const key = `issue.${issue.code}`;
  const text = hasKey(key) ? t(lang, key, issue.params) : fallback(issue);
  // The issues sheet shows the place in its own columns.
  if (!issue.sheet || opts.withPlace === false) return text;
  if (issue.cell ? text.includes(issue.cell) : text.includes(issue.sheet)) return text;
  const place = issue.cell ? "issue.placeCell" : "issue.placeSheet";
  return `${t(lang, place, { sheet: issue.sheet, cell: issue.cell ?? "" })}: ${text}`;
}

function fallback(issue: Issue): string {
  const params = Object.entries(issue.params)
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
  return params ? `${issue.code} (${params})` : issue.code;
}
