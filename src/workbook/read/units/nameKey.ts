/**
 * Keys for administrative-unit names as planners type them ("Xã Trung Lộc", "TT Nghèn", "P.Bắc Hà",
 * "II. HUYỆN HƯƠNG KHÊ", "- xã Trung Lộc (*)"): the type word in front is taken off and named, the
 * rest is folded (foldText) so that case, diacritics, NFC/NFD and spacing do not matter.
 * Pure; every regular expression is compiled once, here.
 */
import { foldText } from "../../../domain/text";

/** The unit types of the GSO lists, as the lists spell them. */
export type UnitType = "Xã" | "Phường" | "Thị trấn" | "Huyện" | "Quận" | "Thị xã" | "Thành phố" | "Tỉnh";

/** One way of reading a typed name: its key, the type word taken off it, and its accented form. */
export interface NameReading {
  /** Folded name without the type word: "trung loc". */
  key: string;
  type?: UnitType;
  /**
   * The same words, NFC lower-case with their diacritics: tells apart names that fold alike
   * ("Sa Pa" and "Sa Pả" in one district).
   */
  accented: string;
}

/**
 * Each word of a full type word is taken with its diacritics or with none at all, never with other
 * ones: "phương" (Phương Liên), "tịnh" (Tịnh Khê), "quản" (Quản Bạ), "xà" (Xà Phìn) begin names.
 */
const FULL_FORMS: readonly [UnitType, string][] = [
  ["Thị trấn", "(?:thị|thi) (?:trấn|tran)"],
  ["Thị xã", "(?:thị|thi) (?:xã|xa)"],
  ["Thành phố", "(?:thành|thanh) (?:phố|pho)"],
  ["Phường", "(?:phường|phuong)"],
  ["Huyện", "(?:huyện|huyen)"],
  ["Quận", "(?:quận|quan)"],
  ["Tỉnh", "(?:tỉnh|tinh)"],
  ["Xã", "(?:xã|xa)"],
];

/**
 * Abbreviations, without their dot: a two-letter one may go without it ("TT Nghèn"), a lone letter
 * needs it ("P. Bắc Hà"; "H Bông", "P Rao" are names).
 */
const SHORT_FORMS: readonly [UnitType, readonly string[]][] = [
  ["Thị trấn", ["tt", "t\\.\\s?t"]],
  ["Thị xã", ["tx", "t\\.\\s?x"]],
  ["Thành phố", ["tp", "t\\.\\s?p"]],
  ["Phường", ["p"]],
  ["Huyện", ["h"]],
  ["Quận", ["q"]],
  ["Tỉnh", ["t"]],
  ["Xã", ["x"]],
];

/** After a type word: not a letter or digit, so "quang", "tinhh", "tta" are not read as types. */
const WORD_END = "(?![\\p{L}\\p{N}])";

/** One capturing group per form, in this order (the longer forms first: "t.t" before "t."). */
const TYPE_FORMS: readonly [UnitType, string][] = [
  ...FULL_FORMS.map(([type, re]): [UnitType, string] => [type, re + WORD_END]),
  ...SHORT_FORMS.flatMap(([type, forms]) =>
    forms.map((f): [UnitType, string] => [type, f.length === 1 ? `${f}\\.` : `${f}(?:\\.|${WORD_END})`]),
  ),
];
const TYPE_PREFIX = new RegExp(`^(?:${TYPE_FORMS.map(([, re]) => `(${re})`).join("|")})[\\s.:,-]*`, "u");

/** "tt.nghèn" → "Thị trấn" and the rest, or undefined when the text does not begin with a type word. */
function takeType(text: string): { type: UnitType; rest: string } | undefined {
  const m = TYPE_PREFIX.exec(text);
  if (!m) return undefined;
  const group = m.findIndex((g, i) => i > 0 && g !== undefined);
  return { type: TYPE_FORMS[group - 1][0], rest: text.slice(m[0].length) };
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const SPACES = /\s+/g;
/** Bullets and numbering: "-", "•", "1.", "1.2)", "(3)". */
const NUMBERING = /^(?:[-–—•·*+>]+|\(\d+\)|\d+(?:\.\d+)*\s*[.):/-])\s*/u;
/** Bullets that are always numbering: "a)", "iv)", "II.", "I.", "V.". */
const BULLET = /^(?:[a-z]\)|[ivxlc]+\)|[ivxlc]{2,}\.|[iv]\.)\s*/u;
/** Any other letter and dot ("B.", "X.", "P."): numbering only before a full type word. */
const LETTER_DOT = /^[a-z]\.\s*/u;
/** Footnote marks after the name: "(*)", "(**)", "*". */
const FOOTNOTE = /\s*(?:\(\s*\*+\s*\)|\*+)$/u;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** NFC, lower case, one space between words, invisible characters out. */
function tidy(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(INVISIBLE, "").replace(SPACES, " ").trim();
}

/** Whether the text begins with a type word written in full ("huyện", "thi xa"). */
const FULL_TYPE = new RegExp(`^(?:${FULL_FORMS.map(([, re]) => re).join("|")})${WORD_END}`, "u");

/**
 * Takes off leading numbering and trailing footnote marks. A lone letter with a dot goes only when a
 * full type word follows it: "X. Huyện …" is section X, "X. Trung Lộc" a xã, "N.T Phong Hải" a name.
 */
function stripNoise(text: string): string {
  let t = text;
  for (;;) {
    const before = t;
    t = t.replace(NUMBERING, "").replace(FOOTNOTE, "").replace(BULLET, "");
    const letter = LETTER_DOT.exec(t);
    if (letter && FULL_TYPE.test(t.slice(letter[0].length))) t = t.slice(letter[0].length);
    if (t === before) return t;
  }
}

/** The key of a name without type word: folded, dots as spaces ("N.T Phong Hải" → "n t phong hai"). */
export function foldName(name: string): string {
  return foldText(name).replace(/\./g, " ").replace(SPACES, " ").trim();
}

/** The name NFC lower-case with its diacritics, words separated by one space. */
export function accentedName(name: string): string {
  return tidy(name).replace(NOT_WORD, " ").trim();
}

/**
 * The readings of a typed name, the likelier first: with its type word taken off, then (when a type
 * word was taken off) the whole text, since the word may belong to the name ("Phường Phường Đúc",
 * "Xa Phìn" typed without accents). A type word alone ("Xã") is read as a name.
 */
export function nameReadings(text: string): NameReading[] {
  const whole = stripNoise(tidy(text));
  const read = (name: string, type?: UnitType): NameReading => {
    const key = foldName(name);
    const accented = accentedName(name);
    return type === undefined ? { key, accented } : { key, type, accented };
  };
  const typed = takeType(whole);
  if (!typed || foldName(typed.rest) === "") return [read(whole)];
  return [read(typed.rest, typed.type), read(whole)];
}

/**
 * The key of a typed unit name and its type, canonical ("TT Nghèn" → { key: "nghen", type: "Thị trấn" }).
 * Numbers are kept ("Phường 1" → "1"); leading numbering and trailing "(*)" go.
 */
export function unitNameKey(text: string): { key: string; type?: UnitType } {
  const [first] = nameReadings(text);
  return first.type === undefined ? { key: first.key } : { key: first.key, type: first.type };
}
