/** One indicator of one locality against its effective threshold. */
import type { ResolvedThreshold } from "./thresholds";
import { roundTo } from "./thresholds";
import type { Comparator, IndicatorResult, InputValue, Outcome } from "./types";

/** Absolute tolerance for "equal": values come from spreadsheets and percent conversions. */
const EPSILON = 1e-9;

/** The verdict on one value; `judge` fills a caller-owned one so the engine's hot loop allocates nothing. */
export interface Verdict {
  outcome: Outcome;
  value: number | boolean | null;
  gap: number | null;
}

export function newVerdict(): Verdict {
  return { outcome: "missing", value: null, gap: null };
}

function set(out: Verdict, outcome: Outcome, value: number | boolean | null, gap: number | null): Verdict {
  out.outcome = outcome;
  out.value = value;
  out.gap = gap;
  return out;
}

/**
 * Outcome of a value against a threshold.
 * "near" means not met but within `nearMargin` × |threshold| of it (default 10% of the threshold).
 */
export function judge(
  comparator: Comparator,
  input: InputValue | undefined,
  t: number | boolean | null,
  nearMargin: number,
  out: Verdict,
): Verdict {
  if (!input || input.kind === "missing") return set(out, "missing", null, null);
  if (input.kind === "invalid") return set(out, "invalid", null, null);
  const value = input.value;
  if (t === null) return set(out, "noThreshold", value, null);

  if (typeof t === "boolean" || comparator === "pass") {
    const expected = comparator === "pass" ? true : t;
    if (typeof value !== "boolean") return set(out, "invalid", value, null);
    return set(out, value === expected ? "met" : "notMet", value, null);
  }
  if (typeof value !== "number") return set(out, "invalid", value, null);

  let shortfall: number; // how far the value is on the wrong side (≤ 0 when met)
  switch (comparator) {
    case ">=":
      shortfall = t - value;
      break;
    case "<=":
      shortfall = value - t;
      break;
    case "=":
      shortfall = Math.abs(value - t);
      break;
  }
  if (shortfall <= EPSILON) return set(out, "met", value, 0);
  const near = shortfall <= nearMargin * Math.abs(t) + EPSILON;
  return set(out, near ? "near" : "notMet", value, roundTo(shortfall, 10));
}

/** `judge` as a result object (one indicator, e.g. in tests and tools). */
export function evaluateIndicator(
  code: string,
  comparator: Comparator,
  input: InputValue | undefined,
  threshold: ResolvedThreshold,
  nearMargin: number,
): IndicatorResult {
  const v = judge(comparator, input, threshold.value, nearMargin, newVerdict());
  return {
    code,
    outcome: v.outcome,
    value: v.value,
    threshold: threshold.value,
    gap: v.gap,
    thresholdConfirmed: threshold.confirmed,
    ref: input?.ref,
  };
}
