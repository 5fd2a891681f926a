/**
 * Catalog data types. The catalog only pre-fills a new template: the workbook's criteria sheet is
 * what gets evaluated. Every row carries its source and whether it is confirmed.
 */
import type {
  CriteriaSetId,
  CriterionCode,
  CriterionDef,
  IndicatorDef,
  Level,
  MetricKey,
  RegionCode,
  SourceCode,
} from "../domain/types";

export interface Sourced {
  /** Decision number, article and/or URL. */
  source: string;
  confirmed: boolean;
  /** Why a value is missing or unconfirmed, proxies seen elsewhere, things to check. */
  note?: string;
}

export interface CatalogCriterion extends CriterionDef, Sourced {}

export interface CriteriaSet {
  id: CriteriaSetId;
  nameVi: string;
  nameEn: string;
  source: string;
  /** Which scopes thresholds are given for: regions (2021-2025) or commune groups (2026-2030). */
  thresholdScope: "region" | "group";
  levels: Level[];
  criteria: CatalogCriterion[];
  indicators: IndicatorDef[];
}

/** Criteria a province adds to the national set (e.g. Hà Tĩnh's criterion 20). */
export interface ProvincialExtra {
  provinceCode: string;
  setId: CriteriaSetId;
  criteria: CatalogCriterion[];
  indicators: IndicatorDef[];
}

export interface RegionDef extends Sourced {
  code: RegionCode;
  nameVi: string;
  nameEn: string;
  /** GSO province codes (2024 list) in the region. */
  provinceCodes: string[];
}

export interface FundingCategory extends Sourced {
  code: SourceCode;
  parent?: SourceCode;
  nameVi: string;
  nameEn: string;
  /** Lower-case Vietnamese aliases used to recognise headers (matched without diacritics). */
  aliases: string[];
  /**
   * Short names a form writes under its parent's header ("Trung ương" and "Tỉnh" under "Ngân sách
   * nhà nước", "Đầu tư phát triển" under "Trung ương"): matched only within the parent's group.
   */
  partNames?: string[];
  /** Credit is usually an outstanding balance (a stock), not a flow. */
  stock?: boolean;
}

export interface DepartmentAssignment extends Sourced {
  criterion: CriterionCode;
  /** Set when one indicator of the criterion has a different lead (e.g. 14.3). */
  indicator?: string;
  departmentVi: string;
  departmentEn: string;
}

export interface SeedTarget extends Sourced {
  metric: MetricKey;
  year: number;
  value: number;
  comparator: ">=" | "<=";
  noteVi: string;
  noteEn: string;
}
