/**
 * Reads a threshold as planners copy it from a province's decision into a criteria sheet: "≥ 80%",
 * "từ 80% trở lên", "tối thiểu 80%", "dưới 5%", "≥ 45 triệu đồng/người/năm", "Đạt", "Không còn".
 * Pure; every pattern is compiled once, here.
 */
import type { Comparator } from "../../../domain/types";
import { parseNumberText, type NumberStyle } from "../../../domain/parse";
import { COMPARATOR_LABELS, PASS_LABELS, normKey, parseLabel } from "../../layout";
import { collapseSpaces, shadowOf } from "./shadow";

export interface ThresholdText {
  /** Absent when the text gives only a value ("100%", "0,85"): the caller takes the catalog's. */
  comparator?: Comparator;
  value: number | boolean;
  /** A "%" followed the number. */
  percent: boolean;
  /** What follows the number, as typed ("km", "triệu đồng/người/năm", "số hộ"). */
  unit?: string;
  /**
   * The text said "trên", "dưới", ">" or "<": there is no strict comparator, so "dưới 5%" reads as
   * "<=" 5 and says so here, for the caller to warn or adjust.
   */
  strict?: boolean;
  /** "Không còn", "không có": nothing may remain, read as "<=" 0. */
  absence?: boolean;
}

type NumericComparator = ">=" | "<=" | "=";

interface Lead {
  comparator?: NumericComparator;
  strict?: boolean;
  /** "từ" alone means ≥, but "từ … trở xuống" means ≤: a tail comparator overrides it. */
  weak?: boolean;
}

const GTE: Lead = { comparator: ">=" };
const LTE: Lead = { comparator: "<=" };
const EQ: Lead = { comparator: "=" };
const GT: Lead = { comparator: ">=", strict: true };
const LT: Lead = { comparator: "<=", strict: true };

/**
 * Words before the number, as `normKey` spells them (signs become gte/lte/eq/gt/lt). Negated strict
 * words ("không thấp hơn") are the non-strict opposite. `COMPARATOR_LABELS` is asked after these.
 */
const LEADS: ReadonlyMap<string, Lead> = new Map<string, Lead>([
  ["gte", GTE],
  ["toi thieu", GTE],
  ["it nhat", GTE],
  ["khong thap hon", GTE],
  ["khong nho hon", GTE],
  ["khong duoi", GTE],
  ["khong it hon", GTE],
  ["lon hon hoac bang", GTE],
  ["cao hon hoac bang", GTE],
  ["bang hoac lon hon", GTE],
  ["bang hoac cao hon", GTE],
  ["tren hoac bang", GTE],
  ["min", GTE],
  ["tu", { comparator: ">=", weak: true }],
  ["lte", LTE],
  ["toi da", LTE],
  ["khong qua", LTE],
  ["khong vuot qua", LTE],
  ["khong vuot", LTE],
  ["khong lon hon", LTE],
  ["khong cao hon", LTE],
  ["khong tren", LTE],
  ["khong nhieu hon", LTE],
  ["nho hon hoac bang", LTE],
  ["thap hon hoac bang", LTE],
  ["duoi hoac bang", LTE],
  ["bang hoac nho hon", LTE],
  ["bang hoac thap hon", LTE],
  ["max", LTE],
  ["eq", EQ],
  ["bang", EQ],
  ["gt", GT],
  ["tren", GT],
  ["lon hon", GT],
  ["cao hon", GT],
  ["hon", GT],
  ["nhieu hon", GT],
  ["more than", GT],
  ["greater than", GT],
  ["over", GT],
  ["above", GT],
  ["lt", LT],
  ["duoi", LT],
  ["nho hon", LT],
  ["thap hon", LT],
  ["it hon", LT],
  ["less than", LT],
  ["under", LT],
  ["below", LT],
]);

/** Words that may stand before the comparator without changing it: "đạt từ 80%", "Đạt (≥ 90%)". */
const LEAD_FILLER = /^(?:(?:dat chuan|phai dat|dat|muc|ty le)(?: |$))+/;
/** Signs `normKey` does not spell. */
const EXTRA_GTE = /[⩾≧]/g;
const EXTRA_LTE = /[⩽≦]/g;

/** The first number: not inside a word or another number; a sign only when it leads. */
const NUMBER = /(?<![\p{L}\p{N}.,\-−])[-−]?\d+(?:[.,]\d+)*/u;
const ANY_DIGIT = /\d/;
/** A digit that is not part of a unit word ("m2" is a unit, "/19" is a second number). */
const LOOSE_DIGIT = /(?<!\p{L})\d/u;
const PERCENT_HEAD = /^\s*%/;
/** "… trở lên" / "… trở xuống" at the end, in the shadow (see shadow.ts). */
const TAIL_COMPARATOR = /(?:^|\s)tro\s+(len|xuong)[\s.)\]]*$/;
const UNIT_EDGES = /^[\s()[\]:;,.]+|[\s()[\]:;,.]+$/g;
/** More words than this after the number is a sentence, not a unit. */
const MAX_UNIT_WORDS = 6;

/** A bracketed remark at the end: "Đạt (theo hướng dẫn của Bộ)". */
const TRAILING_REMARK = /\s*\([^()]*\)\s*$/;
/** Marks that fold to nothing, so they are looked up as typed. */
const PASS_MARKS: ReadonlySet<string> = new Set(["✓", "✔", "☑", "✅"]);
/** Pass words beyond `PASS_LABELS`, as `normKey` spells them. */
const PASS_WORDS: ReadonlySet<string> = new Set(["dat yeu cau", "hoan thanh", "dat tieu chi", "pass", "met"]);
const ABSENCE_WORDS: ReadonlySet<string> = new Set(["khong con", "khong co", "none"]);

/**
 * Reads a threshold cell, or null when it holds no threshold ("Theo quy định", "Xem ghi chú", "").
 * - A number, optionally "%" and a unit, with comparator words before it ("≥", "=>", "tối thiểu",
 *   "không quá", "dưới", "đạt từ", …) or after it ("trở lên", "trở xuống"). The number is read in
 *   `style` ("0,85", "1.234,5" in vi). Exactly one number: "17/19" or "từ 50% đến 80%" is null.
 * - "trên"/"dưới"/">"/"<" give ">="/"<=" with `strict: true`.
 * - With a pass word and a number ("Đạt (≥ 90%)") the number wins.
 * - "Đạt", "Đạt chuẩn", "Có", "x", "✓" (a bracketed remark after them allowed) → pass, value true.
 * - "Không còn", "Không có" → "<=" 0 with `absence: true`.
 * Case, diacritics (NFC or NFD) and extra spaces never change the result (the unit keeps its case).
 */
export function parseThresholdText(text: string, style: NumberStyle): ThresholdText | null {
  const t = collapseSpaces(text.normalize("NFC"));
  if (t === "") return null;
  return numericThreshold(t, style) ?? wordThreshold(t);
}

function numericThreshold(t: string, style: NumberStyle): ThresholdText | null {
  const m = NUMBER.exec(t);
  if (m === null) return null;
  const head = t.slice(0, m.index);
  if (ANY_DIGIT.test(head)) return null;
  const value = parseNumberText(m[0], style);
  if (value === null) return null;
  let rest = t.slice(m.index + m[0].length);
  const percentMatch = PERCENT_HEAD.exec(rest);
  if (percentMatch !== null) rest = rest.slice(percentMatch[0].length);
  if (LOOSE_DIGIT.test(rest)) return null;

  const lead = leadOf(head);
  if (lead === null) return null;
  const tail = tailOf(rest);
  if (tail === null) return null;

  let comparator: NumericComparator | undefined = lead.comparator;
  let strict = lead.strict === true;
  if (tail.comparator !== undefined) {
    if (comparator !== undefined && !lead.weak && comparator !== tail.comparator) return null;
    if (comparator !== tail.comparator) strict = false;
    comparator = tail.comparator;
  }
  const out: ThresholdText = { value, percent: percentMatch !== null };
  if (comparator !== undefined) out.comparator = comparator;
  if (tail.unit !== undefined) out.unit = tail.unit;
  if (strict) out.strict = true;
  return out;
}

/** The comparator the words before the number give; `{}` for none, null when they are prose. */
function leadOf(head: string): Lead | null {
  const key = normKey(head.replace(EXTRA_GTE, "≥").replace(EXTRA_LTE, "≤")).replace(LEAD_FILLER, "");
  if (key === "") return {};
  const known = LEADS.get(key);
  if (known !== undefined) return known;
  const label = parseLabel(COMPARATOR_LABELS, key);
  return label === undefined || label === "pass" ? null : { comparator: label };
}

/** The comparator and unit after the number; null when what follows is a sentence. */
function tailOf(rest: string): { comparator?: ">=" | "<="; unit?: string } | null {
  const m = TAIL_COMPARATOR.exec(shadowOf(rest));
  const unitText = collapseSpaces((m === null ? rest : rest.slice(0, m.index)).replace(UNIT_EDGES, ""));
  if (unitText.split(" ").length > MAX_UNIT_WORDS) return null;
  const out: { comparator?: ">=" | "<="; unit?: string } = {};
  if (m !== null) out.comparator = m[1] === "len" ? ">=" : "<=";
  if (unitText !== "") out.unit = unitText;
  return out;
}

function wordThreshold(t: string): ThresholdText | null {
  const core = t.replace(TRAILING_REMARK, "");
  if (core === "") return null;
  if (PASS_MARKS.has(core)) return { comparator: "pass", value: true, percent: false };
  const key = normKey(core);
  if (ABSENCE_WORDS.has(key)) return { comparator: "<=", value: 0, percent: false, absence: true };
  if (
    PASS_WORDS.has(key) ||
    parseLabel(PASS_LABELS, key) === true ||
    parseLabel(COMPARATOR_LABELS, key) === "pass"
  ) {
    return { comparator: "pass", value: true, percent: false };
  }
  return null;
}
