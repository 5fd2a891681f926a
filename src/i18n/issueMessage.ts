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
  const text = hasKey(key) ? t(lang, key, translatedParams(lang, issue.params)) : fallback(issue);
  const file =
    issue.file && opts.withPlace !== false ? `${t(lang, "issue.placeFile", { file: issue.file })}, ` : "";
  // The issues sheet shows the place in its own columns.
  if (!issue.sheet || opts.withPlace === false) return file + text;
  if (issue.cell ? text.includes(issue.cell) : text.includes(issue.sheet)) return file + text;
  const place = issue.cell ? "issue.placeCell" : "issue.placeSheet";
  return `${file}${t(lang, place, { sheet: issue.sheet, cell: issue.cell ?? "" })}: ${text}`;
}

/**
 * Parameters whose name ends in "Key" hold a message key (a word that depends on the language, such
 * as where a setting was found): `{ fromKey: "issue.from.title" }` fills `{from}` in the user's language.
 */
function translatedParams(lang: Lang, params: Issue["params"]): Issue["params"] {
  let out: Issue["params"] | undefined;
  for (const [name, value] of Object.entries(params)) {
    if (!name.endsWith("Key") || typeof value !== "string" || !hasKey(value)) continue;
    out ??= { ...params };
    out[name.slice(0, -3)] = t(lang, value);
  }
  return out ?? params;
}

function fallback(issue: Issue): string {
  const params = Object.entries(issue.params)
    .map(([k, v]) => `${k}: ${v}`)
    .join(", ");
  return params ? `${issue.code} (${params})` : issue.code;
}
