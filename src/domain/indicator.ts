/** One indicator of one locality against its effective threshold. */
import type { ResolvedThreshold } from "./thresholds";
import { roundTo } from "./thresholds";
import type { Comparator, IndicatorResult, InputValue } from "./types";

/** Absolute tolerance for "equal": values come from spreadsheets and percent conversions. */
const EPSILON = 1e-9;

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
  const base = { code, threshold: threshold.value, thresholdConfirmed: threshold.confirmed, ref };
  if (!input || input.kind === "missing") return { ...base, outcome: "missing", value: null, gap: null };
  if (input.kind === "invalid") return { ...base, outcome: "invalid", value: null, gap: null };
  const value = input.value;
  const t = threshold.value;
  if (t === null) return { ...base, outcome: "noThreshold", value, gap: null };

  if (typeof t === "boolean" || comparator === "pass") {
    const expected = comparator === "pass" ? true : t;
    if (typeof value !== "boolean") return { ...base, outcome: "invalid", value, gap: null };
    return { ...base, outcome: value === expected ? "met" : "notMet", value, gap: null };
  }
  if (typeof value !== "number") return { ...base, outcome: "invalid", value, gap: null };

  const band = nearMargin * Math.abs(t);
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
  if (shortfall <= EPSILON) return { ...base, outcome: "met", value, gap: 0 };
  const gap = roundTo(shortfall, 10);
  return { ...base, outcome: shortfall <= band + EPSILON ? "near" : "notMet", value, gap };
}
