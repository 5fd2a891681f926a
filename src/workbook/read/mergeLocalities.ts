/**
 * One locality per level and code, whatever the number of sheets and files that list it: a commune
 * split over two sheets (indicators on one, marks on another) is one commune. The first row wins;
 * a later row adds the values it alone has. The same value given twice with different contents, or
 * the same locality listed by two files, is an issue naming both cells — never a silent overwrite.
 * Two rows of one sheet are left to the hierarchy check (a unit typed twice).
 * Pure.
 */
import type { CellRef, InputValue, Issue, Locality } from "../../domain/types";
import { addIssue } from "./sheet";

function where(ref: CellRef | undefined): string {
  if (!ref) return "";
  return `${ref.file ? `${ref.file}: ` : ""}${ref.sheet}!${ref.cell}`;
}

function sameValue(a: InputValue, b: InputValue): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "value" && b.kind === "value") return a.value === b.value;
  return true;
}

export function mergeLocalities(all: readonly Locality[], issues: Issue[]): Locality[] {
  const byKey = new Map<string, Locality>();
  const out: Locality[] = [];
  for (const loc of all) {
    const key = `${loc.level}|${loc.code}`;
    const first = byKey.get(key);
    // The same unit twice on one sheet is a typing error the hierarchy check reports: both rows go on.
    if (
      first &&
      first.ref &&
      loc.ref &&
      first.ref.sheet === loc.ref.sheet &&
      first.ref.file === loc.ref.file
    ) {
      out.push(loc);
      continue;
    }
    if (!first) {
      const copy: Locality = { ...loc, values: { ...loc.values } };
      byKey.set(key, copy);
      out.push(copy);
      continue;
    }
    if (loc.ref?.file !== undefined && loc.ref.file !== first.ref?.file) {
      addIssue(issues, "warning", "DUPLICATE_LOCALITY", loc.ref, {
        code: loc.code,
        name: loc.name || first.name,
        first: where(first.ref),
      });
    }
    for (const [code, value] of Object.entries(loc.values)) {
      const had = first.values[code];
      if (had === undefined || had.kind === "missing") first.values[code] = value;
      else if (value.kind !== "missing" && !sameValue(had, value))
        addIssue(issues, "warning", "DUPLICATE_LOCALITY_VALUE", value.ref ?? loc.ref, {
          code: loc.code,
          name: loc.name || first.name,
          first: where(had.ref ?? first.ref),
          data: code,
        });
    }
    for (const field of ["parent", "unitType", "region", "group", "dbkk", "atkPoorDistrict"] as const) {
      if (first[field] === undefined && loc[field] !== undefined)
        (first as unknown as Record<string, unknown>)[field] = loc[field];
    }
    if (!first.name && loc.name) first.name = loc.name;
  }
  return out;
}
