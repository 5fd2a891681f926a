/**
 * Highlighting of the user's input sheets without touching their cells: for each input sheet with
 * results to show, a hidden marks sheet holds a small code at the SAME address as each input cell
 * (1 = not met, 2 = near, 3 = missing / invalid / no threshold), and three formula rules on the input
 * sheet, over the bounding range of the marks, colour the cells from those codes.
 */
import type { EvaluationResult, Issue, Outcome } from "../../domain/types";
import { parseCellAddress, rangeAddress } from "../a1";
import type { DefinedName, InputHighlight } from "../port";
import type { HighlightStyle, OutCell, SheetSpec } from "../sheetSpec";

export type MarkCode = 1 | 2 | 3;

/** Mark of an outcome; 0 = not highlighted. */
export function markCode(outcome: Outcome): MarkCode | 0 {
  switch (outcome) {
    case "notMet":
      return 1;
    case "near":
      return 2;
    case "missing":
    case "invalid":
    case "noThreshold":
      return 3;
    default:
      return 0;
  }
}

export const MARK_STYLES: readonly (readonly [MarkCode, HighlightStyle])[] = [
  [1, "notMet"],
  [2, "near"],
  [3, "unknown"],
];

/** Marked cells of one input sheet, by position. */
export interface SheetMarks {
  sheet: string;
  /** key = row * COLS + col (0-based); value = the most severe mark of the cell. */
  cells: Map<number, MarkCode>;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const COLS = 16_384;

export interface CollectedMarks {
  /** Input sheets with at least one mark, sorted by name. */
  sheets: SheetMarks[];
  /** Every input sheet some indicator result points to (marked or not), sorted by name. */
  referenced: string[];
  issues: Issue[];
}

/**
 * Marks of every indicator result that carries a cell reference, at every level. When several
 * indicators read the same cell (e.g. income for NTM, advanced and model), the most severe mark wins,
 * so every highlighted cell has a row with that result in the indicators sheet.
 */
export function collectMarks(result: EvaluationResult): CollectedMarks {
  const bySheet = new Map<string, SheetMarks>();
  const referenced = new Set<string>();
  const issues: Issue[] = [];
  const badRefs = new Set<string>();
  for (const loc of result.localities) {
    for (const ir of Object.values(loc.indicators)) {
      const ref = ir.ref;
      if (!ref) continue;
      referenced.add(ref.sheet);
      const code = markCode(ir.outcome);
      if (code === 0) continue;
      const pos = parseCellAddress(ref.cell);
      if (!pos) {
        const key = `${ref.sheet}\u0000${ref.cell}`;
        if (!badRefs.has(key)) {
          badRefs.add(key);
          issues.push({
            severity: "warning",
            code: "HIGHLIGHT_REF_INVALID",
            sheet: ref.sheet,
            cell: ref.cell,
            params: { sheet: ref.sheet, cell: ref.cell },
          });
        }
        continue;
      }
      let marks = bySheet.get(ref.sheet);
      if (!marks) {
        marks = {
          sheet: ref.sheet,
          cells: new Map(),
          top: pos.row,
          left: pos.col,
          bottom: pos.row,
          right: pos.col,
        };
        bySheet.set(ref.sheet, marks);
      }
      const key = pos.row * COLS + pos.col;
      const prev = marks.cells.get(key);
      if (prev === undefined || code < prev) marks.cells.set(key, code);
      if (pos.row < marks.top) marks.top = pos.row;
      if (pos.row > marks.bottom) marks.bottom = pos.row;
      if (pos.col < marks.left) marks.left = pos.col;
      if (pos.col > marks.right) marks.right = pos.col;
    }
  }
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    sheets: [...bySheet.values()].sort((a, b) => byName(a.sheet, b.sheet)),
    referenced: [...referenced].sort(byName),
    issues,
  };
}

/** The hidden marks sheet: rows from A1, ragged, each code at its input cell's address. */
export function renderMarksSheet(name: string, marks: SheetMarks | null): SheetSpec {
  const rows: OutCell[][] = [];
  if (marks) {
    const keys = [...marks.cells.keys()].sort((a, b) => a - b);
    for (let r = 0; r <= marks.bottom; r++) rows.push([]);
    for (const key of keys) {
      const row = Math.floor(key / COLS);
      const col = key - row * COLS;
      const cells = rows[row];
      while (cells.length < col) cells.push(null);
      cells[col] = marks.cells.get(key) as MarkCode;
    }
  }
  return { name, rows, hidden: true };
}

/** Defined name through which the highlight rules read the n-th marks sheet. */
export function marksRangeName(n: number): string {
  return `NTM_DD_${n}`;
}

/**
 * Three formula rules over the bounding range of the marks. They read the marks sheet through a
 * defined name covering it from A1, so `INDEX(name, ROW(), COLUMN())` is the mark at the same address:
 * a conditional format may not reference another sheet directly in Excel 2007's file format, but a
 * name is fine everywhere (Excel, Excel on the web, LibreOffice).
 */
export function marksHighlight(
  marks: SheetMarks,
  marksSheet: string,
  name: string,
): { highlight: InputHighlight; name: DefinedName } {
  const range = rangeAddress(marks.top, marks.left, marks.bottom, marks.right);
  return {
    highlight: {
      sheet: marks.sheet,
      rules: MARK_STYLES.map(([code, style]) => ({
        kind: "formula" as const,
        range,
        formula: `=INDEX(${name},ROW(),COLUMN())=${code}`,
        style,
      })),
    },
    name: { name, sheet: marksSheet, range: rangeAddress(0, 0, marks.bottom, marks.right) },
  };
}
