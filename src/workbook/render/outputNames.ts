/**
 * Names of the sheets NTM Planner writes, chosen so that a user's own sheet is never overwritten.
 *
 * - A desired name that is free is used as is.
 * - A desired name that exists and is owned by the tool (listed in ToolMeta.ownedSheets) is reused:
 *   the port replaces that sheet.
 * - A desired name that exists but is NOT owned (a user's sheet that happens to have the name) is left
 *   alone: the first free "Name (2)", "Name (3)"… is used instead, and a warning OUTPUT_NAME_TAKEN
 *   {name, used} says so.
 *
 * Names are compared as Excel does, ignoring case (after Unicode NFC normalisation), and are made
 * valid sheet names: at most 31 characters, none of [ ] : * ? / \, no leading or trailing apostrophe.
 */
import type { Issue } from "../../domain/types";
import { META_SHEET, type ToolMeta } from "../port";

export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;
/** Names Excel reserves or the tool uses for itself. */
const RESERVED = [META_SHEET, "History"];

/** How Excel compares sheet names: case-insensitive. */
export function sheetKey(name: string): string {
  return name.normalize("NFC").toUpperCase();
}

function cut(name: string, max: number): string {
  const chars = [...name];
  return chars.length <= max ? name : chars.slice(0, max).join("");
}

/** A valid sheet name close to `name`: forbidden characters become "-", then trimmed to 31 characters. */
export function sanitizeSheetName(name: string): string {
  let s = name.normalize("NFC").replace(FORBIDDEN, "-").trim();
  s = s.replace(/^'+/, "").replace(/'+$/, "");
  s = cut(s, MAX_SHEET_NAME_LENGTH).replace(/'+$/, "").trim();
  return s.length > 0 ? s : "Sheet";
}

/** "KQ Xã" + 2 → "KQ Xã (2)", shortening the base so the whole stays within 31 characters. */
export function withSuffix(base: string, n: number): string {
  const suffix = ` (${n})`;
  return cut(base, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd() + suffix;
}

export function chooseOutputNames(
  desired: readonly string[],
  existing: readonly string[],
  meta: ToolMeta | null,
): { names: string[]; issues: Issue[] } {
  const existingByKey = new Map<string, string>();
  for (const e of existing) existingByKey.set(sheetKey(e), e);
  const owned = new Set((meta?.ownedSheets ?? []).map(sheetKey));
  const reserved = new Set(RESERVED.map(sheetKey));
  const taken = new Set<string>();
  const isUsersSheet = (key: string) => existingByKey.has(key) && !owned.has(key);

  const names: string[] = [];
  const issues: Issue[] = [];
  for (const want of desired) {
    const base = sanitizeSheetName(want);
    let name = base;
    for (let n = 2; ; n++) {
      const key = sheetKey(name);
      if (!taken.has(key) && !reserved.has(key) && !isUsersSheet(key)) break;
      name = withSuffix(base, n);
    }
    const baseKey = sheetKey(base);
    if (name !== base && isUsersSheet(baseKey)) {
      issues.push({
        severity: "warning",
        code: "OUTPUT_NAME_TAKEN",
        sheet: existingByKey.get(baseKey),
        params: { name: base, used: name },
      });
    }
    taken.add(sheetKey(name));
    names.push(name);
  }
  return { names, issues };
}

/**
 * The tool's sheets after a write: every sheet written now, then the sheets it owned before that were
 * not written now but still exist (a sheet of an earlier run under another language or name, or a
 * marks sheet no longer needed), so that a later run may still replace or delete them. A name owned
 * before whose sheet no longer exists is dropped: if the user later creates a sheet with that name, it
 * is theirs.
 */
export function ownedAfterWrite(
  written: readonly string[],
  existing: readonly string[],
  meta: ToolMeta | null,
): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const name of written) {
    const key = sheetKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  const existingKeys = new Set(existing.map(sheetKey));
  for (const name of meta?.ownedSheets ?? []) {
    const key = sheetKey(name);
    if (seen.has(key) || !existingKeys.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
