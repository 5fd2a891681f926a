/** One indicator of one locality against its effective threshold. */
import type { ResolvedThreshold } from "./thresholds";
import { roundTo } from "./thresholds";
import type { CellRef, Comparator, IndicatorResult, InputValue, Outcome } from "./types";

/** Absolute tolerance for "equal": values come from spreadsheets and percent conversions. */
const EPSILON = 1e-9;

/** Every result has this one shape (one object literal), which keeps 10^6 of them cheap. */
function result(
  code: string,
  outcome: Outcome,
  value: number | boolean | null,
  threshold: ResolvedThreshold,
  gap: number | null,
  ref: CellRef | undefined,
): IndicatorResult {
  return {
    code,
    outcome,
    value,
    threshold: threshold.value,
    gap,
    thresholdConfirmed: threshold.confirmed,
    ref,
  };
}

/**
 * Outcome of a value against a threshold.
 * "near" means not met but within `nearMargin` × |threshold| of it (default 10% of the threshold).
 */
export function evaluateIndicator(
  code: string,
  comparator: Comparator,
  input: InputValue | undefined,
  threshold: ResolvedThreshold,
  nearMargin: number,
): IndicatorResult {
  const ref = input?.ref;
  if (!input || input.kind === "missing") return result(code, "missing", null, threshold, null, ref);
  if (input.kind === "invalid") return result(code, "invalid", null, threshold, null, ref);
  const value = input.value;
  const t = threshold.value;
  if (t === null) return result(code, "noThreshold", value, threshold, null, ref);

  if (typeof t === "boolean" || comparator === "pass") {
    const expected = comparator === "pass" ? true : t;
    if (typeof value !== "boolean") return result(code, "invalid", value, threshold, null, ref);
    return result(code, value === expected ? "met" : "notMet", value, threshold, null, ref);
  }
  if (typeof value !== "number") return result(code, "invalid", value, threshold, null, ref);

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
  if (shortfall <= EPSILON) return result(code, "met", value, threshold, 0, ref);
  const near = shortfall <= nearMargin * Math.abs(t) + EPSILON;
  return result(code, near ? "near" : "notMet", value, threshold, roundTo(shortfall, 10), ref);
}
