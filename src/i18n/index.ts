/**
 * User-facing strings, Vietnamese first, English second. Each area keeps its own dictionary file in
 * ./strings; this module merges them and formats "{name}" placeholders.
 */
import { cliStrings } from "./strings/cli";
import { domainStrings } from "./strings/domain";
import { fundingStrings } from "./strings/funding";
import { readerStrings } from "./strings/reader";
import { renderStrings } from "./strings/render";
import { reportsStrings } from "./strings/reports";
import { taskpaneStrings } from "./strings/taskpane";

export type Lang = "vi" | "en";
export const LANGS: readonly Lang[] = ["vi", "en"];

/** A dictionary: key → [Vietnamese, English]. */
export type Strings = Record<string, readonly [vi: string, en: string]>;

const DICTIONARIES: Strings[] = [
  domainStrings,
  fundingStrings,
  readerStrings,
  renderStrings,
  reportsStrings,
  cliStrings,
  taskpaneStrings,
];

const ALL: Strings = mergeDictionaries(DICTIONARIES);

/** Merges the area dictionaries; a key defined twice is a bug (two areas fighting over a message). */
function mergeDictionaries(dicts: Strings[]): Strings {
  const out: Strings = {};
  for (const d of dicts) {
    for (const [k, v] of Object.entries(d)) {
      if (k in out) throw new Error(`Duplicate i18n key: ${k}`);
      out[k] = v;
    }
  }
  return out;
}

export type Params = Record<string, string | number>;

/**
 * Formats a number the way the language writes it (vi: 12.345,5). Four-digit numbers are not
 * grouped, so years read "2022", never "2.022".
 */
export function formatNumber(lang: Lang, value: number, maxFractionDigits = 2): string {
  return numberFormat(lang, maxFractionDigits, Math.abs(value) >= 10000).format(value);
}

/** Formatters are costly to build (tens of µs): one per language, precision and grouping. */
const FORMATS = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, maxFractionDigits: number, grouping: boolean): Intl.NumberFormat {
  const key = `${lang}|${maxFractionDigits}|${grouping ? 1 : 0}`;
  let f = FORMATS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US", {
      maximumFractionDigits: maxFractionDigits,
      useGrouping: grouping,
    });
    FORMATS.set(key, f);
  }
  return f;
}

/** Translates `key`, filling {placeholders}. Unknown keys are a bug: they throw in tests. */
export function t(lang: Lang, key: string, params: Params = {}): string {
  const entry = ALL[key];
  if (!entry) throw new Error(`Missing i18n key: ${key}`);
  const template = entry[lang === "vi" ? 0 : 1];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === "number" ? formatNumber(lang, v) : v;
  });
}

export function hasKey(key: string): boolean {
  return key in ALL;
}

export function allKeys(): string[] {
  return Object.keys(ALL);
}

/** "vi" for any Vietnamese locale tag, "en" otherwise. */
export function langFromLocale(locale: string | undefined | null): Lang {
  return locale && /^vi\b/i.test(locale) ? "vi" : "en";
}
