/**
 * The catalog: official criteria sets, provincial extras, regions, funding categories and default
 * departments, as typed data. It pre-fills a new workbook; the workbook's criteria sheet is what gets
 * evaluated.
 *
 * Unit lists (./units) read files and are not re-exported here, so this module stays browser-safe.
 */
import type { CriteriaSetId, IndicatorDef } from "../domain/types";
import { SET_2021_2025 } from "./criteria2021_2025";
import { SET_2026_2030 } from "./criteria2026_2030";
import { departmentFor } from "./departments";
import { HA_TINH_EXTRA } from "./haTinh";
import type { CatalogCriterion, CriteriaSet, ProvincialExtra } from "./types";

export { SET_2021_2025 } from "./criteria2021_2025";
export { SET_2026_2030 } from "./criteria2026_2030";
export { DEFAULT_DEPARTMENTS, DEFAULT_DEPARTMENTS_2026_2030, departmentFor } from "./departments";
export type { DepartmentEntry } from "./departments";
export { CREDIT_ROOT, FUNDING_CATEGORIES, ROOT_SOURCES, toSourceNodes } from "./fundingCategories";
export type { FundingCategoryEntry } from "./fundingCategories";
export { HA_TINH, HA_TINH_EXTRA, HA_TINH_TARGETS } from "./haTinh";
export type { ProvinceInfo } from "./haTinh";
export { REGION_RULE, REGIONS, regionOfProvince } from "./regions";
export type { RegionEntry, RegionRule, RegionRuleFlag } from "./regions";
export type * from "./types";

export const CRITERIA_SETS: readonly CriteriaSet[] = [SET_2021_2025, SET_2026_2030];

/** Criteria a province adds to a national set. */
export const PROVINCIAL_EXTRAS: readonly ProvincialExtra[] = [HA_TINH_EXTRA];

export function isCriteriaSetId(id: string): id is CriteriaSetId {
  return CRITERIA_SETS.some((s) => s.id === id);
}

export function getCriteriaSet(id: CriteriaSetId): CriteriaSet {
  const set = CRITERIA_SETS.find((s) => s.id === id);
  if (!set) throw new Error(`Unknown criteria set: ${id}`);
  return set;
}

function extrasFor(setId: CriteriaSetId, provinceCode?: string): ProvincialExtra[] {
  if (provinceCode === undefined) return [];
  return PROVINCIAL_EXTRAS.filter((e) => e.setId === setId && e.provinceCode === provinceCode.trim());
}

/**
 * The indicators of a set plus the extras of `provinceCode`, as fresh copies, each with its default
 * lead department (the indicator's own override first, then its criterion's) unless it names one.
 */
export function catalogIndicators(setId: CriteriaSetId, provinceCode?: string): IndicatorDef[] {
  const all = [
    ...getCriteriaSet(setId).indicators,
    ...extrasFor(setId, provinceCode).flatMap((e) => e.indicators),
  ];
  return all.map((ind) => {
    const department = ind.department ?? departmentFor(ind.criterion, ind.code, setId)?.departmentVi;
    return {
      ...ind,
      thresholds: ind.thresholds.map((t) => ({ ...t })),
      ...(ind.derived ? { derived: { ...ind.derived } } : {}),
      ...(department !== undefined ? { department } : {}),
    };
  });
}

/** The criteria of a set plus the extras of `provinceCode`, as fresh copies. */
export function catalogCriteria(setId: CriteriaSetId, provinceCode?: string): CatalogCriterion[] {
  return [
    ...getCriteriaSet(setId).criteria,
    ...extrasFor(setId, provinceCode).flatMap((e) => e.criteria),
  ].map((c) => ({ ...c }));
}
