/**
 * Recognising the header row of an input sheet and what each header names: an indicator code
 * ("Chỉ tiêu 2.1 – Đường xã (%)") or a field ("Mã xã", "Commune code"). Headers are typed by hand,
 * so matching is on folded text (see foldText). Pure functions.
 */
import { foldText } from "../../domain/text";
import type { CellValue } from "../port";

/** "2,1" typed for "2.1": a comma between digits is read as a dot before folding a header. */
const DIGIT_COMMA_DIGIT = /(\d),(?=\d)/g;
/** Dots at the edge of a word ("STT." or "xã."), which foldText keeps because "2.1" needs them. */
const EDGE_DOTS = /(^|\s)\.+|\.+(?=\s|$)/g;
const SPACE_RUNS = / {2,}/g;
/** A word glued to a code: letters, an optional dot, then a digit ("CT2.1", "ct.2.1", "KM3"). */
const GLUED = /^(\p{L}+)\.?(\p{N}.*)$/u;
const LETTERS_ONLY = /^\p{L}+$/u;
const STARTS_WITH_DIGIT = /^\p{N}/u;

/** Folded words that may be glued to a code and stand for "indicator" / "criterion". */
const GLUED_PREFIXES: ReadonlySet<string> = new Set(["ct", "tc", "chitieu", "tieuchi"]);

interface FoldedCodes {
  size: number;
  byFolded: Map<string, string>;
}
/** Folded spellings of each known-code set, rebuilt when the set's size changes. */
const foldedCodeSets = new WeakMap<ReadonlySet<string>, FoldedCodes>();

function foldedCodes(knownCodes: ReadonlySet<string>): Map<string, string> {
  const cached = foldedCodeSets.get(knownCodes);
  if (cached !== undefined && cached.size === knownCodes.size) return cached.byFolded;
  const byFolded = new Map<string, string>();
  for (const code of knownCodes) {
    const folded = foldText(code);
    if (folded.length > 0 && !byFolded.has(folded)) byFolded.set(folded, code);
  }
  foldedCodeSets.set(knownCodes, { size: knownCodes.size, byFolded });
  return byFolded;
}

function trimDots(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && token.charCodeAt(start) === 46) start++;
  while (end > start && token.charCodeAt(end - 1) === 46) end--;
  return start === 0 && end === token.length ? token : token.slice(start, end);
}

/** The known code a token names, trying the forms a planner may type; undefined when none. */
function codeOfToken(
  token: string,
  next: string | undefined,
  codes: Map<string, string>,
): string | undefined {
  const t = trimDots(token);
  if (t.length === 0) return undefined;
  const exact = codes.get(t);
  if (exact !== undefined) return exact;
  const glued = GLUED.exec(t);
  if (glued !== null) {
    const [, letters, rest] = glued;
    const dotted = codes.get(letters + "." + rest); // "km3" → "km.3"
    if (dotted !== undefined) return dotted;
    if (GLUED_PREFIXES.has(letters)) {
      const bare = codes.get(rest); // "ct2.1" → "2.1"
      if (bare !== undefined) return bare;
    }
  }
  if (next !== undefined && LETTERS_ONLY.test(t) && STARTS_WITH_DIGIT.test(next)) {
    const spaced = codes.get(t + "." + trimDots(next)); // "KM 3" → "km.3"
    if (spaced !== undefined) return spaced;
  }
  return undefined;
}

/**
 * Which known indicator or data code a header names, spelled as in `knownCodes`, or null.
 * Accepts "2.1", "CT 2.1", "CT2.1", "ct.2.1", "TC 2.1", "Chỉ tiêu 2.1 – Đường xã (%)", "Tiêu chí 20",
 * "2.1 - Tỷ lệ đường xã", "KM.3 Số thôn thông minh", "KM 3", "NC.2", "10 – Thu nhập (…)", "2,1".
 * Codes compare case- and diacritic-insensitively and only as whole words ("12.1" and "2.10" do not
 * name "2.1"). The words are read left to right and the first that names a known code wins, so a code
 * at the start (after a prefix such as "Chỉ tiêu") is preferred to one further on.
 * `knownCodes` is folded once per set and size; do not change its members in place between calls.
 */
const BRACKETS = /[()[\]{}]/g;

export function extractIndicatorCode(header: string, knownCodes: ReadonlySet<string>): string | null {
  if (knownCodes.size === 0) return null;
  // Brackets separate words: "Đường xã cứng hoá (2.1)" names 2.1.
  const folded = foldText(header.replace(DIGIT_COMMA_DIGIT, "$1.").replace(BRACKETS, " "));
  if (folded.length === 0) return null;
  const codes = foldedCodes(knownCodes);
  const tokens = folded.split(" ");
  for (let i = 0; i < tokens.length; i++) {
    const code = codeOfToken(tokens[i], tokens[i + 1], codes);
    if (code !== undefined) return code;
  }
  return null;
}

/** foldText without dots at word edges, for comparing words ("Mã xã." and "ma xa"). */
function foldWords(s: string): string {
  const folded = foldText(s);
  return folded.indexOf(".") < 0 ? folded : folded.replace(EDGE_DOTS, "$1").replace(SPACE_RUNS, " ").trim();
}

/** Folded aliases; aliases are a handful of constants, so this stays small. Bounded all the same. */
const aliasMemo = new Map<string, string>();
const ALIAS_MEMO_LIMIT = 2048;

function foldAlias(alias: string): string {
  let folded = aliasMemo.get(alias);
  if (folded === undefined) {
    folded = foldWords(alias);
    if (aliasMemo.size >= ALIAS_MEMO_LIMIT) aliasMemo.clear();
    aliasMemo.set(alias, folded);
  }
  return folded;
}

/**
 * How well a header names a field known by `aliases` (Vietnamese and English, with or without
 * diacritics): 1 when the header folds to an alias, 0.8 when an alias occurs in it as whole words
 * ("Mã xã (GSO)" for "mã xã"), else 0. Empty aliases never match.
 */
export function scoreFieldHeader(header: string, aliases: readonly string[]): number {
  const h = foldWords(header);
  if (h.length === 0) return 0;
  const padded = " " + h + " ";
  let best = 0;
  for (const alias of aliases) {
    const a = foldAlias(alias);
    if (a.length === 0) continue;
    if (a === h) return 1;
    if (best < 0.8 && padded.includes(" " + a + " ")) best = 0.8;
  }
  return best;
}

/** A header cell as text: strings as they are, numbers in JavaScript's spelling, anything else "". */
export function cellText(value: CellValue): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return "";
}

/**
 * The 0-based index of the best-scoring row among the first `maxScan` rows (the first of equals), or
 * -1 when every row scores 0 or less. Missing rows of a ragged grid are scored as empty rows.
 */
export function findHeaderRow(
  values: readonly CellValue[][],
  score: (cells: CellValue[]) => number,
  maxScan = 20,
): number {
  const limit = Math.min(values.length, Math.max(0, maxScan));
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const s = score(values[r] ?? []);
    if (s > bestScore) {
      bestScore = s;
      best = r;
    }
  }
  return best;
}
