/**
 * Text folding for tolerant matching of what planners type in Vietnamese (headers, names, Đạt/Không).
 * Pure functions; every regular expression is compiled once, here.
 */

/** Every combining mark (Vietnamese tones and vowel marks arrive as these after NFD). */
const COMBINING_MARKS = /\p{M}+/gu;
/** Lower-case đ, plus ð (eth), which legacy Vietnamese fonts and keyboards put in place of đ. */
const LOWER_D_STROKE = /[đð]/g;
const UPPER_D_STROKE = /[ĐÐ]/g;
/** Runs of anything that is not a letter or a digit. */
const NOT_SLUG_WORD = /[^\p{L}\p{N}]+/gu;
const EDGE_HYPHENS = /^-+|-+$/g;

/** One code point, for the rare characters outside ASCII, combining marks 0300–036F and đ. */
const IS_MARK = /^\p{M}$/u;
const IS_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Folds text for matching: Unicode-normalised, lower-cased, without diacritics (NFC or NFD input),
 * đ/Đ (and the look-alike ð/Ð) → d, every run of characters other than letters, digits, "." and "%"
 * turned into one space, trimmed. Idempotent.
 *
 * `foldText("Chỉ tiêu 2.1 – Đường xã (%)") === "chi tieu 2.1 duong xa %"`
 *
 * Same result as lower-case → NFD → remove \p{M} → đ/ð to d → /[^\p{L}\p{N}.%]+/ to " " → trim, but one
 * pass over the characters, several times faster: after NFD, Vietnamese is ASCII, marks 0300–036F and đ.
 */
export function foldText(s: string): string {
  // Lower-casing before NFD gives the same result as NFC → lower → NFD, one normalisation fewer.
  const d = s.toLowerCase().normalize("NFD");
  let out = "";
  let space = false; // a separator is pending between two words
  for (let i = 0; i < d.length; i++) {
    const c = d.charCodeAt(i);
    let ch: string;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 37) {
      ch = d[i]; // a-z 0-9 . %
    } else if (c < 128) {
      space = out.length > 0;
      continue;
    } else if (c >= 0x300 && c <= 0x36f) {
      continue; // Vietnamese tones and vowel marks
    } else if (c === 0x111 || c === 0xf0) {
      ch = "d"; // đ, ð
    } else {
      const cp = d.codePointAt(i) as number;
      ch = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      if (IS_MARK.test(ch)) continue;
      if (!IS_LETTER_OR_DIGIT.test(ch)) {
        space = out.length > 0;
        continue;
      }
    }
    if (space) {
      out += " ";
      space = false;
    }
    out += ch;
  }
  return out;
}

/** True when two strings fold to the same text ("Đạt" and "dat", NFC and NFD spellings alike). */
export function sameText(a: string, b: string): boolean {
  return a === b || foldText(a) === foldText(b);
}

/**
 * A file-name-safe slug: diacritics removed (đ → d, Đ → D), capitalisation kept, words of letters
 * and digits joined by "-". Everything else, "." and "%" included, separates words, so the result
 * never holds a path separator, a dot or a character Windows forbids.
 * `slugify("Sở Giao thông vận tải") === "So-Giao-thong-van-tai"`. May return "" (no letters or digits).
 */
export function slugify(s: string): string {
  return s
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(LOWER_D_STROKE, "d")
    .replace(UPPER_D_STROKE, "D")
    .replace(NOT_SLUG_WORD, "-")
    .replace(EDGE_HYPHENS, "")
    .normalize("NFC");
}
