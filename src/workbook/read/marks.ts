/**
 * Criterion marks: in planners' forms a column per criterion ("Kết quả thực hiện các tiêu chí › 1 …
 * 19", "TC 1", "Tiêu chí 2", or the criterion's name) holding "x", "Đạt", "Chưa đạt". A mark gives
 * the criterion's outcome directly. Pure.
 */
import type { CellRef, InputValue, ValueKind } from "../../domain/types";
import { foldText } from "../../domain/text";
import type { CellValue } from "../port";
import type { HeaderColumn } from "./layout/headerBand";
import type { Candidate } from "./sheet";
import { leadingCode } from "./sheet";
import { markColumnKind, markOf } from "./text";

/** Mapping and layout key of a criterion's mark column: "mark.2". */
export const MARK_KEY_PREFIX = "mark.";

/** How a mark column reads a blank: not met when the column only ever marks the met cells. */
export type MarkColumnKind = "positiveOnly" | "explicit";

const NUMBERED = /^(?:tc|tieu chi)(?: so)?\.?\s*(\d{1,2})(?:\s|$)/;
const BARE_NUMBER = /^(\d{1,2})\.?$/;
/** "1. Quy hoạch", "1 - Quy hoạch". */
const NUMBER_AND_NAME = /^(\d{1,2})\s*[.)-]?\s+(\S.*)$/;

/**
 * Candidates for a column's header being a criterion's mark column. A bare number needs "tiêu chí"
 * above it; a header that also names one of the sheet's data codes stays a data column unless its
 * cells are marks (then the mark is what the planner typed).
 */
export function markColumnCandidates(
  criteria: readonly { code: string; nameVi: string }[],
  dataCodes: ReadonlyMap<string, ValueKind>,
  columnValues: (col: number) => CellValue[],
): (header: string, column?: HeaderColumn) => Candidate[] {
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const byName = new Map(criteria.map((c) => [foldText(c.nameVi), c.code]));
  return (header, column) => {
    const path = column?.path ?? [header];
    const leaf = foldText(path[path.length - 1] ?? "");
    const underCriteria = path.slice(0, -1).some((p) => /\btieu chi\b|\btc\b/.test(foldText(p)));
    let code: string | undefined;
    let score = 1;
    const numbered = NUMBERED.exec(leaf);
    const bare = BARE_NUMBER.exec(leaf);
    const withName = NUMBER_AND_NAME.exec(leaf);
    if (numbered) code = numbered[1];
    else if (bare && underCriteria) code = bare[1];
    else if (withName && underCriteria && byName.get(withName[2]) === withName[1]) code = withName[1];
    else if (byName.has(leaf)) {
      code = byName.get(leaf);
      score = 0.85;
    }
    if (code === undefined || !byCode.has(code)) return [];
    const values = column ? columnValues(column.col) : [];
    const kind = markColumnKind(values);
    if (kind === "notMarks") return [];
    // A column that names a data code of the sheet is that code's (a pass/fail indicator reads the
    // marks itself), unless the planner typed marks where the indicator wants numbers.
    const named = dataCodes.size > 0 ? namedCode(path, codeSet(dataCodes)) : null;
    if (named !== null && (dataCodes.get(named) === "boolean" || values.some((v) => typeof v === "number")))
      return [];
    return [{ key: MARK_KEY_PREFIX + code, score, specificity: leaf.length }];
  };
}

const codeSets = new WeakMap<ReadonlyMap<string, ValueKind>, Set<string>>();
function codeSet(codes: ReadonlyMap<string, ValueKind>): Set<string> {
  let set = codeSets.get(codes);
  if (!set) codeSets.set(codes, (set = new Set(codes.keys())));
  return set;
}

function namedCode(path: readonly string[], codes: ReadonlySet<string>): string | null {
  for (const part of path) {
    const code = leadingCode(part, codes);
    if (code !== null) return code;
  }
  return null;
}

/** A mark cell as a pass/fail value: met, not met, a blank (not met in a positive-only column). */
export function markCellValue(raw: CellValue, kind: MarkColumnKind, ref: CellRef): InputValue {
  const mark = markOf(raw);
  if (mark === "met") return { kind: "value", value: true, ref };
  if (mark === "notMet") return { kind: "value", value: false, ref };
  if (mark === "blank")
    return kind === "positiveOnly" ? { kind: "value", value: false, ref } : { kind: "missing", ref };
  return { kind: "invalid", raw: typeof raw === "string" ? raw : String(raw), ref };
}
