/**
 * Criterion marks in a biểu: a column per criterion whose cells say met ("x", "✓", "Đạt") or not
 * ("Chưa đạt", "Không đạt"), or only mark the met ones. Pure; built on `readCell`'s Đạt/Không words.
 */
import { readCell } from "../../../domain/parse";
import { foldText } from "../../../domain/text";
import type { CellValue } from "../../port";

export type Mark = "met" | "notMet" | "blank";
export type MarkColumnKind = "positiveOnly" | "explicit" | "notMarks";

/** Words `readCell` leaves as text, folded. */
const MARK_WORDS: ReadonlyMap<string, "met" | "notMet"> = new Map([
  ["dat chuan", "met"],
  ["da dat", "met"],
  ["dat yeu cau", "met"],
  ["hoan thanh", "met"],
  ["da hoan thanh", "met"],
  ["chua", "notMet"],
  ["kd", "notMet"],
  ["chua dat chuan", "notMet"],
  ["khong dat chuan", "notMet"],
  ["chua hoan thanh", "notMet"],
  ["khong hoan thanh", "notMet"],
]);
/** Marks that fold to nothing, looked up as typed (readCell knows ✓ ✔ ✗ ✘). */
const MARK_SIGNS: ReadonlyMap<string, "met" | "notMet"> = new Map([
  ["☑", "met"],
  ["✅", "met"],
  ["❌", "notMet"],
]);
/** Longer texts are never one of the words. */
const MAX_MARK_TEXT = 24;
/** A column is not a mark column when this share of its non-blank cells are not marks. */
const MAX_STRAY_SHARE = 0.2;

/**
 * What one cell of a mark column says.
 * - met: "x", "X", "✓", "✔", "v", "Đạt", "ĐẠT", "Đạt chuẩn", "Hoàn thành", "Có", true, 1.
 * - notMet: "Chưa đạt", "Không đạt", "Chưa", "Không", "✗", "✘", "KĐ", false, 0.
 * - blank: null, "", spaces, "-", "–", "—".
 * - null: anything else (85, "85%", a name, an error value).
 */
export function markOf(value: CellValue): Mark | null {
  const cell = readCell(value, null, "vi");
  switch (cell.kind) {
    case "blank":
      return "blank";
    case "boolean":
      return cell.value ? "met" : "notMet";
    case "number":
      if (cell.percent) return null;
      return cell.value === 1 ? "met" : cell.value === 0 ? "notMet" : null;
    case "text":
      if (cell.text.length > MAX_MARK_TEXT) return null;
      return MARK_SIGNS.get(cell.text) ?? MARK_WORDS.get(foldText(cell.text)) ?? null;
    case "error":
      return null;
  }
}

/**
 * How a column of cells marks its criterion:
 * - positiveOnly: only met marks (at least one); a blank or "-" there means not met.
 * - explicit: not-met marks occur (with or without met ones).
 * - notMarks: no marks at all, or 20% or more of the non-blank cells are not marks. Fewer strays
 *   (a comment in one cell) are tolerated and do not change the kind.
 */
export function markColumnKind(values: readonly CellValue[]): MarkColumnKind {
  let met = 0;
  let notMet = 0;
  let other = 0;
  for (const v of values) {
    const mark = markOf(v);
    if (mark === "met") met++;
    else if (mark === "notMet") notMet++;
    else if (mark === null) other++;
  }
  const filled = met + notMet + other;
  if (met + notMet === 0 || other >= MAX_STRAY_SHARE * filled) return "notMarks";
  return notMet === 0 ? "positiveOnly" : "explicit";
}
