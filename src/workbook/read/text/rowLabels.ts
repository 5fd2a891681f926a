/**
 * Labels that structure the body of a biểu: section rows ("II. HUYỆN HƯƠNG KHÊ"), total and subtotal
 * rows ("Tổng cộng", "Cộng huyện Can Lộc"), connector headers ("Trong đó"), the numbering row under
 * the header ("(1) (2) (3)", "3=4+9+10"), unit cells ("%", "Tr.đ") and the footer ("Người lập biểu").
 * Pure; every pattern is compiled once, here.
 */
import { foldText } from "../../../domain/text";
import type { CellValue } from "../../port";
import { collapseSpaces, shadowOf } from "./shadow";

export interface SectionLabel {
  /** "II", "A", without its "." or ")". */
  marker: string;
  name?: string;
}

export interface TotalLabel {
  kind: "total" | "subtotal";
  /** What a subtotal covers, as typed: "huyện Can Lộc", "I", "xã". */
  scope?: string;
}

export interface NumberingToken {
  /** As typed, spaces removed: "(1)", "A", "3=4+9+10". */
  text: string;
  /** The column's number: the first term's ("3" of "3=4+9+10"). */
  number?: number;
  /** The column's letter, upper-case: "A" of "(a)". */
  letter?: string;
}

function clean(text: string): string {
  return collapseSpaces(text.normalize("NFC"));
}

// ---------- Sections ----------

/** I–XXXIX, upper-case only ("i." is a list item, not a section). */
const ROMAN = "(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})";
/** Vietnamese lists letter A, B, C, D, Đ, E… */
const LETTER = "[A-ZĐ]";
const MARKER_ONLY = new RegExp(`^(?:(${ROMAN})|(${LETTER}))\\s*[.)]?$`, "u");
const MARKER_AND_NAME = new RegExp(
  `^(?:(${ROMAN})|(${LETTER}))(\\s*[.):]\\s*|\\s+[-–—]\\s*|[-–—]\\s*|\\s+)(\\S.*)$`,
  "u",
);
/** Letters that also abbreviate a unit's kind: "X. Cẩm Bình" is xã Cẩm Bình, "P. Bắc Hà" a phường. */
const ABBREVIATING: ReadonlySet<string> = new Set(["X", "P", "H", "T", "Q"]);
const LEVEL_START =
  /^(?:huyen|thi xa|thanh pho|tp|quan|tinh|xa|phuong|thi tran|nhom|khu vuc|vung|cum)(?![a-z])/;
const HAS_LOWER = /\p{Ll}/u;

function namesGroup(name: string): boolean {
  return !HAS_LOWER.test(name) || LEVEL_START.test(shadowOf(name));
}

/**
 * A section row's label: a Roman numeral I–XXXIX or a capital letter (Đ included) in `first`, with
 * its name in `second` ("I" | "Huyện Can Lộc") or after it in the same cell ("II. HUYỆN HƯƠNG KHÊ",
 * "I - Huyện Can Lộc", "A) XÃ ĐẠT CHUẨN"); a marker alone ("I", "B.") is a section without a name.
 * Not sections: Arabic numbers (row numbers), lower-case markers, words ("Xã"), "A Lưới" (a letter
 * needs ".", ")" or a dash before its name; a Roman numeral may take a space), and "X. Cẩm Bình" /
 * "P. Bắc Hà" (X, P, H, T, Q with "." abbreviate xã, phường…: a section only when its name is in
 * capitals or starts with a level word such as "Huyện").
 */
export function sectionLabel(first: string, second?: string): SectionLabel | null {
  const t = clean(first);
  const only = MARKER_ONLY.exec(t);
  if (only !== null) {
    const marker = only[1] ?? only[2];
    const name = second === undefined ? "" : clean(second);
    return name === "" ? { marker } : { marker, name };
  }
  const m = MARKER_AND_NAME.exec(t);
  if (m === null) return null;
  const marker = m[1] ?? m[2];
  const sep = m[3].trim();
  const name = m[4];
  if (sep === "" && m[1] === undefined) return null;
  if ((sep === "" || sep === ".") && ABBREVIATING.has(marker) && !namesGroup(name)) return null;
  return { marker, name };
}

// ---------- Totals ----------

const TOTAL_HEAD = /^(tong\s+cong|tong\s+so|tong|cong|grand\s+total|total|sub[\s-]?total)(?![a-z0-9])/;
/** Folded texts that name the whole table's scope: "Toàn tỉnh", "Cả huyện". */
const WHOLE_SCOPE: ReadonlySet<string> = new Set([
  "toan tinh",
  "ca tinh",
  "toan huyen",
  "ca huyen",
  "toan thanh pho",
  "ca thanh pho",
  "toan thi xa",
  "ca thi xa",
  "toan xa",
  "ca xa",
  "toan quoc",
  "ca nuoc",
  "chung",
]);
const REST_EDGES = /^[\s:.\-–—]+|[\s:\-–—]+$/g;
const BRACKETS = /^[([]\s*|\s*[)\]]$/g;
const MARKER_SCOPE = new RegExp(`^[([]?\\s*(${ROMAN}|${LETTER}|\\d{1,2})\\s*[)\\]]?\\.?$`, "u");
const SUM_OF_PARTS = /\+/;

/**
 * A total or subtotal row's label.
 * - total: "Tổng cộng", "Tổng số", "Tổng", "Cộng", "Total", "Grand total", "Toàn tỉnh", "Cả tỉnh",
 *   "Toàn huyện", "Tổng toàn tỉnh", "Tổng cộng (I+II+III)".
 * - subtotal: "Cộng"/"Tổng"/"Tổng cộng" with a marker ("Cộng (I)", "Cộng I") or a level word
 *   ("Cộng huyện Can Lộc", "Tổng huyện Hương Khê", "Cộng xã"), the scope as typed; "Subtotal".
 * - null: "Cộng đồng dân cư", "Tổng hợp", "Tổng kết", "Tổng số hộ" (a word that is no scope).
 */
export function totalLabel(text: string): TotalLabel | null {
  const t = clean(text);
  const shadow = shadowOf(t);
  if (WHOLE_SCOPE.has(foldText(t))) return { kind: "total" };
  const head = TOTAL_HEAD.exec(shadow);
  if (head === null) return null;
  const word = head[1].replace(SPACES, " ");
  const subtotalWord = word.startsWith("sub");
  const rest = t.slice(head[0].length).replace(REST_EDGES, "");
  if (rest === "") return { kind: subtotalWord ? "subtotal" : "total" };
  if (WHOLE_SCOPE.has(foldText(rest)) || SUM_OF_PARTS.test(rest)) return { kind: "total" };
  const marker = MARKER_SCOPE.exec(rest);
  if (marker !== null && word !== "tong so") return { kind: "subtotal", scope: marker[1] };
  const scope = collapseSpaces(rest.replace(BRACKETS, ""));
  if (subtotalWord) return { kind: "subtotal", scope };
  if ((word === "cong" || word === "tong" || word === "tong cong") && LEVEL_START.test(shadowOf(scope))) {
    return { kind: "subtotal", scope };
  }
  return null;
}

// ---------- Connectors ----------

const CONNECTORS: ReadonlySet<string> = new Set([
  "trong do",
  "trong do gom",
  "trong do co",
  "chia ra",
  "bao gom",
  "gom",
  "of which",
  "in which",
  "including",
]);

/** A header cell that only joins a group to its parts: "Trong đó", "Chia ra", "Bao gồm", "Of which". */
export function isConnectorHeader(text: string): boolean {
  return CONNECTORS.has(foldText(text));
}

// ---------- Numbering row ----------

const TERM = String.raw`(?:\(\s*(?:\d{1,3}|[A-Za-zĐđ])\s*\)|\d{1,3}|[A-Za-zĐđ])`;
const NUMBERING = new RegExp(`^${TERM}(?:\\s*[=+\\-−*/x×:]\\s*${TERM})*$`, "u");
const FIRST_TERM = /^\(?\s*(?:(\d{1,3})|([A-Za-zĐđ]))/u;
const SPACES = /\s+/g;
const LETTER_ORDER = "ABCDĐEFGHIJKLMNOPQRSTUVWXYZ";
/** A numbering row starts at its first columns, numbers them closely, and most of its cells are tokens. */
const MIN_NUMBERING_CELLS = 3;
const MIN_TOKEN_SHARE = 0.8;
const MAX_FIRST_NUMBER = 5;
const MAX_NUMBER_STEP = 5;

/**
 * One cell of a numbering row: "1", "(1)", "A", "(B)", "3=4+9+10", "(4)=(5)+(6)", "(8)=(6)/(7)x100";
 * null for anything else ("Xã A", "85,5", "").
 */
export function numberingToken(text: string): NumberingToken | null {
  const t = clean(text);
  if (!NUMBERING.test(t)) return null;
  const first = FIRST_TERM.exec(t) as RegExpExecArray;
  const token: NumberingToken = { text: t.replace(SPACES, "") };
  if (first[1] !== undefined) token.number = Number(first[1]);
  else token.letter = first[2].toUpperCase();
  return token;
}

function tokenOfCell(cell: CellValue): NumberingToken | null {
  if (typeof cell === "number") {
    return Number.isInteger(cell) && cell >= 0 && cell <= 999 ? { text: String(cell), number: cell } : null;
  }
  return typeof cell === "string" ? numberingToken(cell) : null;
}

function isBlankCell(cell: CellValue): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/**
 * True for the row under a header that numbers its columns: "(1) (2) (3)…", "A B C 1 2 3",
 * "(A) (B) (1)", "1 2 3=4+5 4 5". At least 3 non-empty cells, at least 80% of them tokens; the
 * numbers strictly increasing left to right, the first at most 5, each step at most 5; the letters
 * strictly increasing too (so a row of marks "x x x" is not one). [1, "Xã A", 85, 90] is not.
 */
export function isNumberingRow(cells: readonly CellValue[]): boolean {
  let filled = 0;
  let tokens = 0;
  let lastNumber = -1;
  let lastLetter = -1;
  for (const cell of cells) {
    if (isBlankCell(cell)) continue;
    filled++;
    const token = tokenOfCell(cell);
    if (token === null) continue;
    tokens++;
    if (token.number !== undefined) {
      const n = token.number;
      if (lastNumber < 0 ? n > MAX_FIRST_NUMBER : n <= lastNumber || n - lastNumber > MAX_NUMBER_STEP) {
        return false;
      }
      lastNumber = n;
    } else if (token.letter !== undefined) {
      const l = LETTER_ORDER.indexOf(token.letter);
      if (l <= lastLetter) return false;
      lastLetter = l;
    }
  }
  return filled >= MIN_NUMBERING_CELLS && tokens >= MIN_TOKEN_SHARE * filled;
}

// ---------- Unit cells ----------

const OUTER_BRACKETS = /^[([]\s*(.*?)\s*[)\]]$/u;
const UNIT_PREFIX = /^(?:dvt|don\s+vi\s+tinh|don\s+vi)\s*[:.]\s*/;
const UNIT_HEADERS: ReadonlySet<string> = new Set(["dvt", "don vi tinh"]);
const COMPACT = /[\s.]/g;
/** Units written in ASCII, matched as typed (lower-cased), so "Hà" is not "ha". */
const ASCII_UNITS: ReadonlySet<string> = new Set([
  "%",
  "km",
  "km2",
  "km²",
  "ha",
  "m",
  "m2",
  "m²",
  "m3",
  "m³",
  "kg",
  "kwh",
  "l",
]);
/** Units that are Vietnamese words, matched folded and without spaces or dots. */
const WORD_UNITS: ReadonlySet<string> = new Set([
  "trd",
  "tr",
  "trdong",
  "trieudong",
  "trieu",
  "tydong",
  "ty",
  "nghindong",
  "ngandong",
  "dong",
  "vnd",
  "nguoi",
  "ho",
  "xa",
  "huyen",
  "thon",
  "tieuchi",
  "chitieu",
  "tc",
  "cai",
  "lan",
  "congtrinh",
  "duan",
  "mohinh",
  "sanpham",
  "htx",
  "coso",
  "truong",
  "diem",
  "nam",
  "thang",
  "ngay",
  "khau",
  "nhankhau",
  "laodong",
  "luot",
  "con",
  "cay",
  "tan",
  "giuong",
  "bacsi",
  "tram",
  "cho",
  "lit",
  "phong",
  "lop",
  "hocsinh",
]);
const COUNTED_DONG = /^\d+dong$/;

function isUnitPart(part: string): boolean {
  const ascii = part.toLowerCase().replace(COMPACT, "");
  if (ASCII_UNITS.has(ascii)) return true;
  const folded = foldText(part).replace(COMPACT, "");
  return folded !== "" && (WORD_UNITS.has(folded) || COUNTED_DONG.test(folded));
}

/**
 * The unit a header cell holds when it holds nothing else: "%", "(%)", "km", "m²", "Tr.đ", "Tỷ
 * đồng", "Trđ/người/năm", "hộ", "Xã", "Tiêu chí", "(ĐVT: %)" → "%"; "ĐVT" itself. Returned as typed,
 * brackets and an "ĐVT:" label removed. Null for "Tỷ lệ (%)" (a word besides the unit) or a name.
 */
export function unitLabel(text: string): string | null {
  let t = clean(text);
  for (let m = OUTER_BRACKETS.exec(t); m !== null; m = OUTER_BRACKETS.exec(t)) t = m[1];
  if (UNIT_HEADERS.has(foldText(t))) return t;
  const prefix = UNIT_PREFIX.exec(shadowOf(t));
  if (prefix !== null) t = t.slice(prefix[0].length);
  if (t === "") return null;
  return t.split("/").every(isUnitPart) ? t : null;
}

// ---------- Footer ----------

const DOTS = /\./g;
const FOOTER_START =
  /^(?:nguoi lap bieu|nguoi lap|nguoi tong hop|ghi chu|noi nhan|t ?m|kt|tl|tuq|q chu tich|q giam doc|chu tich|pho chu tich|thu truong|giam doc|pho giam doc|truong phong|lanh dao don vi|ke toan truong|nguoi kiem tra|xac nhan cua|ky ghi ro ho ten|ky ten dong dau|ky ho ten|ky dong dau|ky ten|luu vt|nhu tren)(?: |$)/;
/** "ngày 15 tháng 12 năm 2022", "ngày … tháng … năm 20…", after a place ("Hà Tĩnh, ngày …"). */
const DATE_LINE = /(?:^| )ngay (?:\d{1,2} )?thang (?:\d{1,2} )?nam(?: |$)/;

/**
 * A footer line after the data: who made the form ("Người lập biểu"), notes ("Ghi chú:"), the
 * recipients ("Nơi nhận:"), the signature block ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ
 * TỊCH", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)") and the place-and-date line.
 */
export function isFooterLine(text: string): boolean {
  const key = collapseSpaces(foldText(text).replace(DOTS, " "));
  return FOOTER_START.test(key) || DATE_LINE.test(key);
}
