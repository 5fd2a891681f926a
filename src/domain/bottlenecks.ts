/** Bottleneck indicators: the share of communes meeting each indicator, hardest first. */
import type { LevelPlan } from "./levelPlan";
import type { Bottleneck, LocalityResult } from "./types";

export function bottlenecks(plan: LevelPlan, communes: readonly LocalityResult[]): Bottleneck[] {
  const out: Bottleneck[] = [];
  for (const def of plan.indicators) {
    if (def.tier !== "ntm") continue;
    let evaluated = 0;
    let met = 0;
    for (const r of communes) {
      const o = r.indicators[def.code]?.outcome;
      if (o === "met") {
        met++;
        evaluated++;
      } else if (o === "notMet" || o === "near") evaluated++;
    }
    if (evaluated === 0) continue;
    out.push({
      code: def.code,
      criterion: def.criterion,
      nameVi: def.nameVi,
      nameEn: def.nameEn,
      evaluated,
      met,
      share: met / evaluated,
    });
  }
  // Hardest first; among equals the one touching more communes, then by code for a stable order.
  return out.sort(
    (a, b) =>
      a.share - b.share || b.evaluated - a.evaluated || a.code.localeCompare(b.code, "en", { numeric: true }),
  );
}
