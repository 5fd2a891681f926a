/**
 * What every input-sheet reader shares: a view over a SheetGrid (cell text, parsed cells, A1 refs),
 * issues that name their sheet and cell, finding the sheet of each role, and locating the header row
 * and the columns of a table (fields, special columns such as thresholds or funding categories, and
 * data columns named by indicator codes). Pure.
 */
import type { CellRef, Issue, Severity } from "../../domain/types";
import { makeIssue } from "../../domain/issues";
import { readCell, type NumberStyle, type ParsedCell } from "../../domain/parse";
import { foldText } from "../../domain/text";
import { columnIndex, columnLetters } from "../a1";
import { extractIndicatorCode, findHeaderRow, scoreFieldHeader } from "./headers";
import {
  fieldHeaders,
  INPUT_ROLES,
  normKey,
  roleOfSheetName,
  SHEET_NAMES,
  type FieldDef,
  type InputRole,
} from "../layout";
import type { CellValue, SheetGrid } from "../port";
import { bandOfHeaderRows, type ColumnMapping, type HeaderRows, type ReadRole } from "./mapping";
import type { BodyRow } from "./layout/bodyRows";
import type { HeaderBand, HeaderColumn } from "./layout/headerBand";
import { analyseSheet, analysisOf, type SheetAnalysis } from "./layout/sheetAnalysis";

// ---------------------------------------------------------------- issues

/**
 * Adds an issue located at `ref`. The sheet and cell are also put into `params`, so messages can
 * name them ("Trang “Dữ liệu xã”, ô E7: …").
 */
export function addIssue(
  issues: Issue[],
  severity: Severity,
  code: string,
  ref: CellRef | { sheet: string; cell?: string } | undefined,
  params: Record<string, string | number> = {},
): Issue {
  const p: Record<string, string | number> = { ...params };
  let issue: Issue;
  if (ref && ref.cell) {
    p.sheet = ref.sheet;
    p.cell = ref.cell;
    issue = makeIssue(severity, code, { sheet: ref.sheet, cell: ref.cell }, p);
  } else if (ref) {
    p.sheet = ref.sheet;
    issue = { severity, code, sheet: ref.sheet, params: p };
  } else {
    issue = makeIssue(severity, code, undefined, p);
  }
  issues.push(issue);
  return issue;
}

// ---------------------------------------------------------------- sheet view

/** Text of a cell as typed: strings trimmed, numbers in JavaScript spelling, booleans TRUE/FALSE, errors their code. */
export function cellString(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value.error;
}

export class SheetView {
  readonly name: string;
  constructor(
    readonly grid: SheetGrid,
    readonly style: NumberStyle,
  ) {
    this.name = grid.name;
  }

  get rowCount(): number {
    return this.grid.values.length;
  }

  raw(row: number, col: number): CellValue {
    return this.grid.values[row]?.[col] ?? null;
  }

  format(row: number, col: number): string | null {
    return this.grid.numberFormats?.[row]?.[col] ?? null;
  }

  text(row: number, col: number | undefined): string {
    if (col === undefined || col < 0) return "";
    return cellString(this.raw(row, col));
  }

  parsed(row: number, col: number): ParsedCell {
    return readCell(this.raw(row, col), this.format(row, col), this.style);
  }

  /** Column letters, memoised: a national sheet asks for the same few dozen columns a million times. */
  private letters: string[] = [];

  ref(row: number, col: number): CellRef {
    const letters = this.letters[col] ?? (this.letters[col] = columnLetters(col));
    const ref: CellRef = { sheet: this.name, cell: `${letters}${row + 1}` };
    if (this.grid.file !== undefined) ref.file = this.grid.file;
    return ref;
  }

  /** The sheet's layout (title, header band, body rows), worked out once per grid. */
  analysis(): SheetAnalysis {
    return analysisOf(this.grid);
  }

  rowIsBlank(row: number): boolean {
    const cells = this.grid.values[row];
    if (!cells) return true;
    return cells.every((v) => cellString(v) === "");
  }
}

// ---------------------------------------------------------------- sheets by role

/**
 * Finds the sheet of each role: the mapping's sheet name first (compared folded), then the
 * template's names, the other language's and the aliases (exact folded matches before "starts with"
 * matches), first sheet in workbook order among equals.
 */
export function resolveRoles(
  sheetNames: readonly string[],
  mapping: ColumnMapping | undefined,
  issues: Issue[],
): Partial<Record<ReadRole, string>> {
  const found: Partial<Record<ReadRole, string>> = {};
  const taken = new Set<string>();
  for (const role of INPUT_ROLES) {
    const wanted = mapping?.sheets?.[role];
    if (!wanted) continue;
    const name =
      sheetNames.find((n) => n === wanted) ?? sheetNames.find((n) => foldText(n) === foldText(wanted));
    if (name !== undefined && !taken.has(name)) {
      found[role] = name;
      taken.add(name);
    } else {
      addIssue(issues, "warning", "MAPPED_SHEET_NOT_FOUND", undefined, {
        name: wanted,
        role: roleLabelParam(role),
      });
    }
  }
  // Exact matches first, then prefix matches ("Dữ liệu xã 2025").
  for (const exact of [true, false]) {
    for (const name of sheetNames) {
      if (taken.has(name)) continue;
      const role = roleOfSheetName(name);
      if (!role || role === "instructions" || found[role]) continue;
      const isExact = isExactRoleName(name, role);
      if (isExact !== exact) continue;
      found[role] = name;
      taken.add(name);
    }
  }
  return found;
}

function isExactRoleName(name: string, role: InputRole): boolean {
  const key = normKey(name).replace(/^\d{1,2}\s+/, "");
  const n = SHEET_NAMES[role];
  return [n.vi, n.en, ...n.aliases].some((c) => normKey(c).replace(/ /g, "") === key.replace(/ /g, ""));
}

/** "Dữ liệu xã / Commune data": how an issue names a role whose sheet is missing. */
export function roleLabelParam(role: InputRole): string {
  return `${SHEET_NAMES[role].vi} / ${SHEET_NAMES[role].en}`;
}

// ---------------------------------------------------------------- columns

/** A candidate match of a header to a key, with a tie-breaker (longer alias = more specific). */
export interface Candidate {
  key: string;
  score: number;
  specificity: number;
}

export interface TableSpecForRead {
  fields: readonly FieldDef[];
  /** Data codes this sheet may carry as columns (indicator or data codes). */
  dataCodes?: ReadonlySet<string>;
  /** Other recognised columns (thresholds, funding categories): candidates per header. */
  special?: (header: string, column?: HeaderColumn) => Candidate[];
  /** Keys `special` may return (to sort mapped keys into special vs data). */
  isSpecialKey?: (key: string) => boolean;
  /** Mapping for this role. */
  mappedColumns?: Record<string, string>;
  mappedHeaderRow?: HeaderRows;
  /** Called with the layout found (for the mapping screen, which shows what the reader sees). */
  observe?: LayoutObserver;
}

export type LayoutObserver = (layout: TableLayout, spec: TableSpecForRead) => void;

export interface TableLayout {
  /** 0-based last row of the header band; -1 when none was found. */
  headerRow: number;
  /** The header band (one row in the template; several in a planner's form), or null. */
  band: HeaderBand | null;
  /** The body's data rows (0-based): not sections, subtotals, totals, footers or blanks. */
  rows: number[];
  /** Every non-blank body row with its kind. */
  body: BodyRow[];
  /** Each column's header path, by column. */
  paths: Map<number, HeaderColumn>;
  fields: Map<string, number>;
  special: Map<string, number>;
  data: Map<string, number>;
  /** Headers that look like an indicator code but name none of `dataCodes`. */
  unknownCodeHeaders: { col: number; header: string }[];
  /** Second columns for a key already placed (first one wins). */
  duplicates: { key: string; col: number }[];
  /** How sure the placement of each key is: 1 = mapped or an exact header, lower = looser matches. */
  confidence: Map<string, number>;
  /** Keys placed by the mapping. */
  mapped: Set<string>;
}

function bestFieldScore(header: string, field: FieldDef): Candidate | undefined {
  let best: Candidate | undefined;
  for (const alias of fieldHeaders(field)) {
    const score = scoreFieldHeader(header, [alias]);
    if (score <= 0) continue;
    const specificity = foldText(alias).length;
    if (!best || score > best.score || (score === best.score && specificity > best.specificity)) {
      best = { key: field.key, score, specificity };
    }
  }
  return best;
}

const CODE_PREFIXES = ["ma chi tieu", "chi tieu", "tieu chi", "ma ct", "ct", "tc", "ma"];
const CODE_SHAPE = /^(?:[a-z]{1,3}\.?)?\d{1,2}(?:\.\d{1,2}){0,2}[a-z]?$/;

/** The header's words after a leading "Chỉ tiêu" / "CT" / "TC" / "Mã". */
function headerWords(header: string): string[] {
  let folded = foldText(header.replace(/(\d),(?=\d)/g, "$1."));
  for (const prefix of CODE_PREFIXES) {
    if (folded.startsWith(prefix + " ")) {
      folded = folded.slice(prefix.length + 1);
      break;
    }
  }
  return folded.split(" ").filter((w) => w.length > 0);
}

/** The known code a header starts with ("2.1 – …", "CT 2.1", "TC2.1", "Chỉ tiêu 2.1 – …", "KM 3 …"), or null. */
export function leadingCode(header: string, codes: ReadonlySet<string>): string | null {
  const words = headerWords(header);
  if (words.length === 0) return null;
  const first = extractIndicatorCode(words[0], codes);
  if (first !== null) return first;
  if (words.length > 1 && /^\p{L}+$/u.test(words[0]) && /^\d/.test(words[1])) {
    const spaced = extractIndicatorCode(`${words[0]} ${words[1]}`, codes);
    if (spaced !== null && foldText(spaced).startsWith(words[0])) return spaced;
  }
  return null;
}

/** True when a header reads like an indicator code ("2.1 …", "CT 3.2", "NC.10", "TC5"). */
export function looksLikeCode(header: string): boolean {
  const words = headerWords(header);
  return words.length > 0 && CODE_SHAPE.test(words[0]);
}

export function greedyAssign(
  candidates: { col: number; cand: Candidate }[],
  freeCols: Set<number>,
  placed: Map<string, number>,
  minScore: number,
  confidence?: Map<string, number>,
): void {
  const sorted = candidates
    .filter((c) => c.cand.score >= minScore)
    .sort((a, b) => b.cand.score - a.cand.score || b.cand.specificity - a.cand.specificity || a.col - b.col);
  for (const { col, cand } of sorted) {
    if (!freeCols.has(col) || placed.has(cand.key)) continue;
    placed.set(cand.key, col);
    freeCols.delete(col);
    confidence?.set(cand.key, Math.min(1, cand.score));
  }
}

/** Scores a row as a header row: matched fields, special columns and data codes. */
function headerRowScore(cells: CellValue[], spec: TableSpecForRead): number {
  let score = 0;
  for (const cell of cells) {
    const h = cellString(cell);
    if (!h || h.length > 120) continue;
    let best = 0;
    for (const field of spec.fields) {
      const c = bestFieldScore(h, field);
      if (c && c.score > best) best = c.score;
    }
    if (best >= 1) score += 1;
    else if (spec.special && spec.special(h).some((c) => c.score >= 0.8)) score += 1;
    else if (spec.dataCodes && leadingCode(h, spec.dataCodes) !== null) score += 1;
    else if (best > 0) score += 0.5;
  }
  return score;
}

/**
 * The texts a column's header is matched on, most specific first: the leaf ("Trung ương"), the leaf
 * with its parent ("Ngân sách nhà nước Trung ương"), the whole path.
 */
export function columnLabels(path: readonly string[]): string[] {
  if (path.length <= 1) return [...path];
  const leaf = path[path.length - 1];
  const out = [leaf, `${path[path.length - 2]} ${leaf}`, path.join(" ")];
  return [...new Set(out)];
}

function bestOver<T extends Candidate>(
  labels: readonly string[],
  score: (label: string) => T | undefined,
): T | undefined {
  let best: T | undefined;
  labels.forEach((label, i) => {
    const c = score(label);
    // The leaf is preferred: a longer label must score strictly higher to win.
    if (c && (!best || c.score > best.score + (i > 0 ? 1e-9 : 0))) best = c;
  });
  return best;
}

/**
 * Finds the header band and the column of every field, special column and data code of a table.
 * Order of precedence: the mapping; exact field headers; special columns; headers starting with a
 * known code; field aliases contained in a header; a known code anywhere in a header. A header over
 * several rows is matched on its path (see columnLabels); the body's section, subtotal, total and
 * footer rows are told apart from its data rows.
 */
export function locateColumns(view: SheetView, spec: TableSpecForRead, issues: Issue[]): TableLayout {
  const layout: TableLayout = {
    headerRow: -1,
    band: null,
    rows: [],
    body: [],
    fields: new Map(),
    special: new Map(),
    data: new Map(),
    unknownCodeHeaders: [],
    duplicates: [],
    confidence: new Map(),
    mapped: new Set(),
    paths: new Map(),
  };
  const done = () => {
    spec.observe?.(layout, spec);
    return layout;
  };
  const mapped = spec.mappedColumns ?? {};
  const hasMapped = Object.keys(mapped).length > 0;
  const mappedBand = spec.mappedHeaderRow !== undefined ? bandOfHeaderRows(spec.mappedHeaderRow) : undefined;
  const analysis = mappedBand !== undefined ? analyseSheet(view.grid, mappedBand) : view.analysis();
  let band = analysis.band;
  if (!band) {
    // No row reads like a header of any role: try this role's own headers on one row.
    const row = findHeaderRow(view.grid.values, (cells) => headerRowScore(cells, spec));
    if (row >= 0 || hasMapped)
      band = analyseSheet(view.grid, { first: Math.max(row, 0), last: Math.max(row, 0) }).band;
  }
  if (!band) return done();
  layout.band = band;
  layout.headerRow = band.last;
  layout.body =
    band === analysis.band
      ? analysis.body
      : analyseSheet(view.grid, { first: band.first, last: band.last }).body;
  layout.rows = layout.body.filter((b) => b.kind === "data").map((b) => b.row);

  const fieldKeys = new Set(spec.fields.map((f) => f.key));
  const usedCols = new Set<number>();
  for (const [key, letters] of Object.entries(mapped)) {
    let col: number;
    try {
      col = /^[A-Za-z]{1,3}$/.test(letters.trim()) ? columnIndex(letters.trim()) : -1;
    } catch {
      col = -1;
    }
    if (col < 0) {
      addIssue(issues, "warning", "MAPPED_COLUMN_INVALID", { sheet: view.name }, { key, column: letters });
      continue;
    }
    const target = fieldKeys.has(key)
      ? layout.fields
      : spec.isSpecialKey?.(key)
        ? layout.special
        : layout.data;
    target.set(key, col);
    usedCols.add(col);
    layout.confidence.set(key, 1);
    layout.mapped.add(key);
  }

  const labels = new Map<number, string[]>();
  const free = new Set<number>();
  for (const column of band.columns) {
    layout.paths.set(column.col, column);
    labels.set(column.col, columnLabels(column.path));
    if (!usedCols.has(column.col)) free.add(column.col);
  }
  const labelsOf = (c: number) => labels.get(c) ?? [];
  const unplacedFields = spec.fields.filter((f) => !layout.fields.has(f.key));

  // A: exact field headers.
  const fieldCandidates: { col: number; cand: Candidate }[] = [];
  for (const c of free) {
    for (const field of unplacedFields) {
      const cand = bestOver(labelsOf(c), (label) => bestFieldScore(label, field));
      if (cand) fieldCandidates.push({ col: c, cand });
    }
  }
  greedyAssign(fieldCandidates, free, layout.fields, 1, layout.confidence);

  // B: special columns (thresholds, funding categories, criterion marks). A second exact header for
  // a placed key is a duplicate.
  if (spec.special) {
    const specials: { col: number; cand: Candidate }[] = [];
    for (const c of free) {
      const column = layout.paths.get(c)!;
      for (const cand of spec.special(labelsOf(c)[0] ?? "", column)) specials.push({ col: c, cand });
    }
    greedyAssign(specials, free, layout.special, 0.8, layout.confidence);
    for (const { col, cand } of specials) {
      if (free.has(col) && cand.score >= 1 && layout.special.get(cand.key) !== col) {
        layout.duplicates.push({ key: cand.key, col });
        free.delete(col);
      }
    }
  }

  // C: headers starting with a known code (on any row of the header).
  const codes = spec.dataCodes;
  const placeData = (c: number, code: string, confidence: number) => {
    if (layout.data.has(code)) layout.duplicates.push({ key: code, col: c });
    else {
      layout.data.set(code, c);
      layout.confidence.set(code, confidence);
    }
    free.delete(c);
  };
  const pathOf = (c: number) => layout.paths.get(c)?.path ?? [];
  if (codes && codes.size > 0) {
    for (const c of [...free].sort((a, b) => a - b)) {
      const path = pathOf(c);
      for (let i = path.length - 1; i >= 0; i--) {
        const code = leadingCode(path[i], codes);
        if (code !== null) {
          placeData(c, code, 0.95);
          break;
        }
      }
    }
  }

  // D: field aliases contained in a header, unless the header names a known code ("Đường xã (2.1)"
  // is indicator 2.1, not the commune's name).
  const namesCode = (col: number) =>
    codes !== undefined && codes.size > 0 && pathOf(col).some((p) => extractIndicatorCode(p, codes) !== null);
  greedyAssign(
    fieldCandidates.filter((x) => free.has(x.col) && !layout.fields.has(x.cand.key) && !namesCode(x.col)),
    free,
    layout.fields,
    0.8,
  );
  // A contained alias is a looser match than an exact header.
  for (const x of fieldCandidates)
    if (layout.fields.get(x.cand.key) === x.col && !layout.confidence.has(x.cand.key))
      layout.confidence.set(x.cand.key, Math.min(0.85, x.cand.score * 0.85));

  // E: a known code anywhere in the header; otherwise note code-like headers.
  for (const c of [...free].sort((a, b) => a - b)) {
    const path = pathOf(c);
    let code: string | null = null;
    if (codes && codes.size > 0)
      for (let i = path.length - 1; i >= 0 && code === null; i--) code = extractIndicatorCode(path[i], codes);
    const leaf = path[path.length - 1] ?? "";
    if (code !== null) placeData(c, code, 0.7);
    else if (looksLikeCode(leaf)) layout.unknownCodeHeaders.push({ col: c, header: leaf });
  }
  return done();
}
