/**
 * Synthetic indicator values that are consistent with the thresholds: the caller says what a
 * locality should reach (a commune's status, the indicators it misses), and every value is drawn on
 * the right side of its effective threshold (region and ĐBKK rule included), near the threshold for a
 * near miss, further away for a far one.
 *
 * Several indicators can share a data column (income: 10, NC.10 and KM.2 all read column "10"); the
 * value is drawn inside the interval their wanted outcomes leave, e.g. [NTM income, advanced income)
 * for a commune that is NTM but not advanced because of its income.
 */
import { applicableIndicators } from "../../domain/levelPlan";
import { effectiveRegion, ThresholdResolver } from "../../domain/thresholds";
import type { IndicatorCode, IndicatorDef, Level, Locality, RegionCode, Status } from "../../domain/types";
import type { Rng } from "./random";

export type SampleValue = number | boolean;

/** An indicator a locality should miss; near misses fall within the default 10% "near" band. */
export interface Miss {
  code: IndicatorCode;
  far?: boolean;
}

export interface CommuneIntent {
  status: Status;
  /** NTM-tier or condition indicators to miss (only meaningful when status is "none"). */
  misses?: readonly Miss[];
}

interface Want {
  def: IndicatorDef;
  threshold: number | boolean | null;
  meet: boolean;
  far: boolean;
  /**
   * The outcome decides the intended status. An optional outcome (a chance draw, e.g. an NTM commune
   * that happens to meet the advanced road indicator) gives way when it contradicts a required one
   * on a shared column.
   */
  required: boolean;
}

const RANK: Record<Status, number> = { none: 0, ntm: 1, advanced: 2, model: 3 };

/** A count such as "số thôn thông minh": a number without a rate unit and with whole thresholds. */
function isCount(def: IndicatorDef): boolean {
  return def.kind === "number" && def.unit !== "" && !def.unit.includes("/");
}

function decimals(step: number): number {
  return step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
}

function roundTo(value: number, step: number): number {
  return Number((Math.round(value / step) * step).toFixed(decimals(step)));
}

export class ValueModel {
  private readonly resolver: ThresholdResolver;
  private readonly byLevel = new Map<Level, IndicatorDef[]>();

  /** `indicators`: the evaluated set with its thresholds (illustrative ones applied); `year` picks the income rows. */
  constructor(
    indicators: readonly IndicatorDef[],
    readonly year: number,
  ) {
    const applicable = applicableIndicators(indicators, year);
    this.resolver = new ThresholdResolver(new Map(applicable.map((d) => [d.code, d])));
    for (const def of applicable) {
      const list = this.byLevel.get(def.level) ?? [];
      list.push(def);
      this.byLevel.set(def.level, list);
    }
  }

  /** Indicators of a level that apply in the model's year. */
  indicators(level: Level): readonly IndicatorDef[] {
    return this.byLevel.get(level) ?? [];
  }

  /** The effective threshold of `code` for a locality of `region` (after the ĐBKK rule). */
  threshold(code: IndicatorCode, region: RegionCode): number | boolean | null {
    const def = this.indicators("commune").find((d) => d.code === code);
    return def ? this.resolver.resolve(def, region, undefined).value : null;
  }

  /**
   * Values of a commune that reaches `intent.status` exactly: every NTM and condition indicator met
   * except `intent.misses`; for an NTM (advanced) commune, one advanced (model) requirement missed.
   */
  commune(
    rng: Rng,
    locality: Pick<Locality, "region" | "dbkk" | "atkPoorDistrict">,
    fallback: RegionCode,
    intent: CommuneIntent,
  ): Record<string, SampleValue> {
    const region = effectiveRegion(locality, fallback);
    const defs = this.indicators("commune");
    const misses = new Map((intent.misses ?? []).map((m) => [m.code, m]));
    const rank = RANK[intent.status];
    const advanced = defs.filter((d) => d.tier === "advanced");
    const model = defs.filter((d) => d.tier === "model");
    const advancedMiss = intent.status === "ntm" && advanced.length > 0 ? rng.pick(advanced).code : undefined;
    const modelMiss = intent.status === "advanced" && model.length > 0 ? rng.pick(model).code : undefined;

    const wants = defs.map((def): Want => {
      const threshold = this.resolver.resolve(def, region, undefined).value;
      switch (def.tier) {
        case "ntm":
        case "condition": {
          const miss = misses.get(def.code);
          return { def, threshold, meet: miss === undefined, far: miss?.far ?? false, required: true };
        }
        case "advanced":
          if (rank >= RANK.advanced || def.code === advancedMiss) {
            return { def, threshold, meet: rank >= RANK.advanced, far: false, required: true };
          }
          return {
            def,
            threshold,
            meet: rng.chance(rank === RANK.ntm ? 0.6 : 0.3),
            far: false,
            required: false,
          };
        case "model":
          if (rank >= RANK.model || def.code === modelMiss) {
            return { def, threshold, meet: rank >= RANK.model, far: false, required: true };
          }
          // Below advanced, model requirements are simply not there yet (no smart village, income below).
          return {
            def,
            threshold,
            meet: rank === RANK.advanced && rng.chance(0.6),
            far: false,
            required: false,
          };
      }
    });
    return this.draw(rng, wants);
  }

  /**
   * Values of a district or province (or a commune, ignoring tiers): every indicator met except
   * `misses`. Computed "@" metrics are not data and get no value.
   */
  locality(
    rng: Rng,
    level: Level,
    region: RegionCode,
    misses: readonly Miss[] = [],
  ): Record<string, SampleValue> {
    const missOf = new Map(misses.map((m) => [m.code, m]));
    const wants = this.indicators(level).map((def): Want => ({
      def,
      threshold: this.resolver.resolve(def, region, undefined).value,
      meet: !missOf.has(def.code),
      far: missOf.get(def.code)?.far ?? false,
      required: true,
    }));
    return this.draw(rng, wants);
  }

  private draw(rng: Rng, wants: readonly Want[]): Record<string, SampleValue> {
    const byColumn = new Map<string, Want[]>();
    for (const w of wants) {
      const column = w.def.dataCode ?? w.def.code;
      if (column.startsWith("@")) continue;
      const list = byColumn.get(column) ?? [];
      list.push(w);
      byColumn.set(column, list);
    }
    const out: Record<string, SampleValue> = {};
    for (const [column, list] of byColumn) {
      out[column] = list[0].def.kind === "boolean" ? drawBoolean(rng, list[0]) : drawNumber(rng, list);
    }
    return out;
  }
}

function drawBoolean(rng: Rng, w: Want): boolean {
  if (w.def.comparator === "pass") return w.meet;
  if (typeof w.threshold === "boolean") return w.meet ? w.threshold : !w.threshold;
  return rng.chance(0.9);
}

/**
 * A number inside the interval the wanted outcomes leave. A missed threshold shapes the draw (just
 * below it for a near miss, well below for a far one); met thresholds only bound it.
 */
function drawNumber(rng: Rng, wants: readonly Want[]): number {
  const first = wants[0].def;
  const count = isCount(first);
  const percent = first.kind === "percent";
  const numeric = wants.filter((w): w is Want & { threshold: number } => typeof w.threshold === "number");
  const smallest = Math.min(...numeric.map((w) => Math.abs(w.threshold)), Infinity);
  const step = count ? 1 : smallest < 10 ? 0.01 : 0.1;

  let lo = percent || count ? 0 : -Infinity;
  let hi = percent ? 100 : Infinity;
  /** The bounds a wanted outcome sets; an optional one is kept only when the interval stays non-empty. */
  const bound = (w: Want & { threshold: number }): [number, number] => {
    const t = w.threshold;
    switch (w.def.comparator) {
      case ">=":
        return w.meet ? [Math.max(lo, t), hi] : [lo, Math.min(hi, t - step)];
      case "<=":
        return w.meet ? [lo, Math.min(hi, t)] : [Math.max(lo, t + step), hi];
      default:
        return w.meet ? [t, t] : [Math.max(lo, t + step), hi];
    }
  };
  const kept: (Want & { threshold: number })[] = [];
  for (const w of [...numeric.filter((x) => x.required), ...numeric.filter((x) => !x.required)]) {
    const [l, h] = bound(w);
    if (!w.required && l > h) continue;
    [lo, hi] = [l, h];
    kept.push(w);
  }
  // A required miss shapes the draw (an NTM or condition miss first): near or far below its threshold.
  const focus =
    kept.find((w) => !w.meet && w.required && (w.def.tier === "ntm" || w.def.tier === "condition")) ??
    kept.find((w) => !w.meet && w.required);

  let a: number;
  let b: number;
  if (focus && focus.def.comparator === ">=") {
    const t = focus.threshold;
    [a, b] = focus.far ? [t * 0.7, t * 0.85] : [t * 0.91, t - step];
  } else if (focus && focus.def.comparator === "<=") {
    const t = focus.threshold;
    [a, b] = focus.far ? [t * 1.3, t * 1.8] : [t + step, t * 1.09];
  } else if (Number.isFinite(lo) && Number.isFinite(hi) && (!percent || kept.some((w) => !w.meet))) {
    [a, b] = [lo, hi];
  } else if (kept.some((w) => w.meet && w.def.comparator === ">=")) {
    // Only met minimums: spread above the highest one, as real values are.
    a = lo;
    b = count ? lo + 2 : percent ? Math.min(100, lo + Math.max(10, (100 - lo) * 0.7)) : lo * 1.3 + 0.5;
  } else if (kept.some((w) => w.meet && w.def.comparator === "<=")) {
    [a, b] = [hi * 0.25, hi];
  } else {
    [a, b] = percent ? [50, 100] : count ? [0, 3] : [0, 10];
  }
  a = Math.max(a, lo);
  b = Math.min(b, hi);
  if (b < a) b = a;
  const value = roundTo(a + (b - a) * rng.float(), step);
  // Rounding must not cross a bound.
  const min = roundTo(Math.ceil(lo / step - 1e-9) * step, step);
  const max = roundTo(Math.floor(hi / step + 1e-9) * step, step);
  return Math.min(Math.max(value, Number.isFinite(min) ? min : value), Number.isFinite(max) ? max : value);
}
