/**
 * Tolerant reading of what planners type into cells: Vietnamese and English number styles, "85%" text,
 * Đạt / Không đạt words, Excel error values. Pure functions; readCell runs once per cell of the
 * workbook (about a million in a national file), so it avoids regular expressions and allocates only
 * its result.
 */
import type { CellRef, InputValue, ValueKind } from "./types";
import type { CellValue } from "../workbook/port";
import { foldText } from "./text";

/** Which separator means what when a number is typed as text: vi "1.234,5", en "1,234.5". */
export type NumberStyle = "vi" | "en";

/** What a cell holds once read, before it is given a meaning by an indicator. */
export type ParsedCell =
  | { kind: "blank" }
  | {
      kind: "number";
      value: number;
      /** The user sees a percentage: "85%" text, or a numeric cell with a percent number format. */
      percent: boolean;
      /**
       * True when `value` is the stored fraction of a cell whose number format scales by 100
       * (shown "85%", stored 0.85). Absent or false: `value` is what the user sees (85 for "85%" text).
       */
      fromFormat?: boolean;
    }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; code: string }
  | { kind: "text"; text: string };

export type PercentMode = "points" | "fraction";

// ---------- Numbers typed as text ----------

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const DOT = 46;
const COMMA = 44;
const PLUS = 43;
const HYPHEN_MINUS = 45;
const MINUS_SIGN = 0x2212;

function isSpace(c: number): boolean {
  return (
    c === 32 || // space
    c === 0xa0 || // no-break space
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 0x202f || // narrow no-break space
    c === 0x2007 || // figure space
    c === 0x2009 || // thin space
    c === 0xfeff // zero-width no-break space (BOM)
  );
}

/**
 * True when text[from, to) is a grouped integer part: a first group of 1–3 digits not starting with 0,
 * then groups of exactly 3 digits, each after one `sep`.
 */
function isGroupedInteger(text: string, from: number, to: number, sep: number): boolean {
  if (from >= to || text.charCodeAt(from) === DIGIT_0) return false;
  let run = 0;
  let first = true;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === sep) {
      if (first ? run < 1 || run > 3 : run !== 3) return false;
      first = false;
      run = 0;
    } else {
      run++;
    }
  }
  return first ? run >= 1 && run <= 3 : run === 3;
}

/**
 * Reads a number typed as text in Vietnamese ("1.234,5", "1.234.567", "85,5") or English
 * ("1,234.5", "85.5") style. Rules:
 * - When both "." and "," occur, the last one is the decimal mark (it must occur once) and the other
 *   groups thousands.
 * - One kind of separator occurring more than once groups thousands, in either style.
 * - A single separator groups thousands only when the style says so ("." in vi, "," in en), exactly
 *   3 digits follow it, and the digits before it could lead a group (1–3 digits, not starting with 0).
 *   Otherwise it is the decimal mark: "85.5" is 85.5 in vi; "0,850" is 0.85 in en; "1234.567" is
 *   1234.567 in vi.
 * - Thousands groups must be well formed ("12.34,5" is not a number).
 * - A leading "+", "-" or "−", and surrounding spaces (no-break spaces too) are allowed. No "%", no
 *   exponent, no spaces inside.
 * Returns null for anything else. "-0" reads as 0.
 */
export function parseNumberText(text: string, style: NumberStyle): number | null {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return null;

  let negative = false;
  const first = text.charCodeAt(start);
  if (first === PLUS || first === HYPHEN_MINUS || first === MINUS_SIGN) {
    negative = first !== PLUS;
    start++;
  }

  let digits = 0;
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_9) digits++;
    else if (c === DOT) {
      dots++;
      lastDot = i;
    } else if (c === COMMA) {
      commas++;
      lastComma = i;
    } else return null;
  }
  if (digits === 0) return null;

  let decimalAt = -1; // index of the decimal mark, -1 when none
  let groupSep = 0; // char code of the thousands separator, 0 when none
  if (dots > 0 && commas > 0) {
    if (lastDot > lastComma) {
      if (dots !== 1) return null;
      decimalAt = lastDot;
      groupSep = COMMA;
    } else {
      if (commas !== 1) return null;
      decimalAt = lastComma;
      groupSep = DOT;
    }
  } else if (dots + commas > 1) {
    groupSep = dots > 0 ? DOT : COMMA;
  } else if (dots + commas === 1) {
    const at = dots > 0 ? lastDot : lastComma;
    const sep = dots > 0 ? DOT : COMMA;
    const styleGroupSep = style === "vi" ? DOT : COMMA;
    if (sep === styleGroupSep && end - at - 1 === 3 && isGroupedInteger(text, start, end, sep)) {
      groupSep = sep;
    } else {
      decimalAt = at;
    }
  }

  const intEnd = decimalAt >= 0 ? decimalAt : end;
  if (decimalAt >= 0 && decimalAt === end - 1) return null; // "85." / "85,": no fraction digits
  if (groupSep !== 0 && !isGroupedInteger(text, start, intEnd, groupSep)) return null;

  let n: number;
  if (groupSep === 0 && (decimalAt < 0 || text.charCodeAt(decimalAt) === DOT)) {
    // Already in JavaScript's own syntax (".5" included).
    n = Number(text.slice(start, end));
  } else {
    let plain = "";
    for (let i = start; i < intEnd; i++) {
      const c = text.charCodeAt(i);
      if (c !== groupSep) plain += text[i];
    }
    if (decimalAt >= 0) plain += "." + text.slice(decimalAt + 1, end);
    n = Number(plain);
  }
  if (!Number.isFinite(n)) return null;
  if (n === 0) return 0;
  return negative ? -n : n;
}

// ---------- Errors ----------

const ERROR_CODES: ReadonlySet<string> = new Set([
  "#N/A",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/** The canonical Excel error code text is (case-insensitive, surrounding spaces ignored), or null. */
function errorCodeOf(s: string): string | null {
  const t = s.trim();
  if (t.charCodeAt(0) !== 35 /* # */) return null;
  const upper = t.toUpperCase();
  return ERROR_CODES.has(upper) ? upper : null;
}

/** True when the text is an Excel error value ("#N/A", "#DIV/0!", "#REF!", …), in any case. */
export function isErrorText(s: string): boolean {
  return errorCodeOf(s) !== null;
}

// ---------- Đạt / Không đạt ----------

/** Folded words (see foldText) that mean true or false. */
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ["dat", true],
  ["x", true],
  ["co", true],
  ["yes", true],
  ["true", true],
  ["v", true],
  ["khong dat", false],
  ["chua dat", false],
  ["khong", false],
  ["no", false],
  ["false", false],
]);
/** Marks that fold to nothing, so they are looked up as typed. */
const BOOLEAN_MARKS: ReadonlyMap<string, boolean> = new Map([
  ["✓", true],
  ["✔", true],
  ["✗", false],
  ["✘", false],
]);
/** Longer texts cannot be one of the words, even spelled in NFD with extra spaces. */
const MAX_BOOLEAN_TEXT = 24;
/**
 * Memo of short trimmed texts → their boolean meaning (null: not a boolean word). A column of
 * "Đạt" / "Không đạt" is folded once, not once per cell. Bounded; results never depend on it.
 */
const booleanMemo = new Map<string, boolean | null>();
const BOOLEAN_MEMO_LIMIT = 4096;

function booleanWord(trimmed: string): boolean | null {
  if (trimmed.length > MAX_BOOLEAN_TEXT) return null;
  const memo = booleanMemo.get(trimmed);
  if (memo !== undefined) return memo;
  const result = BOOLEAN_MARKS.get(trimmed) ?? BOOLEAN_WORDS.get(foldText(trimmed)) ?? null;
  if (booleanMemo.size >= BOOLEAN_MEMO_LIMIT) booleanMemo.clear();
  booleanMemo.set(trimmed, result);
  return result;
}

// ---------- Number formats ----------

/** How a number format shows "%": "scaled" (value × 100, e.g. "0.0%"), "literal" (`0"%"`, `0\%`), or "none". */
type PercentFormat = "none" | "scaled" | "literal";
const formatMemo = new Map<string, PercentFormat>();
const FORMAT_MEMO_LIMIT = 1024;

/** A "%" outside quotes, brackets and escapes multiplies by 100; inside them it is only shown. */
function analysePercentFormat(format: string): PercentFormat {
  let literal = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === "%") return "scaled";
    if (c === "\\") {
      if (format[i + 1] === "%") literal = true;
      i++;
    } else if (c === '"') {
      const close = format.indexOf('"', i + 1);
      const stop = close < 0 ? format.length : close;
      if (format.slice(i + 1, stop).includes("%")) literal = true;
      i = stop;
    } else if (c === "[") {
      const close = format.indexOf("]", i + 1);
      i = close < 0 ? format.length : close;
    }
  }
  return literal ? "literal" : "none";
}

function percentFormat(format: string | null | undefined): PercentFormat {
  if (!format || format.indexOf("%") < 0) return "none";
  let kind = formatMemo.get(format);
  if (kind === undefined) {
    kind = analysePercentFormat(format);
    if (formatMemo.size >= FORMAT_MEMO_LIMIT) formatMemo.clear();
    formatMemo.set(format, kind);
  }
  return kind;
}

// ---------- Cells ----------

const BLANK: ParsedCell = Object.freeze({ kind: "blank" });
const TRUE_CELL: ParsedCell = Object.freeze({ kind: "boolean", value: true });
const FALSE_CELL: ParsedCell = Object.freeze({ kind: "boolean", value: false });

function isDash(s: string): boolean {
  return s.length === 1 && (s === "-" || s === "–" || s === "—");
}

/** True when a trimmed text starts like a number: digit, sign, "." or ",". */
function looksNumeric(c: number): boolean {
  return (
    (c >= DIGIT_0 && c <= DIGIT_9) ||
    c === HYPHEN_MINUS ||
    c === PLUS ||
    c === MINUS_SIGN ||
    c === DOT ||
    c === COMMA
  );
}

function readNumericText(t: string, style: NumberStyle): ParsedCell | null {
  if (t.charCodeAt(t.length - 1) === 37 /* % */) {
    const value = parseNumberText(t.slice(0, -1), style);
    return value === null ? null : { kind: "number", value, percent: true };
  }
  const value = parseNumberText(t, style);
  return value === null ? null : { kind: "number", value, percent: false };
}

/**
 * Reads one cell tolerantly.
 * - null, "", spaces, "-", "–", "—" → blank.
 * - `{ error }` and error texts ("#N/A", "#DIV/0!", …) → error (texts give the upper-case code).
 * - JS booleans; the words Đạt / x / Có / yes / true / ✓ / v and Không đạt / Chưa đạt / Không / no /
 *   false / ✗ (any case, with or without diacritics) → boolean.
 * - Numbers → number; `percent` when the number format shows "%". A format that scales ("0%") sets
 *   `fromFormat` (the value is the fraction 0.85); a literal "%" (`0"%"`) shows the value as it is.
 * - "85%", "85 %", "85,5%" → number 85 / 85 / 85.5 with `percent`; other numeric text → number
 *   (see parseNumberText for the styles).
 * - Anything else → text, trimmed. Non-finite numbers (never produced by Excel) → error "#NUM!".
 */
export function readCell(
  raw: CellValue,
  numberFormat: string | null | undefined,
  style: NumberStyle,
): ParsedCell {
  if (raw === null) return BLANK;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { kind: "error", code: "#NUM!" };
    const format = percentFormat(numberFormat);
    if (format === "none") return { kind: "number", value: raw, percent: false };
    return format === "scaled"
      ? { kind: "number", value: raw, percent: true, fromFormat: true }
      : { kind: "number", value: raw, percent: true };
  }
  if (typeof raw === "string") {
    const t = raw.trim();
    if (t.length === 0 || isDash(t)) return BLANK;
    const c = t.charCodeAt(0);
    if (c === 35 /* # */) {
      const code = errorCodeOf(t);
      if (code !== null) return { kind: "error", code };
    } else if (looksNumeric(c)) {
      const number = readNumericText(t, style);
      if (number !== null) return number;
    }
    const b = booleanWord(t);
    if (b !== null) return b ? TRUE_CELL : FALSE_CELL;
    return { kind: "text", text: t };
  }
  if (typeof raw === "boolean") return raw ? TRUE_CELL : FALSE_CELL;
  if (typeof raw === "object" && raw !== null && typeof raw.error === "string") {
    return { kind: "error", code: raw.error };
  }
  return { kind: "text", text: String(raw) };
}

// ---------- Meaning for an indicator ----------

/** Largest magnitude for which rounding to 10 decimals is exact arithmetic on doubles. */
const ROUNDABLE = Number.MAX_SAFE_INTEGER / 1e10;

/** x × 100, rounded to 10 decimals so that 0.1 × 100 is 10, not 10.000000000000002. */
function times100(x: number): number {
  const y = x * 100;
  if (Math.abs(y) >= ROUNDABLE) return y;
  const r = Math.round(y * 1e10) / 1e10;
  return r === 0 ? 0 : r;
}

/** How a parsed cell reads back in a message about an invalid value. */
function rawText(cell: ParsedCell): string {
  switch (cell.kind) {
    case "blank":
      return "";
    case "number":
      if (!cell.percent) return String(cell.value);
      return (cell.fromFormat ? times100(cell.value) : cell.value) + "%";
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "error":
      return cell.code;
    case "text":
      return cell.text;
  }
}

function withRef<T extends InputValue>(value: T, ref: CellRef | undefined): T {
  if (ref !== undefined) value.ref = ref;
  return value;
}

/**
 * Gives a parsed cell its meaning for an indicator of `kind`.
 * - blank → missing; error → invalid with the error code as `raw`.
 * - boolean: booleans; plain numbers 1 / 0 → true / false; anything else (percentages included) invalid.
 * - number: numbers as stored (a "85%" text counts as 0.85, as Excel would store it); others invalid.
 * - percent: in percentage points. "85%" text → 85; a percent-formatted cell storing 0.85 → 85;
 *   a plain number → × 100 when `percentMode` is "fraction", else as is. Booleans and text invalid.
 * Invalid values carry the cell as it reads (`raw`), for the message.
 */
export function toIndicatorValue(
  cell: ParsedCell,
  kind: ValueKind,
  percentMode: PercentMode,
  ref?: CellRef,
): InputValue {
  if (cell.kind === "blank") return withRef({ kind: "missing" }, ref);
  if (cell.kind === "error") return withRef({ kind: "invalid", raw: cell.code }, ref);
  switch (kind) {
    case "boolean":
      if (cell.kind === "boolean") return withRef({ kind: "value", value: cell.value }, ref);
      if (cell.kind === "number" && !cell.percent && (cell.value === 1 || cell.value === 0)) {
        return withRef({ kind: "value", value: cell.value === 1 }, ref);
      }
      break;
    case "number":
      if (cell.kind === "number") {
        const value = cell.percent && !cell.fromFormat ? cell.value / 100 : cell.value;
        return withRef({ kind: "value", value }, ref);
      }
      break;
    case "percent":
      if (cell.kind === "number") {
        let value: number;
        if (cell.percent) value = cell.fromFormat ? times100(cell.value) : cell.value;
        else value = percentMode === "fraction" ? times100(cell.value) : cell.value;
        return withRef({ kind: "value", value }, ref);
      }
      break;
  }
  return withRef({ kind: "invalid", raw: rawText(cell) }, ref);
}

/**
 * Guesses how a percent column was typed: "fraction" (0.85 meaning 85%) when every plain numeric cell
 * (not "85%" text, not percent-formatted) lies in [0, 1] and at least one lies strictly between 0 and 1;
 * otherwise "points" (85 meaning 85%), including when there are no plain numbers at all.
 */
export function detectPercentMode(cells: readonly ParsedCell[]): PercentMode {
  let between = false;
  for (const cell of cells) {
    if (cell.kind !== "number" || cell.percent) continue;
    const v = cell.value;
    if (v < 0 || v > 1) return "points";
    if (v > 0 && v < 1) between = true;
  }
  return between ? "fraction" : "points";
}
