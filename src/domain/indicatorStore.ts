/**
 * Compact storage of one locality's indicator verdicts: two typed arrays instead of ~80 objects.
 * At national scale (10,000 communes × 80 indicators) the objects alone cost ~170 MB and most of the
 * engine's time in garbage collection; the record of results is built only when someone reads it.
 */
import type { ResolvedThreshold } from "./thresholds";
import type { IndicatorDef, IndicatorResult, InputValue, Outcome } from "./types";
import type { Verdict } from "./indicator";

const OUTCOMES: readonly Outcome[] = ["met", "notMet", "near", "missing", "invalid", "noThreshold"];
const OUTCOME_CODE: Record<Outcome, number> = {
  met: 0,
  notMet: 1,
  near: 2,
  missing: 3,
  invalid: 4,
  noThreshold: 5,
};
const VALUE_NULL = 0;
const VALUE_NUMBER = 1;
const VALUE_BOOLEAN = 2;

export class IndicatorStore {
  /** [outcome, value kind] per indicator. */
  private readonly codes: Uint8Array;
  /** [value, gap (NaN = null)] per indicator. */
  private readonly numbers: Float64Array;

  constructor(
    private readonly defs: readonly IndicatorDef[],
    private readonly thresholds: readonly ResolvedThreshold[],
    private readonly inputs: (InputValue | undefined)[],
  ) {
    this.codes = new Uint8Array(defs.length * 2);
    this.numbers = new Float64Array(defs.length * 2);
  }

  set(i: number, v: Verdict): void {
    this.codes[2 * i] = OUTCOME_CODE[v.outcome];
    const value = v.value;
    this.codes[2 * i + 1] =
      value === null ? VALUE_NULL : typeof value === "boolean" ? VALUE_BOOLEAN : VALUE_NUMBER;
    this.numbers[2 * i] = typeof value === "number" ? value : value ? 1 : 0;
    this.numbers[2 * i + 1] = v.gap === null ? NaN : v.gap;
  }

  outcome(i: number): Outcome {
    return OUTCOMES[this.codes[2 * i]];
  }

  result(i: number): IndicatorResult {
    const kind = this.codes[2 * i + 1];
    const n = this.numbers[2 * i];
    const gap = this.numbers[2 * i + 1];
    const t = this.thresholds[i];
    return {
      code: this.defs[i].code,
      outcome: this.outcome(i),
      value: kind === VALUE_NULL ? null : kind === VALUE_BOOLEAN ? n === 1 : n,
      threshold: t.value,
      gap: Number.isNaN(gap) ? null : gap,
      thresholdConfirmed: t.confirmed,
      ref: this.inputs[i]?.ref,
    };
  }

  /** The record keyed by indicator code, as LocalityResult.indicators. */
  record(): Record<string, IndicatorResult> {
    const out: Record<string, IndicatorResult> = {};
    for (let i = 0; i < this.defs.length; i++) out[this.defs[i].code] = this.result(i);
    return out;
  }
}

/**
 * Defines `target.indicators` as a record built from `store` on first read (then kept as a plain
 * value), enumerable so that JSON and deep equality see it like any other field.
 */
export function defineLazyIndicators(target: object, store: IndicatorStore): void {
  Object.defineProperty(target, "indicators", {
    enumerable: true,
    configurable: true,
    get(this: object) {
      const value = store.record();
      Object.defineProperty(this, "indicators", {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      return value;
    },
    set(this: object, value: unknown) {
      Object.defineProperty(this, "indicators", {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    },
  });
}
