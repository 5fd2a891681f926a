/**
 * The fake workbook's state: sheets with cells, number formats, styles, merges, conditional formats,
 * validations, freeze panes, page layout (margins and footer too), gridlines, protection and charts; workbook names and tables. Plain data with the few rules
 * of Excel that matter to the office.js port (how typed text becomes a number, a formula or text; sheet
 * name rules; the last visible sheet). No office.js proxies here (see client.ts).
 */
import { FakeOfficeError, invalidArgument, invalidOperation, itemAlreadyExists } from "./errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A stored cell value (errors as objects, the way the fake keeps them). */
export type StoredValue = string | number | boolean | { error: string };

/** 0-based, inclusive corners. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export const rectRows = (r: Rect): number => r.r1 - r.r0 + 1;
export const rectColumns = (r: Rect): number => r.c1 - r.c0 + 1;
export const rectContains = (r: Rect, row: number, col: number): boolean =>
  row >= r.r0 && row <= r.r1 && col >= r.c0 && col <= r.c1;
export const rectsIntersect = (a: Rect, b: Rect): boolean =>
  a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
export const isUnbounded = (r: Rect): boolean =>
  (r.r0 === 0 && r.r1 === MAX_ROWS - 1) || (r.c0 === 0 && r.c1 === MAX_COLUMNS - 1);

export function columnName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = (n - 1 - rem) / 26;
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1", "A1:C3", "$A$1", "A:C", "3:5", optionally "Sheet!…" or "'Sheet x'!…". Null when not an address. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | null {
  let s = address.trim();
  let sheet: string | undefined;
  const bang = s.lastIndexOf("!");
  if (bang >= 0) {
    sheet = s.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).split("''").join("'");
    s = s.slice(bang + 1);
  }
  s = s.replace(/\$/g, "").toUpperCase();
  const parts = s.split(":");
  if (parts.length > 2) return null;
  const cell = /^([A-Z]{1,3})(\d{1,7})$/;
  const col = /^([A-Z]{1,3})$/;
  const row = /^(\d{1,7})$/;
  const a = parts[0];
  const b = parts[1] ?? parts[0];
  let rect: Rect | null = null;
  if (cell.test(a) && cell.test(b)) {
    const [, ca, ra] = cell.exec(a)!;
    const [, cb, rb] = cell.exec(b)!;
    rect = { r0: Number(ra) - 1, c0: columnNumber(ca), r1: Number(rb) - 1, c1: columnNumber(cb) };
  } else if (parts.length === 2 && col.test(a) && col.test(b)) {
    rect = { r0: 0, c0: columnNumber(a), r1: MAX_ROWS - 1, c1: columnNumber(b) };
  } else if (parts.length === 2 && row.test(a) && row.test(b)) {
    rect = { r0: Number(a) - 1, c0: 0, r1: Number(b) - 1, c1: MAX_COLUMNS - 1 };
  }
  if (!rect) return null;
  const ordered: Rect = {
    r0: Math.min(rect.r0, rect.r1),
    c0: Math.min(rect.c0, rect.c1),
    r1: Math.max(rect.r0, rect.r1),
    c1: Math.max(rect.c0, rect.c1),
  };
  if (ordered.r0 < 0 || ordered.c0 < 0 || ordered.r1 >= MAX_ROWS || ordered.c1 >= MAX_COLUMNS) return null;
  return sheet === undefined ? { rect: ordered } : { sheet, rect: ordered };
}

/** "B3:D9" ("B3" for one cell; "A:C" / "3:5" for whole columns / rows). */
export function rectAddress(r: Rect): string {
  if (r.r0 === 0 && r.r1 === MAX_ROWS - 1) return `${columnName(r.c0)}:${columnName(r.c1)}`;
  if (r.c0 === 0 && r.c1 === MAX_COLUMNS - 1) return `${r.r0 + 1}:${r.r1 + 1}`;
  const tl = `${columnName(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? tl : `${tl}:${columnName(r.c1)}${r.r1 + 1}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.split("'").join("''")}'`;
}

const ERROR_TEXTS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"];

/** Excel's serial of an ISO date (1900 system, after 1 March 1900). */
function isoSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(t)) return null;
  return t / 86_400_000 + 25_569;
}

/** What a typed string becomes in a cell whose format is not Text ("@"). */
export type TypedEntry =
  | { kind: "text"; text: string; quotePrefix: boolean }
  | { kind: "number"; value: number; format?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: string }
  | { kind: "formula"; formula: string }
  | { kind: "clear" };

/**
 * Excel's reading of a string written through `Range.values`, as if typed (the fake models the cases
 * that matter to the port): a leading apostrophe makes the rest text; "=…", and "+…", "-…", "@…" that
 * are not plain numbers, become formulas; plain numbers (with an optional "%") become numbers; TRUE and
 * FALSE become booleans; error texts become errors; an ISO date becomes a date serial. "" clears.
 */
export function typeEntry(s: string): TypedEntry {
  if (s === "") return { kind: "clear" };
  if (s.startsWith("'")) return { kind: "text", text: s.slice(1), quotePrefix: true };
  const t = s.trim();
  const num = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(%)?$/.exec(t);
  if (num) {
    const value = Number(t.replace("%", ""));
    return num[4] ? { kind: "number", value: value / 100, format: "0%" } : { kind: "number", value };
  }
  if (s.startsWith("=")) return { kind: "formula", formula: s };
  if (s.startsWith("+") || s.startsWith("-") || s.startsWith("@"))
    return { kind: "formula", formula: "=" + s };
  if (/^(true|false)$/i.test(t)) return { kind: "boolean", value: t.toLowerCase() === "true" };
  const upper = t.toUpperCase();
  if (ERROR_TEXTS.includes(upper)) return { kind: "error", code: upper };
  const serial = isoSerial(t);
  if (serial !== null) return { kind: "number", value: serial, format: "yyyy-mm-dd" };
  return { kind: "text", text: s, quotePrefix: false };
}

/**
 * The fake does not calculate: a formula of numbers, + - * / and parentheses gets its value; any other
 * formula reads as #NAME? (what Excel shows for "=-5 xã"-like text taken for a formula).
 */
export function evaluateFormula(formula: string): StoredValue {
  const src = formula.replace(/^=/, "").replace(/\s+/g, "");
  let i = 0;
  const fail = (): never => {
    throw new Error("not arithmetic");
  };
  const number = (): number => {
    const m = /^(\d+(\.\d*)?|\.\d+)/.exec(src.slice(i));
    if (!m) return fail();
    i += m[0].length;
    return Number(m[0]);
  };
  const factor = (): number => {
    if (src[i] === "+") {
      i++;
      return factor();
    }
    if (src[i] === "-") {
      i++;
      return -factor();
    }
    if (src[i] === "(") {
      i++;
      const v = sum();
      if (src[i] !== ")") fail();
      i++;
      return v;
    }
    return number();
  };
  const product = (): number => {
    let v = factor();
    while (src[i] === "*" || src[i] === "/") v = src[i++] === "*" ? v * factor() : v / factor();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (src[i] === "+" || src[i] === "-") v = src[i++] === "+" ? v + product() : v - product();
    return v;
  };
  try {
    const v = sum();
    if (i !== src.length) fail();
    return Number.isFinite(v) ? v : { error: "#DIV/0!" };
  } catch {
    return { error: "#NAME?" };
  }
}

export interface CfState {
  id: string;
  type: string; // "Custom" | "DataBar" | …
  rect: Rect;
  stopIfTrue: boolean;
  custom?: { formula: string; fill: string | null; fontColor: string | null; bold: boolean | null };
  dataBar?: {
    lowerBoundRule: { type: string; formula?: string } | null;
    upperBoundRule: { type: string; formula?: string } | null;
    fillColor: string | null;
    gradientFill: boolean | null;
    borderColor: string | null;
  };
}

export interface ValidationState {
  rect: Rect;
  rule: Record<string, unknown>;
  errorAlert: Record<string, unknown> | null;
  ignoreBlanks: boolean;
}

export interface StyleEntry {
  rect: Rect;
  props: Record<string, unknown>;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: Record<string, unknown> | null;
  printTitleRows: string | null;
}

/** Print margins in points (Excel's defaults: 0.7" left and right, 0.75" top and bottom, 0.3" header and footer). */
export interface PageMarginsState {
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
}

/** A chart's series: its name and the A1 addresses (with the sheet) of its values and categories. */
export interface ChartSeriesState {
  name: string;
  values: string;
  xValues: string | null;
}

export interface ChartState {
  id: string;
  name: string;
  type: string;
  title: string;
  /** The cells the chart spans (setPosition), null until placed. */
  from: string | null;
  to: string | null;
  series: ChartSeriesState[];
}

/** Worksheet.protection: protected or not, and the options it was protected with. */
export interface ProtectionState {
  protected: boolean;
  options: Record<string, unknown> | null;
}

const cellKey = (r: number, c: number): number => r * MAX_COLUMNS + c;

export class SheetState {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  tabColor = "";
  /** Row-major values; undefined/null = empty. */
  readonly values: (StoredValue | null | undefined)[][] = [];
  readonly formulas = new Map<number, string>();
  readonly quotePrefix = new Set<number>();
  private readonly cellFormats = new Map<number, { fmt: string; seq: number }>();
  private readonly formatLayers: { rect: Rect; fmt: string; seq: number }[] = [];
  readonly styles: StyleEntry[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly merges: Rect[] = [];
  readonly conditionalFormats: CfState[] = [];
  readonly validations: ValidationState[] = [];
  freeze: { rows: number; columns: number } | null = null;
  pageLayout: PageLayoutState = {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: null,
    printTitleRows: null,
  };
  pageMargins: PageMarginsState = {
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
  };
  /** headersFooters.defaultForAllPages.centerFooter ("" when none). */
  centerFooter = "";
  showGridlines = true;
  protection: ProtectionState = { protected: false, options: null };
  readonly charts: ChartState[] = [];

  constructor(
    readonly wb: WorkbookState,
    readonly id: string,
    public name: string,
  ) {}

  value(r: number, c: number): StoredValue | null {
    const f = this.formulas.get(cellKey(r, c));
    if (f !== undefined) return evaluateFormula(f);
    return this.values[r]?.[c] ?? null;
  }

  formula(r: number, c: number): string | undefined {
    return this.formulas.get(cellKey(r, c));
  }

  hasQuotePrefix(r: number, c: number): boolean {
    return this.quotePrefix.has(cellKey(r, c));
  }

  numberFormat(r: number, c: number): string {
    const own = this.cellFormats.get(cellKey(r, c));
    for (let i = this.formatLayers.length - 1; i >= 0; i--) {
      const layer = this.formatLayers[i];
      if (own && layer.seq < own.seq) break;
      if (rectContains(layer.rect, r, c)) return layer.fmt;
    }
    return own ? own.fmt : "General";
  }

  setNumberFormat(r: number, c: number, fmt: string): void {
    this.cellFormats.set(cellKey(r, c), { fmt: fmt === "" ? "General" : fmt, seq: this.wb.nextSeq() });
  }

  setNumberFormatLayer(rect: Rect, fmt: string): void {
    this.formatLayers.push({ rect, fmt: fmt === "" ? "General" : fmt, seq: this.wb.nextSeq() });
  }

  private setRaw(r: number, c: number, v: StoredValue | null): void {
    let row = this.values[r];
    if (!row) {
      if (v === null) return;
      row = this.values[r] = [];
    }
    row[c] = v;
  }

  /** Clears value, formula and quote prefix of one cell. */
  clearCell(r: number, c: number): void {
    const key = cellKey(r, c);
    this.formulas.delete(key);
    this.quotePrefix.delete(key);
    this.setRaw(r, c, null);
  }

  /** Writes one element of a `Range.values` array. null/undefined leave the cell as it is. */
  writeValue(r: number, c: number, input: unknown): void {
    if (input === null || input === undefined) return;
    if (typeof input === "number") {
      if (!Number.isFinite(input)) return; // JSON turns NaN / Infinity into null: no change
      this.clearCell(r, c);
      this.setRaw(r, c, input);
      return;
    }
    if (typeof input === "boolean") {
      this.clearCell(r, c);
      this.setRaw(r, c, input);
      return;
    }
    if (typeof input !== "string") throw invalidArgument(`Unsupported cell value ${JSON.stringify(input)}`);
    this.clearCell(r, c);
    if (this.numberFormat(r, c) === "@") {
      if (input !== "") this.setRaw(r, c, input);
      return;
    }
    const entry = typeEntry(input);
    const key = cellKey(r, c);
    switch (entry.kind) {
      case "clear":
        return;
      case "text":
        this.setRaw(r, c, entry.text);
        if (entry.quotePrefix) this.quotePrefix.add(key);
        return;
      case "number":
        this.setRaw(r, c, entry.value);
        if (entry.format && this.numberFormat(r, c) === "General") this.setNumberFormat(r, c, entry.format);
        return;
      case "boolean":
        this.setRaw(r, c, entry.value);
        return;
      case "error":
        this.setRaw(r, c, { error: entry.code });
        return;
      case "formula":
        this.formulas.set(key, entry.formula);
        return;
    }
  }

  /** Writes one element of a `Range.formulas` array. */
  writeFormula(r: number, c: number, input: unknown): void {
    if (typeof input === "string" && input.startsWith("=")) {
      this.clearCell(r, c);
      this.formulas.set(cellKey(r, c), input);
    } else this.writeValue(r, c, input);
  }

  /**
   * Merges `rect` as Range.merge does: refused over another merged range; the covered cells are cleared,
   * only the top-left keeps its value.
   */
  merge(rect: Rect): void {
    if (this.merges.some((m) => rectsIntersect(m, rect)))
      throw invalidOperation("Cannot merge overlapping ranges.");
    this.merges.push(rect);
    for (let r = rect.r0; r <= rect.r1; r++)
      for (let c = rect.c0; c <= rect.c1; c++) if (r !== rect.r0 || c !== rect.c0) this.clearCell(r, c);
  }

  /**
   * Bounding rectangle of the cells with a value or formula (and, unless valuesOnly, a format; a merged
   * range counts as formatted, as in Excel).
   */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const take = (r: number, c: number) => {
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    this.values.forEach((row, r) => {
      if (!row) return;
      for (let c = 0; c < row.length; c++) if (row[c] !== null && row[c] !== undefined) take(r, c);
    });
    for (const key of this.formulas.keys()) take(Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS);
    if (!valuesOnly) {
      for (const key of this.cellFormats.keys()) take(Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS);
      for (const m of this.merges) {
        take(m.r0, m.c0);
        take(m.r1, m.c1);
      }
      for (const layer of this.formatLayers) {
        if (isUnbounded(layer.rect)) continue;
        take(layer.rect.r0, layer.rect.c0);
        take(layer.rect.r1, layer.rect.c1);
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** What Excel refuses on a protected sheet: changing cells, formats or charts (AccessDenied). */
  assertEditable(): void {
    if (this.protection.protected) {
      throw new FakeOfficeError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet. You can't perform this operation.",
      );
    }
  }

  /** The effective style of a cell: the props of every style entry covering it, later ones winning. */
  styleAt(r: number, c: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const s of this.styles) if (rectContains(s.rect, r, c)) Object.assign(out, s.props);
    return out;
  }
}

export interface NameState {
  name: string;
  formula: string;
  type: string;
  visible: boolean;
  comment: string;
}

export interface TableState {
  id: string;
  name: string;
  sheet: SheetState;
  rect: Rect;
  style: string;
  showBandedRows: boolean;
  showHeaders: boolean;
}

/** Excel's sheet-name rules (what Worksheet.name and worksheets.add refuse). */
export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw invalidArgument(`The sheet name "${name}" is not valid.`);
  }
  if (name.toLowerCase() === "history") throw invalidArgument('"History" is a reserved sheet name.');
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  readonly names: NameState[] = [];
  readonly tables: TableState[] = [];
  activeSheet: SheetState | null = null;
  selection: { sheet: string; address: string } | null = null;
  enableEvents = true;
  private seq = 0;
  private ids = 0;

  nextSeq(): number {
    return ++this.seq;
  }

  newId(prefix: string): string {
    return `{${prefix}-${++this.ids}}`;
  }

  findSheet(key: string): SheetState | undefined {
    const lower = key.toLowerCase();
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name?: string): SheetState {
    let n = this.sheets.length + 1;
    let finalName = name;
    while (finalName === undefined) {
      const candidate = `Sheet${n++}`;
      if (!this.findSheet(candidate)) finalName = candidate;
    }
    checkSheetName(finalName);
    if (this.findSheet(finalName)) throw itemAlreadyExists(`sheet "${finalName}"`);
    const sheet = new SheetState(this, this.newId("sheet"), finalName);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  renameSheet(sheet: SheetState, name: string): void {
    checkSheetName(name);
    const other = this.findSheet(name);
    if (other && other !== sheet) throw itemAlreadyExists(`sheet "${name}"`);
    sheet.name = name;
  }

  private visibleCount(except?: SheetState): number {
    return this.sheets.filter((s) => s !== except && s.visibility === "Visible").length;
  }

  setVisibility(sheet: SheetState, visibility: string): void {
    if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") {
      throw invalidArgument(`Unknown visibility "${visibility}"`);
    }
    if (visibility !== "Visible" && sheet.visibility === "Visible" && this.visibleCount(sheet) === 0) {
      throw invalidOperation("A workbook must contain at least one visible worksheet.");
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheet === sheet) {
      this.activeSheet = this.sheets.find((s) => s.visibility === "Visible") ?? null;
    }
  }

  deleteSheet(sheet: SheetState): void {
    if (sheet.visibility === "Visible" && this.visibleCount(sheet) === 0) {
      throw invalidOperation("A workbook must contain at least one visible worksheet.");
    }
    const index = this.sheets.indexOf(sheet);
    if (index < 0) return;
    this.sheets.splice(index, 1);
    for (let i = this.tables.length - 1; i >= 0; i--)
      if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    // References to the deleted sheet become #REF!, as in Excel.
    const refs = [`${quoteSheet(sheet.name)}!`, `'${sheet.name.split("'").join("''")}'!`, `${sheet.name}!`];
    for (const n of this.names) {
      for (const ref of refs) n.formula = n.formula.split(ref).join("#REF!");
    }
    if (this.activeSheet === sheet)
      this.activeSheet = this.sheets.find((s) => s.visibility === "Visible") ?? null;
  }

  moveSheet(sheet: SheetState, position: number): void {
    const from = this.sheets.indexOf(sheet);
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw invalidArgument(`Position ${position} is out of range.`);
    }
    this.sheets.splice(from, 1);
    this.sheets.splice(position, 0, sheet);
  }

  /** Table and defined names share one namespace (case-insensitive). */
  nameTaken(name: string, except?: object): boolean {
    const lower = name.toLowerCase();
    return (
      this.names.some((n) => n !== except && n.name.toLowerCase() === lower) ||
      this.tables.some((t) => t !== except && t.name.toLowerCase() === lower)
    );
  }
}
