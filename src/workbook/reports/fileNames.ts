/**
 * File and sheet names of a set of reports: "BaoCao_So-Giao-thong-van-tai_2022.xlsx",
 * "BaoCao_TongHop_2022.xlsx" (English: "Report_…"). File names are ASCII letters, digits, "-" and
 * "_" only (safe on Windows, macOS, Linux and in URLs), bounded in length and unique within the set
 * without regard to case; sheet names follow Excel's rules (planChecks.sheetNameProblem). Pure.
 */
import { t, type Lang } from "../../i18n";
import { sheetNameProblem } from "../planChecks";

/** Longest slug of a department name in a file name (the whole name stays under 90 characters). */
export const MAX_SLUG_LENGTH = 60;
export const MAX_SHEET_NAME_LENGTH = 31;

/** Latin letters that Unicode decomposition does not reduce to ASCII. */
const LATIN_EXTRA: Readonly<Record<string, string>> = {
  đ: "d",
  Đ: "D",
  ð: "d",
  Ð: "D",
  ø: "o",
  Ø: "O",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  ß: "ss",
  ł: "l",
  Ł: "L",
  þ: "th",
  Þ: "Th",
  ı: "i",
};
const COMBINING_MARKS = /\p{M}+/gu;
const EXTRA_LETTERS = /[đĐðÐøØæÆœŒßłŁþÞı]/g;
const NOT_ASCII_WORD = /[^A-Za-z0-9]+/g;
const EDGE_HYPHENS = /^-+|-+$/g;

/**
 * An ASCII slug: diacritics removed (đ → d), capitalisation kept, runs of anything other than ASCII
 * letters and digits turned into one "-", cut at a word boundary to `max` characters.
 * `asciiSlug("Sở Giao thông vận tải") === "So-Giao-thong-van-tai"`. May return "".
 */
export function asciiSlug(text: string, max = MAX_SLUG_LENGTH): string {
  const slug = text
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(EXTRA_LETTERS, (c) => LATIN_EXTRA[c] ?? "")
    .replace(NOT_ASCII_WORD, "-")
    .replace(EDGE_HYPHENS, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastHyphen = cut.lastIndexOf("-");
  // A word longer than the whole budget is cut where it must be.
  const bounded = lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : slug.slice(0, max);
  return bounded.replace(EDGE_HYPHENS, "");
}

/** "BaoCao_So-Giao-thong-van-tai_2022.xlsx" (not yet made unique). */
export function departmentFileName(lang: Lang, department: string, year: number): string {
  const slug = asciiSlug(department) || t(lang, "reports.file.unnamed");
  return `${t(lang, "reports.file.prefix")}_${slug}_${year}.xlsx`;
}

/** "BaoCao_TongHop_2022.xlsx" / "Report_Summary_2022.xlsx". */
export function summaryFileName(lang: Lang, year: number): string {
  return `${t(lang, "reports.file.prefix")}_${t(lang, "reports.file.summary")}_${year}.xlsx`;
}

/**
 * Hands out names unique without regard to case (Windows and macOS file systems, Excel sheet
 * names): the second "X.xlsx" becomes "X_2.xlsx", the third "X_3.xlsx".
 */
export class UniqueNames {
  private readonly used = new Set<string>();

  constructor(private readonly suffix: (name: string, n: number) => string) {}

  take(name: string): string {
    let candidate = name;
    for (let n = 2; this.used.has(candidate.toLowerCase()); n++) candidate = this.suffix(name, n);
    this.used.add(candidate.toLowerCase());
    return candidate;
  }
}

/** Unique .xlsx file names: "…_2.xlsx" before the extension. */
export function uniqueFileNames(): UniqueNames {
  return new UniqueNames((name, n) => name.replace(/(\.xlsx)?$/i, (ext) => `_${n}${ext}`));
}

/** Excel's forbidden characters, and control characters (a line break typed in a cell). */
/** The first `n` UTF-16 units of `text`, without leaving half of a surrogate pair (an emoji) at the end. */
function cutUnits(text: string, n: number): string {
  const cut = text.slice(0, n);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

const SHEET_FORBIDDEN = /[[\]:*?/\\\u0000-\u001f\u007f]+/g;
const SPACES = /\s+/g;

/**
 * A valid sheet name close to `text`: forbidden characters become spaces, edge apostrophes go, cut
 * at a word boundary to 31 characters; `fallback` when nothing is left (or the name is reserved).
 */
export function safeSheetName(text: string, fallback: string): string {
  let name = text
    .replace(SHEET_FORBIDDEN, " ")
    .replace(SPACES, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  if (name.length > MAX_SHEET_NAME_LENGTH) {
    const cut = name.slice(0, MAX_SHEET_NAME_LENGTH + 1);
    const space = cut.lastIndexOf(" ");
    name = (space > MAX_SHEET_NAME_LENGTH / 2 ? cut.slice(0, space) : cutUnits(name, MAX_SHEET_NAME_LENGTH))
      .trim()
      .replace(/'+$/, "")
      .trim();
  }
  return sheetNameProblem(name) === null ? name : fallback;
}

/** Unique sheet names: " (2)" at the end, shortening the name so it stays within 31 characters. */
export function uniqueSheetNames(): UniqueNames {
  return new UniqueNames((name, n) => {
    const suffix = ` (${n})`;
    const base = cutUnits(name, MAX_SHEET_NAME_LENGTH - suffix.length)
      .trimEnd()
      .replace(/'+$/, "");
    return base + suffix;
  });
}
