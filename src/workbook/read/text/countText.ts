/**
 * Typed counts in a biểu: "Số tiêu chí đạt" 17 or "17/19", "Số xã đạt chuẩn" "4/6 xã đạt". They are
 * checked against the marks and results, never trusted. Pure; patterns compiled once, here.
 */
import { readCell } from "../../../domain/parse";
import { foldText } from "../../../domain/text";
import type { CellValue } from "../../port";
import { collapseSpaces, shadowOf } from "./shadow";

export interface Count {
  count: number;
  /** The whole it is counted out of ("19" of "17/19"). */
  of?: number;
}

/** "Đạt 17/19 tiêu chí", "4/6 xã đạt", "17 TC", in the shadow (shadow.ts). */
const COUNT_TEXT = /^(?:(?:dat|dat duoc|co)\s+)?(\d{1,5})(?:\s*\/\s*(\d{1,5}))?(?:\s*([a-z][a-z\s]*))?$/;
/** Words that may follow a count: what is counted and "đạt". Anything else is a sentence. */
const COUNT_WORDS: ReadonlySet<string> = new Set([
  "tieu",
  "chi",
  "tc",
  "xa",
  "phuong",
  "thi",
  "tran",
  "huyen",
  "thon",
  "ban",
  "don",
  "vi",
  "dat",
  "chuan",
  "ntm",
  "nang",
  "cao",
  "kieu",
  "mau",
  "ho",
  "nguoi",
]);
const MAX_COUNT = 100000;

/**
 * A typed count, or null. Whole numbers 0 or more (17, "17"); "17/19", "17 / 19" (the count no
 * larger than the whole, the whole at least 1); with what is counted after it ("17 tiêu chí",
 * "17 TC", "4/6 xã đạt") and "Đạt" before it ("Đạt 17/19 tiêu chí"). Not counts: "85%", "2,5", "x",
 * "", a date such as "15/12" (15 of 12), other words after the number.
 */
export function parseCount(value: CellValue): Count | null {
  const cell = readCell(value, null, "vi");
  if (cell.kind === "number") {
    const n = cell.value;
    return !cell.percent && Number.isInteger(n) && n >= 0 && n <= MAX_COUNT ? { count: n } : null;
  }
  if (cell.kind !== "text") return null;
  const m = COUNT_TEXT.exec(shadowOf(collapseSpaces(cell.text.normalize("NFC"))));
  if (m === null) return null;
  if (
    m[3] !== undefined &&
    !foldText(m[3])
      .split(" ")
      .every((w) => COUNT_WORDS.has(w))
  )
    return null;
  const count = Number(m[1]);
  if (m[2] === undefined) return { count };
  const of = Number(m[2]);
  return of >= 1 && count <= of ? { count, of } : null;
}
