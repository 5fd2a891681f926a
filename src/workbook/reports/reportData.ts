/**
 * What the reports need from a recalculation, computed once and in one pass over the localities:
 * departments (as named in the criteria sheet, matched without case or diacritics), the criteria and
 * indicators each leads, outcome counts per criterion and indicator, and the localities that do not
 * meet each led criterion with their failing indicators, nearest first. Linear in localities ×
 * led indicators; nothing is searched twice. Pure.
 */
import { applicableIndicators, criterionKey } from "../../domain/levelPlan";
import { foldText } from "../../domain/text";
import type {
  CriterionCode,
  CriterionDef,
  FundingResult,
  IndicatorDef,
  IndicatorResult,
  Level,
  LocalityResult,
  Outcome,
  Tier,
} from "../../domain/types";
import type { Lang } from "../../i18n";
import type { RecalcOutcome } from "../recalc";
import { compareCodes } from "../render/context";

export interface CriterionCounts {
  /** Localities of the criterion's level with a result for it. */
  total: number;
  met: number;
  notMet: number;
  /** Undecided: missing or invalid data, or no threshold. */
  unknown: number;
}

export interface FailingIndicator {
  def: IndicatorDef;
  result: IndicatorResult;
  /** Gap over the threshold (0.05 = 5% short); 1 for a pass/fail indicator that fails. */
  relativeGap: number;
}

/** A locality that does not meet a criterion. */
export interface UnmetRow {
  locality: LocalityResult;
  /** The district it is listed under (communes, when the province has districts). */
  district?: LocalityResult;
  /** Indicators of the criterion not met ("near" included), smallest relative gap first. */
  failing: FailingIndicator[];
  /** Indicators of the criterion without a decided outcome. */
  undecided: readonly IndicatorDef[];
  /** Sum of the failing indicators' relative gaps: how far the locality is from meeting the criterion. */
  distance: number;
  /** Money planned on the criterion for the locality; null when none is planned. */
  money: number | null;
  /** Sort keys: the district's and the locality's place in code order (computed once, compared as numbers). */
  districtRank: number;
  localityRank: number;
}

export interface CriterionInfo {
  /** Level and result key: unique. */
  id: string;
  /** Result key: "2", "NC.2", "H1". */
  key: CriterionCode;
  code: CriterionCode;
  tier: Tier;
  level: Level;
  nameVi: string;
  nameEn: string;
  /** Indicators of the criterion that apply in the year, in sheet order. */
  indicators: IndicatorDef[];
  /** Folded names of the departments leading any of its indicators. */
  departments: Set<string>;
  counts: CriterionCounts;
  /**
   * Localities whose criterion outcome is "notMet", each once: by district (code order, localities
   * without a district last), then nearest to meeting it first. Filled for led criteria only.
   */
  unmet: UnmetRow[];
}

export interface IndicatorStats {
  def: IndicatorDef;
  criterion: CriterionInfo;
  met: number;
  /** Not met or near. */
  notMet: number;
  unknown: number;
  /** Met, near or not met. */
  evaluated: number;
  /** met / evaluated; null when none is decided. */
  share: number | null;
}

export interface DepartmentInfo {
  /** Folded name: how departments are compared. */
  key: string;
  /** As first written in the criteria sheet. */
  name: string;
  indicators: IndicatorStats[];
  /** Criteria with at least one of its indicators and a locality to judge: by level, tier, then sheet order. */
  criteria: CriterionInfo[];
}

export interface ReportData {
  outcome: RecalcOutcome;
  lang: Lang;
  year: number;
  setId: string;
  provinceName: string;
  moneyUnit: string;
  sampleNote?: string;
  /** Every criterion of the indicators that apply, in report order. */
  criteria: CriterionInfo[];
  /** In the order the criteria sheet first names them. */
  departments: DepartmentInfo[];
  /** Indicators with no department. */
  unassigned: IndicatorDef[];
  /** Whether communes sit under districts. */
  hasDistricts: boolean;
  districts: Map<string, LocalityResult>;
  /** Department of an indicator, as the report names it ("" when none). */
  departmentName(def: IndicatorDef): string;
  /** Folded department of an indicator ("" when none), looked up, not recomputed. */
  departmentKeyOf(def: IndicatorDef): string;
}

const LEVEL_ORDER: Record<Level, number> = { commune: 0, district: 1, province: 2, village: 3 };
const TIER_ORDER: Record<Tier, number> = { ntm: 0, advanced: 1, model: 2, condition: 3 };
const FAILING: ReadonlySet<Outcome> = new Set<Outcome>(["notMet", "near"]);

/**
 * The department of an indicator, folded; "" when it has none (a cell without a letter or a digit,
 * such as "-" or "?", names no department).
 */
export function departmentKey(def: IndicatorDef): string {
  return def.department ? foldText(def.department) : "";
}

/** How far a failing indicator is from its threshold, relative to it: 0.05 = 5% short. */
export function relativeGap(r: IndicatorResult): number {
  if (typeof r.gap !== "number" || typeof r.threshold !== "number" || !Number.isFinite(r.gap)) return 1;
  const base = Math.abs(r.threshold);
  if (base === 0) return r.gap === 0 ? 0 : 1;
  return Math.abs(r.gap) / base;
}

function findCriterion(
  criteria: readonly CriterionDef[],
  code: string,
  tier: Tier,
  level: Level,
): CriterionDef | undefined {
  return (
    criteria.find((c) => c.code === code && c.tier === tier && c.level === level) ??
    criteria.find((c) => c.code === code && c.level === level) ??
    criteria.find((c) => c.code === code)
  );
}

const levelKey = (level: Level, code: string) => `${level}\u0000${code}`;

export function buildReportData(outcome: RecalcOutcome, lang: Lang): ReportData {
  const { result, read, settings } = outcome;
  const year = result.options.year;

  // ---- Indicators and criteria, in sheet order ----
  const seen = new Set<string>();
  const defs: IndicatorDef[] = [];
  for (const def of applicableIndicators(read.input.indicators, year)) {
    if (seen.has(def.code)) continue; // the engine evaluates the first definition of a code
    seen.add(def.code);
    defs.push(def);
  }
  const criteria = new Map<string, CriterionInfo & { first: number }>();
  const departments = new Map<string, DepartmentInfo>();
  const unassigned: IndicatorDef[] = [];
  const stats: IndicatorStats[] = [];
  const keys = new Map<IndicatorDef, string>();
  defs.forEach((def, i) => {
    const key = criterionKey(def.criterion, def.tier);
    const id = levelKey(def.level, key);
    let crit = criteria.get(id);
    if (!crit) {
      const cdef = findCriterion(read.input.criteria, def.criterion, def.tier, def.level);
      crit = {
        id,
        key,
        code: def.criterion,
        tier: def.tier,
        level: def.level,
        nameVi: cdef?.nameVi || def.criterion,
        nameEn: cdef?.nameEn || cdef?.nameVi || def.criterion,
        indicators: [],
        departments: new Set(),
        counts: { total: 0, met: 0, notMet: 0, unknown: 0 },
        unmet: [],
        first: i,
      };
      criteria.set(id, crit);
    }
    crit.indicators.push(def);
    const dept = departmentKey(def);
    keys.set(def, dept);
    if (dept === "") {
      unassigned.push(def);
      return;
    }
    crit.departments.add(dept);
    let info = departments.get(dept);
    if (!info) {
      info = { key: dept, name: def.department!.replace(/\s+/g, " ").trim(), indicators: [], criteria: [] };
      departments.set(dept, info);
    }
    const s: IndicatorStats = {
      def,
      criterion: crit,
      met: 0,
      notMet: 0,
      unknown: 0,
      evaluated: 0,
      share: null,
    };
    info.indicators.push(s);
    stats.push(s);
  });
  const ordered = [...criteria.values()].sort(
    (a, b) =>
      LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] ||
      TIER_ORDER[a.tier] - TIER_ORDER[b.tier] ||
      a.first - b.first,
  );
  for (const info of departments.values()) {
    const own = new Set(info.indicators.map((s) => s.criterion.id));
    info.criteria = ordered.filter((c) => own.has(c.id));
  }

  // ---- Lookups, once ----
  const districts = new Map<string, LocalityResult>();
  for (const l of result.localities)
    if (l.level === "district" && !districts.has(l.code)) districts.set(l.code, l);
  const funding = new Map<string, FundingResult>();
  for (const f of result.funding) {
    const k = levelKey(f.level, f.code);
    if (!funding.has(k)) funding.set(k, f);
  }
  const ledByLevel = new Map<Level, CriterionInfo[]>();
  for (const c of ordered) {
    if (c.departments.size === 0) continue;
    const list = ledByLevel.get(c.level) ?? [];
    list.push(c);
    ledByLevel.set(c.level, list);
  }
  const statsByLevel = new Map<Level, IndicatorStats[]>();
  for (const s of stats) {
    const list = statsByLevel.get(s.def.level) ?? [];
    list.push(s);
    statsByLevel.set(s.def.level, list);
  }
  // Code order as numbers, once: compareCodes inside a sort of 10,000 rows per criterion would dominate.
  const districtRank = new Map<string, number>();
  [...districts.keys()].sort(compareCodes).forEach((code, i) => districtRank.set(code, i));
  const localityRank = new Map<string, number>();
  result.localities
    .filter((l) => ledByLevel.has(l.level))
    .map((l) => levelKey(l.level, l.code))
    .sort(compareCodes)
    .forEach((k, i) => {
      if (!localityRank.has(k)) localityRank.set(k, i);
    });
  let hasDistricts = false;
  for (const l of result.localities) {
    if (l.level === "commune" && l.parent !== undefined && districts.has(l.parent)) {
      hasDistricts = true;
      break;
    }
  }

  // ---- One pass over the localities ----
  const done = new Set<string>();
  for (const loc of result.localities) {
    const led = ledByLevel.get(loc.level);
    if (!led) continue;
    const k = levelKey(loc.level, loc.code);
    if (done.has(k)) continue; // a duplicate code: the first result is the one shown everywhere
    done.add(k);
    const indicators = loc.indicators;
    for (const s of statsByLevel.get(loc.level) ?? []) {
      const r = indicators[s.def.code];
      if (!r) continue;
      if (r.outcome === "met") s.met++;
      else if (FAILING.has(r.outcome)) s.notMet++;
      else s.unknown++;
    }
    const outcomes = loc.criteria;
    const district =
      hasDistricts && loc.level === "commune" && loc.parent !== undefined
        ? districts.get(loc.parent)
        : undefined;
    for (const c of led) {
      const o = outcomes[c.key]?.outcome;
      if (o === undefined) continue;
      c.counts.total++;
      if (o === "met") c.counts.met++;
      else if (o === "unknown") c.counts.unknown++;
      else {
        c.counts.notMet++;
        const row = unmetRow(loc, c, indicators, district, funding.get(k));
        row.districtRank = district ? districtRank.get(district.code)! : Number.MAX_SAFE_INTEGER;
        row.localityRank = localityRank.get(k)!;
        c.unmet.push(row);
      }
    }
  }
  for (const s of stats) {
    s.evaluated = s.met + s.notMet;
    s.share = s.evaluated > 0 ? s.met / s.evaluated : null;
  }
  for (const c of ordered) if (c.unmet.length > 1) c.unmet.sort(compareUnmet);
  // A criterion no locality has (district criteria in a province without districts) is not reported.
  for (const info of departments.values()) {
    info.criteria = info.criteria.filter((c) => c.counts.total > 0);
    info.indicators = info.indicators.filter((s) => s.criterion.counts.total > 0);
  }

  const names = new Map<string, string>();
  for (const d of departments.values()) names.set(d.key, d.name);
  return {
    outcome,
    lang,
    year,
    setId: result.options.setId,
    provinceName: settings.province,
    moneyUnit: settings.currencyUnit,
    ...(settings.sampleNote ? { sampleNote: settings.sampleNote } : {}),
    criteria: ordered,
    departments: [...departments.values()],
    unassigned,
    hasDistricts,
    districts,
    departmentName: (def) => names.get(keys.get(def) ?? departmentKey(def)) ?? "",
    departmentKeyOf: (def) => keys.get(def) ?? departmentKey(def),
  };
}

/** Shared by the rows without undecided indicators (most of them): one array fewer per row. */
const NONE: readonly IndicatorDef[] = Object.freeze([]);

function unmetRow(
  locality: LocalityResult,
  c: CriterionInfo,
  indicators: Record<string, IndicatorResult>,
  district: LocalityResult | undefined,
  funding: FundingResult | undefined,
): UnmetRow {
  const failing: FailingIndicator[] = [];
  let undecided: IndicatorDef[] | undefined;
  for (const def of c.indicators) {
    const r = indicators[def.code];
    if (!r || r.outcome === "met") continue;
    if (FAILING.has(r.outcome)) failing.push({ def, result: r, relativeGap: relativeGap(r) });
    else (undecided ??= []).push(def);
  }
  // Stable: equal gaps keep the sheet order.
  failing.sort((a, b) => a.relativeGap - b.relativeGap);
  let distance = 0;
  for (const f of failing) distance += f.relativeGap;
  return {
    locality,
    ...(district ? { district } : {}),
    failing,
    undecided: undecided ?? NONE,
    distance,
    money: plannedMoney(funding, c),
    districtRank: 0,
    localityRank: 0,
  };
}

/** Money planned on the criterion: its result key, else its code (an advanced criterion's plan is its criterion's). */
function plannedMoney(f: FundingResult | undefined, c: CriterionInfo): number | null {
  if (!f) return null;
  const byCriterion = f.byCriterion;
  const amount = byCriterion[c.key] ?? (c.key !== c.code ? byCriterion[c.code] : undefined);
  return typeof amount === "number" && amount !== 0 ? amount : null;
}

/** District (code order, none last), then nearest first, fewer failing indicators, locality code. */
function compareUnmet(a: UnmetRow, b: UnmetRow): number {
  return (
    a.districtRank - b.districtRank ||
    a.distance - b.distance ||
    a.failing.length - b.failing.length ||
    a.localityRank - b.localityRank
  );
}
