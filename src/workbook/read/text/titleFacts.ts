/**
 * Facts in the title block of a biểu: the letterhead ("UBND TỈNH HÀ TĨNH"), the title ("… NĂM 2022",
 * "giai đoạn 2021-2025"), the "(Kèm theo …)" line and the unit line ("ĐVT: triệu đồng"). Pure; every
 * pattern is compiled once, here. Patterns run on the shadow (shadow.ts) and slice the text as typed.
 */
import type { CriteriaSetId } from "../../../domain/types";
import { foldText } from "../../../domain/text";
import { blankOut, collapseSpaces, lowerOf, matchesOf, shadowOf } from "./shadow";

export interface Period {
  from: number;
  to: number;
}

/** How strongly a year is the evaluation year: said by the title, or only the date a report bears. */
export type YearStrength = "title" | "date";

export interface MoneyUnit {
  /** As typed: "triệu đồng", "Tr.đ", "1.000 đồng". */
  text: string;
  /** How many triệu đồng one unit is: 1, 1000 (tỷ), 0.001 (nghìn), 0.000001 (đồng). */
  perMillion: number;
}

/** The word before a place name: tỉnh, thành phố (or TP), huyện, thị xã. */
export type PlaceKind = "province" | "city" | "district" | "town";

export interface LineFacts {
  year?: number;
  yearStrength?: YearStrength;
  period?: Period;
  /** Document numbers, normalised: "318/QĐ-TTg", "51/2025/QĐ-TTg", "1027/CTK-CSCL". */
  decisions: string[];
  setHint?: CriteriaSetId;
  moneyUnit?: MoneyUnit;
  /** The unit line's unit as typed, money or not ("Xã" from "ĐVT: Xã"). */
  unitText?: string;
  /** The raw words after TỈNH / THÀNH PHỐ / HUYỆN / THỊ XÃ ("HÀ TĨNH"), for the unit list to resolve. */
  placeText?: string;
  placeKind?: PlaceKind;
}

export type TitleFacts = LineFacts;

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

// ---------- Document numbers ----------

/**
 * "318/QĐ-TTg", "51/2025/QĐ-TTg", "123/BC-UBND", "1027/CTK-CSCL", spaces around "/" and the first
 * "-" allowed. The kind starts with a capital so "45 triệu đồng/người-năm" is never one.
 */
const DOCUMENT =
  /(?<![\p{L}\p{N}/])(\d{1,5})\s*\/\s*(?:(\d{4})\s*\/\s*)?(\p{Lu}\p{L}{0,5})\s*-\s*(\p{L}[\p{L}\p{N}]{0,11}(?:-\p{L}[\p{L}\p{N}]{0,11}){0,3})(?![\p{L}\p{N}])/gu;
/** Kinds typed without their đ. */
const KIND_SPELLING: ReadonlyMap<string, string> = new Map([
  ["qd", "QĐ"],
  ["nd", "NĐ"],
  ["ttr", "TTr"],
]);
const ISSUER_SPELLING: ReadonlyMap<string, string> = new Map([["ttg", "TTg"]]);

interface DocRef {
  text: string;
  number: number;
  /** The year inside the number ("51/2025/QĐ-TTg"). */
  yearPart?: number;
  kind: string;
  issuer: string;
  start: number;
  end: number;
  /** Year of the date that follows it ("… ngày 08/3/2022"). */
  dateYear?: number;
}

function spell(segment: string, table: ReadonlyMap<string, string>): string {
  return table.get(foldText(segment)) ?? segment.toUpperCase();
}

function documentsOf(text: string): DocRef[] {
  return matchesOf(DOCUMENT, text).map((m) => {
    const number = Number(m[1]);
    const kind = spell(m[3], KIND_SPELLING);
    const issuer = m[4]
      .split("-")
      .map((s) => spell(s, ISSUER_SPELLING))
      .join("-");
    const doc: DocRef = {
      text: `${number}/${m[2] !== undefined ? m[2] + "/" : ""}${kind}-${issuer}`,
      number,
      kind,
      issuer,
      start: m.index,
      end: m.index + m[0].length,
    };
    if (m[2] !== undefined) doc.yearPart = Number(m[2]);
    return doc;
  });
}

/** Decisions that name a criteria set, with the year they were signed. */
const SET_DECISIONS: readonly {
  number: number;
  kind: string;
  issuer: string;
  year: number;
  /** The year is part of the number ("51/2025/QĐ-TTg"), not only its date. */
  yearInNumber: boolean;
  set: CriteriaSetId;
}[] = [
  ...[318, 319, 320, 321].map((number) => ({
    number,
    kind: "QĐ",
    issuer: "TTg",
    year: 2022,
    yearInNumber: false,
    set: "2021-2025" as const,
  })),
  { number: 211, kind: "QĐ", issuer: "TTg", year: 2024, yearInNumber: false, set: "2021-2025" },
  { number: 51, kind: "QĐ", issuer: "TTg", year: 2025, yearInNumber: true, set: "2026-2030" },
];

function setOfDocument(doc: DocRef): CriteriaSetId | undefined {
  for (const d of SET_DECISIONS) {
    if (d.number !== doc.number || d.kind !== doc.kind || d.issuer !== doc.issuer) continue;
    if (d.yearInNumber ? doc.yearPart !== d.year : doc.yearPart !== undefined) continue;
    if (doc.dateYear !== undefined && doc.dateYear !== d.year) continue;
    return d.set;
  }
  return undefined;
}

// ---------- Periods, dates, years (on the shadow) ----------

const PERIOD = /(?<!\d)(\d{4})\s*(?:[-–—]|den(?:\s+nam)?)\s*(\d{4})(?!\d)/g;
const SETS: readonly { set: CriteriaSetId; from: number; to: number }[] = [
  { set: "2021-2025", from: 2021, to: 2025 },
  { set: "2026-2030", from: 2026, to: 2030 },
];
/** Longest span read as a period: "2021-2030" is one, "1990-2025" is not. */
const MAX_PERIOD_SPAN = 15;

const WORDED_DATE = /(?<![a-z])ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})(?!\d)/g;
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/g;
const MONTH_DATE = /(?<![a-z])thang\s+(\d{1,2})\s*(?:[/.-]|\s+nam\s+)\s*(\d{4})(?!\d)/g;
/** "tính đến", "đến hết ngày", "tại thời điểm": the date the figures stand at, i.e. the title's. */
const AS_OF_BEFORE = /(?<![a-z])(?:den(?:\s+het)?|thoi\s+diem)\s+(?:ngay\s+)?$/;
/** Between a document number and its date: a few words at most ("của Thủ tướng Chính phủ ngày"). */
const CITATION_GAP = /^[\s,]*(?:[a-z]+\s+){0,8}$/;
const YEAR_WORD = /(?<![a-z])nam\s+(\d{4})(?!\d)/g;
/** Reports: the date they bear is a weak hint of the year they report on. */
const REPORT_KINDS: ReadonlySet<string> = new Set(["BC"]);

interface DateHit {
  year: number;
  start: number;
  end: number;
  /** Only a month and year ("tháng 6 năm 2023"): a period the title names, never a signing date. */
  monthOnly: boolean;
}

function validYear(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

function datesOf(shadow: string): { dates: DateHit[]; rest: string } {
  const dates: DateHit[] = [];
  let rest = shadow;
  const take = (re: RegExp, monthOnly: boolean) => {
    for (const m of matchesOf(re, rest)) {
      const day = monthOnly ? 1 : Number(m[1]);
      const month = Number(m[monthOnly ? 1 : 2]);
      const year = Number(m[monthOnly ? 2 : 3]);
      if (day < 1 || day > 31 || month < 1 || month > 12 || !validYear(year)) continue;
      dates.push({ year, start: m.index, end: m.index + m[0].length, monthOnly });
    }
    for (const d of dates) rest = blankOut(rest, d.start, d.end);
  };
  take(WORDED_DATE, false);
  take(NUMERIC_DATE, false);
  take(MONTH_DATE, true);
  dates.sort((a, b) => a.start - b.start);
  return { dates, rest };
}

/** The document a date belongs to, when it follows one closely. */
function citedBy(date: DateHit, docs: readonly DocRef[], shadow: string): DocRef | undefined {
  let last: DocRef | undefined;
  for (const d of docs) if (d.end <= date.start) last = d;
  if (last === undefined) return undefined;
  return CITATION_GAP.test(shadow.slice(last.end, date.start)) ? last : undefined;
}

// ---------- Unit line ----------

/** "ĐVT", "Đơn vị tính", or "Đơn vị" with a colon. */
const UNIT_LINE = /(?<![a-z0-9])(?:dvt|don\s+vi\s+tinh|don\s+vi(?=\s*:))\s*[:.]?\s*/;
const UNIT_STOP = /[;)\]]|,\s/;
const MONEY_JUNK = /[\s.,]/g;
const MONEY_WORDS: ReadonlyMap<string, number> = new Map([
  ["trieudong", 1],
  ["trieu", 1],
  ["trd", 1],
  ["trdong", 1],
  ["tr", 1],
  ["trieuvnd", 1],
  ["trvnd", 1],
  ["tydong", 1000],
  ["ty", 1000],
  ["tidong", 1000],
  ["tyvnd", 1000],
  ["nghindong", 0.001],
  ["ngandong", 0.001],
  ["nghin", 0.001],
  ["ngan", 0.001],
  ["nghinvnd", 0.001],
  ["dong", 0.000001],
  ["vnd", 0.000001],
]);
/** "1.000 đồng", "1.000.000 đ". */
const COUNTED_DONG = /^(\d+)(?:dong|vnd|d)$/;

/** How many triệu đồng one `unit` is, or undefined when it is no money unit. */
export function moneyPerMillion(unit: string): number | undefined {
  const key = foldText(unit).replace(MONEY_JUNK, "");
  const known = MONEY_WORDS.get(key);
  if (known !== undefined) return known;
  const m = COUNTED_DONG.exec(key);
  if (m === null) return undefined;
  const n = Number(m[1]);
  return n > 0 ? n / 1e6 : undefined;
}

function unitTextOf(text: string, shadow: string): string | undefined {
  const m = UNIT_LINE.exec(shadow);
  if (m === null) return undefined;
  const from = m.index + m[0].length;
  const stop = UNIT_STOP.exec(text.slice(from));
  const unit = collapseSpaces(text.slice(from, stop === null ? text.length : from + stop.index));
  return unit === "" ? undefined : unit;
}

// ---------- Place ----------

const PLACE_WORD = /(?<![\p{L}\p{N}])(tỉnh|thành\s+phố|huyện|thị\s+xã|tp)(?![\p{L}\p{N}])/gu;
const PLACE_KINDS: ReadonlyMap<string, PlaceKind> = new Map([
  ["tinh", "province"],
  ["thanh pho", "city"],
  ["tp", "city"],
  ["huyen", "district"],
  ["thi xa", "town"],
]);
/** One word of a name; the first after an optional "." (TP.), later ones after spaces or " - ". */
const FIRST_NAME_WORD = /\.?\s*(\p{L}+)/uy;
const NEXT_NAME_WORD = /\s*(?:[-–]\s*)?(\p{L}+)/uy;
/** Words (lower-case, with diacritics) that end a place name or show the keyword was not one. */
const NOT_NAME =
  /^(?:nông thôn|đạt chuẩn|nâng cao|kiểu mẫu|miền núi|đồng bằng|giai đoạn|năm|đến|tính|theo|tháng|về|trong|tại|và|ntm|cấp|nghèo|ủy|đoàn|được|có|là|thuộc|các|những|của|trên|đã|với|để|kèm|số)(?!\p{L})/u;
const MAX_NAME_WORDS = 4;
const HAS_LOWER = /\p{Ll}/u;

function isCapitalised(word: string): boolean {
  return word.charAt(0) !== word.charAt(0).toLowerCase();
}

function placeOf(text: string): { text: string; kind: PlaceKind } | undefined {
  const lower = lowerOf(text);
  const allCaps = !HAS_LOWER.test(text);
  for (const m of matchesOf(PLACE_WORD, lower)) {
    const kind = PLACE_KINDS.get(foldText(m[1])) as PlaceKind;
    let pos = m.index + m[0].length;
    let start = -1;
    let end = -1;
    for (let n = 0; n < MAX_NAME_WORDS; n++) {
      const re = n === 0 ? FIRST_NAME_WORD : NEXT_NAME_WORD;
      re.lastIndex = pos;
      const w = re.exec(text);
      if (w === null) break;
      const wordStart = w.index + w[0].length - w[1].length;
      if (NOT_NAME.test(lower.slice(wordStart)) || (!allCaps && !isCapitalised(w[1]))) break;
      if (start < 0) start = wordStart;
      pos = end = w.index + w[0].length;
    }
    if (start >= 0) return { text: collapseSpaces(text.slice(start, end)), kind };
  }
  return undefined;
}

// ---------- Lines ----------

/**
 * The facts one title-block line gives.
 * - Documents ("318/QĐ-TTg", "51/2025/QĐ-TTg") are taken first and hidden, so their numbers and the
 *   date that follows them ("ngày 08/3/2022", a few words later at most) give no year. A report's date
 *   ("Kèm theo Báo cáo số 123/BC-UBND ngày 15/12/2022") gives the year with strength "date".
 * - "2021-2025", "2021 – 2025", "từ năm 2021 đến năm 2025" are a period, not a year.
 * - "năm 2022", "tháng 6 năm 2023", "tính đến 31/12/2022", "đến ngày 30/6/2023" give the year, "title".
 *   A date standing alone ("Hà Tĩnh, ngày 15 tháng 12 năm 2022") gives it with strength "date".
 *   Several title years on a line ("năm 2022 và kế hoạch năm 2023"): the first, the year reported on.
 * - The set from a period within a set's years, else from a decision that names one (318–321 of
 *   2022, 211 of 2024 → 2021-2025; 51/2025/QĐ-TTg → 2026-2030), of the Prime Minister (TTg) only.
 * - A unit line ("ĐVT: …", "Đơn vị tính: …", "Đơn vị: …") up to ";", ")" or ", ".
 * - The place after TỈNH / THÀNH PHỐ / TP / HUYỆN / THỊ XÃ, typed with diacritics ("tính" is not
 *   "tỉnh"): up to 4 words, capitalised unless the line is all capitals, up to a word such as "năm".
 */
export function lineFacts(text: string): LineFacts {
  const nfc = text.normalize("NFC");
  const shadow = shadowOf(nfc);
  const facts: LineFacts = { decisions: [] };

  const docs = documentsOf(nfc);
  let rest = shadow;
  for (const d of docs) rest = blankOut(rest, d.start, d.end);

  for (const m of matchesOf(PERIOD, rest)) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (!validYear(from) || to <= from || to - from > MAX_PERIOD_SPAN) continue;
    facts.period ??= { from, to };
    rest = blankOut(rest, m.index, m.index + m[0].length);
  }

  const { dates, rest: afterDates } = datesOf(rest);
  let titleYear: { year: number; at: number } | undefined;
  let dateYear: number | undefined;
  for (const date of dates) {
    if (AS_OF_BEFORE.test(rest.slice(0, date.start))) {
      titleYear ??= { year: date.year, at: date.start };
      continue;
    }
    const doc = citedBy(date, docs, rest);
    if (doc !== undefined) {
      doc.dateYear ??= date.year;
      if (REPORT_KINDS.has(doc.kind)) dateYear ??= date.year;
    } else if (date.monthOnly) titleYear ??= { year: date.year, at: date.start };
    else dateYear ??= date.year;
  }
  for (const m of matchesOf(YEAR_WORD, afterDates)) {
    const year = Number(m[1]);
    if (!validYear(year)) continue;
    if (titleYear === undefined || m.index < titleYear.at) titleYear = { year, at: m.index };
    break;
  }
  if (titleYear !== undefined) {
    facts.year = titleYear.year;
    facts.yearStrength = "title";
  } else if (dateYear !== undefined) {
    facts.year = dateYear;
    facts.yearStrength = "date";
  }

  for (const d of docs) if (!facts.decisions.includes(d.text)) facts.decisions.push(d.text);
  const period = facts.period;
  const fromPeriod = period && SETS.find((s) => period.from >= s.from && period.to <= s.to)?.set;
  const hint = fromPeriod ?? docs.map(setOfDocument).find((s) => s !== undefined);
  if (hint !== undefined) facts.setHint = hint;

  const unitText = unitTextOf(nfc, shadow);
  if (unitText !== undefined) {
    facts.unitText = unitText;
    const perMillion = moneyPerMillion(unitText);
    if (perMillion !== undefined) facts.moneyUnit = { text: unitText, perMillion };
  }

  const place = placeOf(nfc);
  if (place !== undefined) {
    facts.placeText = place.text;
    facts.placeKind = place.kind;
  }
  return facts;
}

/**
 * The facts of a title block, its lines given most specific first (the sheet's own title before a
 * workbook-wide letterhead). Each fact comes from the first line that gives it, except the year: a
 * title year from any line beats a report's date. Decisions are all lines' in order, without repeats.
 */
export function titleFacts(lines: readonly string[]): TitleFacts {
  const out: TitleFacts = { decisions: [] };
  let dateYear: number | undefined;
  for (const line of lines) {
    const f = lineFacts(line);
    if (f.year !== undefined) {
      if (f.yearStrength === "title" && out.year === undefined) {
        out.year = f.year;
        out.yearStrength = "title";
      } else if (f.yearStrength === "date") dateYear ??= f.year;
    }
    if (f.period !== undefined) out.period ??= f.period;
    for (const d of f.decisions) if (!out.decisions.includes(d)) out.decisions.push(d);
    if (f.setHint !== undefined) out.setHint ??= f.setHint;
    if (f.moneyUnit !== undefined) out.moneyUnit ??= f.moneyUnit;
    if (f.unitText !== undefined) out.unitText ??= f.unitText;
    if (f.placeText !== undefined && out.placeText === undefined) {
      out.placeText = f.placeText;
      if (f.placeKind !== undefined) out.placeKind = f.placeKind;
    }
  }
  if (out.year === undefined && dateYear !== undefined) {
    out.year = dateYear;
    out.yearStrength = "date";
  }
  return out;
}
