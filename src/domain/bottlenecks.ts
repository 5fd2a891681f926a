/** Bottleneck indicators: the share of communes meeting each indicator, hardest first. */
import type { LevelPlan } from "./levelPlan";
import type { Bottleneck } from "./types";

export interface Tally {
  met: Int32Array;
  decided: Int32Array;
}

export function newTally(plan: LevelPlan): Tally {
  return { met: new Int32Array(plan.indicators.length), decided: new Int32Array(plan.indicators.length) };
}

/** From the tally the commune evaluation kept: only NTM-tier indicators with a decided outcome. */
export function bottlenecks(plan: LevelPlan, tally: Tally): Bottleneck[] {
  const out: Bottleneck[] = [];
  plan.indicators.forEach((def, i) => {
    const evaluated = tally.decided[i];
    if (def.tier !== "ntm" || evaluated === 0) return;
    const met = tally.met[i];
    out.push({
      code: def.code,
      criterion: def.criterion,
      nameVi: def.nameVi,
      nameEn: def.nameEn,
      evaluated,
      met,
      share: met / evaluated,
    });
  });
  // Hardest first; among equals the one touching more communes, then by code for a stable order.
  return out.sort(
    (a, b) =>
      a.share - b.share || b.evaluated - a.evaluated || a.code.localeCompare(b.code, "en", { numeric: true }),
  );
}
