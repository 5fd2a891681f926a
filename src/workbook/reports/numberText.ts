/**
 * Numbers written into report text ("còn thiếu 1,5 %", "10.472 xã"), exactly as i18n's formatNumber
 * writes them (numberText.test.ts checks that on random numbers), but fast: Number.toLocaleString
 * builds an Intl formatter per call (~40 µs) and even a kept Intl formatter costs more than the rest
 * of a row, at national scale hundreds of thousands of times. Rounding the number's shortest decimal
 * form half away from zero, as V8's Intl does, gives the same text.
 */
import type { Lang } from "../../i18n";

const formatters = new Map<string, Intl.NumberFormat>();

function intl(lang: Lang, value: number, digits: number): string {
  const grouping = Math.abs(value) >= 10000;
  const key = `${lang}|${digits}|${grouping ? 1 : 0}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US", {
      maximumFractionDigits: digits,
      useGrouping: grouping,
    });
    formatters.set(key, f);
  }
  return f.format(value);
}

const TRAILING_ZEROS = /0+$/;
const THOUSANDS = /\B(?=(\d{3})+(?!\d))/g;

/**
 * The digits of |value| rounded to `digits` decimals, half away from zero, on its shortest decimal
 * form (String(value): what Intl rounds too, so 0.425 → "0.43", where toFixed gives "0.42").
 * Null for exponent forms (below 1e-6), which Intl writes instead.
 */
function roundedDigits(abs: number, digits: number): { whole: string; fraction: string } | null {
  const text = String(abs);
  if (text.includes("e")) return null;
  const dot = text.indexOf(".");
  let whole = dot < 0 ? text : text.slice(0, dot);
  let fraction = dot < 0 ? "" : text.slice(dot + 1);
  if (fraction.length > digits) {
    const up = fraction.charCodeAt(digits) >= 53; // "5"
    fraction = fraction.slice(0, digits);
    if (up) {
      const all = (whole + fraction).split("");
      let i = all.length - 1;
      for (; i >= 0 && all[i] === "9"; i--) all[i] = "0";
      if (i >= 0) all[i] = String.fromCharCode(all[i].charCodeAt(0) + 1);
      const joined = (i < 0 ? "1" : "") + all.join("");
      whole = joined.slice(0, joined.length - digits);
      fraction = joined.slice(joined.length - digits);
    }
  }
  return { whole: whole === "" ? "0" : whole, fraction: fraction.replace(TRAILING_ZEROS, "") };
}

/** The same text as formatNumber(lang, value, maxFractionDigits): vi "12.345,5", en "12,345.5", years ungrouped. */
export function numberText(lang: Lang, value: number, maxFractionDigits = 2): string {
  const abs = Math.abs(value);
  if (Number.isInteger(value) && abs < 10000 && !Object.is(value, -0)) return String(value);
  // Rare shapes go to Intl: not finite, huge, many digits, -0.
  if (
    !Number.isFinite(value) ||
    abs >= 1e15 ||
    Object.is(value, -0) ||
    !Number.isInteger(maxFractionDigits) ||
    maxFractionDigits < 0 ||
    maxFractionDigits > 10
  )
    return intl(lang, value, maxFractionDigits);
  const r = roundedDigits(abs, maxFractionDigits);
  // Negatives that round to zero are written "-0" by Intl.
  if (r === null || (value < 0 && r.whole === "0" && r.fraction === ""))
    return intl(lang, value, maxFractionDigits);
  const whole = abs >= 10000 ? r.whole.replace(THOUSANDS, lang === "vi" ? "." : ",") : r.whole;
  const sign = value < 0 ? "-" : "";
  return r.fraction === "" ? sign + whole : sign + whole + (lang === "vi" ? "," : ".") + r.fraction;
}
