/**
 * Roll-ups of commune results to districts and provinces, and the metrics that district and
 * province requirements (QĐ 320, QĐ 321) and targets are measured with.
 */
import { foldText } from "./text";
import type { Locality, LocalityResult, MetricKey, Rollup, Status } from "./types";

const RANK: Record<Status, number> = { none: 0, ntm: 1, advanced: 2, model: 3 };

export function atLeast(status: Status, floor: Status): boolean {
  return RANK[status] >= RANK[floor];
}

/**
 * Thị xã and thành phố thuộc tỉnh "complete the NTM task" rather than become NTM districts
 * (QĐ 320/321). Recognised from the unit type (or the name) in Vietnamese or English.
 */
export function isTown(l: Pick<Locality, "unitType" | "name">): boolean {
  return TOWN.test(foldText(l.unitType || l.name));
}

const TOWN = /^(thi xa|thanh pho|tx|tp|town|city)\b/;

export interface Counts {
  communes: number;
  ntm: number;
  advanced: number;
  model: number;
  below15: number;
  criteriaSum: number;
  districts: number;
  districtsNtm: number;
  districtsAdvanced: number;
  towns: number;
  townsNtm: number;
}

export function newCounts(): Counts {
  return {
    communes: 0,
    ntm: 0,
    advanced: 0,
    model: 0,
    below15: 0,
    criteriaSum: 0,
    districts: 0,
    districtsNtm: 0,
    districtsAdvanced: 0,
    towns: 0,
    townsNtm: 0,
  };
}

/** Counts one commune's result in an ancestor's counts. */
export function countCommune(c: Counts, r: LocalityResult): void {
  c.communes++;
  if (atLeast(r.status, "ntm")) c.ntm++;
  if (atLeast(r.status, "advanced")) c.advanced++;
  if (r.status === "model") c.model++;
  if (r.band === "below15") c.below15++;
  c.criteriaSum += r.criteriaMet;
}

/** Counts one district's result in its province's counts. */
export function countDistrict(c: Counts, r: LocalityResult, town: boolean): void {
  c.districts++;
  if (atLeast(r.status, "ntm")) c.districtsNtm++;
  if (atLeast(r.status, "advanced")) c.districtsAdvanced++;
  if (town) {
    c.towns++;
    if (atLeast(r.status, "ntm")) c.townsNtm++;
  }
}

const share = (n: number, d: number): number | undefined => (d > 0 ? n / d : undefined);

/** Metric values from counts; a metric with no denominator is absent (its indicator is "missing"). */
export function metricsFrom(c: Counts): Partial<Record<MetricKey, number>> {
  const m: Partial<Record<MetricKey, number>> = {
    communeNtmShare: share(c.ntm, c.communes),
    communeAdvancedShare: share(c.advanced, c.communes),
    communeModelShare: share(c.model, c.communes),
    communesBelow15: c.communes > 0 ? c.below15 : undefined,
    averageCriteria: share(c.criteriaSum, c.communes),
    districtNtmShare: share(c.districtsNtm, c.districts),
    districtAdvancedShare: share(c.districtsAdvanced, c.districts),
    townNtmShare: share(c.townsNtm, c.towns),
  };
  for (const k of Object.keys(m) as MetricKey[]) if (m[k] === undefined) delete m[k];
  return m;
}

export function rollupOf(l: Locality, c: Counts, own: LocalityResult | undefined): Rollup {
  const s = (n: number, d: number) => (d > 0 ? n / d : 0);
  return {
    code: l.code,
    name: l.name,
    level: l.level,
    communes: c.communes,
    ntm: c.ntm,
    ntmShare: s(c.ntm, c.communes),
    advanced: c.advanced,
    advancedShare: s(c.advanced, c.communes),
    model: c.model,
    modelShare: s(c.model, c.communes),
    below15: c.below15,
    averageCriteria: s(c.criteriaSum, c.communes),
    districts: c.districts,
    districtsNtm: c.districtsNtm,
    districtsNtmShare: s(c.districtsNtm, c.districts),
    districtsAdvanced: c.districtsAdvanced,
    status: own?.status ?? "none",
  };
}
