/**
 * The rows of a table's body, each with its kind: data, a section opening a group ("I | Huyện Can
 * Lộc", "II. HUYỆN HƯƠNG KHÊ"), a total ("Tổng cộng", "Toàn tỉnh") or subtotal ("Cộng huyện …"), or
 * the footer under the table ("Người lập biểu", the signature block). Section, subtotal and total
 * rows are never localities; readers use them for the district of the rows under a section and to
 * check typed totals. Pure.
 */
import { isFooterLine, sectionLabel, totalLabel } from "../text";
import type { GridIndex } from "./gridIndex";

export type BodyRowKind = "data" | "section" | "total" | "subtotal" | "note";

export interface BodyRow {
  row: number;
  kind: BodyRowKind;
  /** Section rows: the marker ("I", "B") and the name ("Huyện Can Lộc"), when typed. */
  marker?: string;
  name?: string;
  /** Subtotal rows: what they add up ("huyện Can Lộc"), when typed. */
  scope?: string;
  /** Index (into the returned list) of the section row this row falls under, if any. */
  section?: number;
}

/** A letter glued to digits ("H.1", "T.2") is an indicator code, never a section marker. */
const CODE_LIKE = /^\p{Lu}{1,3}\.?\d/u;

/** A section label, unless the first cell reads as an indicator code or the name has no letter. */
export function sectionOf(first: string, second: string | undefined): ReturnType<typeof sectionLabel> {
  if (CODE_LIKE.test(first)) return null;
  const label = sectionLabel(first, second);
  return label && (label.name === undefined || /\p{L}/u.test(label.name)) ? label : null;
}

/** How many leading filled cells may hold a row's label. */
const LABEL_CELLS = 3;

/** Classifies every non-blank row from `start` to the end of the grid, within columns first..last. */
export function bodyRows(grid: GridIndex, start: number, firstCol: number, lastCol: number): BodyRow[] {
  const out: BodyRow[] = [];
  let section: number | undefined;
  let footer = false;
  for (let r = start; r < grid.rowCount; r++) {
    const cols = grid.filledColumns(r).filter((c) => c >= firstCol && c <= lastCol);
    if (cols.length === 0) continue;
    const texts = cols.slice(0, LABEL_CELLS).map((c) => grid.ownText(r, c));
    if (footer || (cols.length <= 3 && texts.some((t) => isFooterLine(t)))) {
      footer = true;
      out.push({ row: r, kind: "note" });
      continue;
    }
    const total = texts
      .slice(0, 2)
      .map((t) => totalLabel(t))
      .find((x) => x !== null);
    if (total) {
      const row: BodyRow = { row: r, kind: total.kind };
      if (total.scope !== undefined) row.scope = total.scope;
      if (total.kind === "subtotal" && section !== undefined) row.section = section;
      out.push(row);
      if (total.kind === "total") section = undefined;
      continue;
    }
    const label = sectionOf(texts[0], texts[1]);
    if (label && cols[0] <= firstCol + 1) {
      section = out.length;
      out.push({
        row: r,
        kind: "section",
        marker: label.marker,
        ...(label.name ? { name: label.name } : {}),
      });
      continue;
    }
    out.push({ row: r, kind: "data", ...(section !== undefined ? { section } : {}) });
  }
  return out;
}
