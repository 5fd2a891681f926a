/**
 * What every result sheet needs to know, computed once per render: lookups by code, the column order
 * of criteria per level, the communes in display order. Pure.
 */
import { applicableIndicators, criterionKey } from "../../domain/levelPlan";
import type {
  CriterionCode,
  EvaluationInput,
  EvaluationResult,
  IndicatorDef,
  Level,
  Locality,
  LocalityResult,
  Tier,
} from "../../domain/types";
import type { Lang } from "../../i18n";
import type { TitleInfo } from "./sheet";

export interface RenderOptions {
  lang: Lang;
  provinceName: string;
  currencyUnit: string;
  sampleNote?: string;
}

/** A criterion as a column: its result key ("2", "NC.2", "KM", "H1"), code, tier and names. */
export interface CriterionColumn {
  key: CriterionCode;
  code: CriterionCode;
  tier: Tier;
  nameVi: string;
  nameEn: string;
}

export interface RenderContext extends RenderOptions {
  result: EvaluationResult;
  input: EvaluationInput;
  title: TitleInfo;
  /** Indicator definitions that apply in the evaluation year (first definition of a code wins). */
  indicators: Map<string, IndicatorDef>;
  /** Position of each indicator in the criteria sheet. */
  indicatorOrder: Map<string, number>;
  /** Communes sorted by district code, then commune code. */
  communes: LocalityResult[];
  /** Districts sorted by code. */
  districts: LocalityResult[];
  province: LocalityResult | undefined;
  /** Whether any commune sits under a district (false for the 2026-2030 two-tier layout). */
  hasDistricts: boolean;
  resultOf(level: Level, code: string): LocalityResult | undefined;
  inputOf(level: Level, code: string): Locality | undefined;
  /** The district a commune belongs to, if any. */
  districtOf(commune: LocalityResult): LocalityResult | undefined;
  /** The name of a locality by code, trying the levels from province down; "" when unknown. */
  nameOf(code: string, level?: Level): string;
  /** Criteria columns of a level: NTM tier first, then advanced, model and conditions. */
  criteriaColumns(level: Level): CriterionColumn[];
  /** Vietnamese or English name of a definition, by `lang`. */
  nameIn(def: { nameVi: string; nameEn: string }): string;
}

const DIGITS = /^\d/;
const CHUNKS = /\d+|\D+/g;

/**
 * Natural order of codes: digit runs compare as numbers ("2.1" < "10" < "NC.2"), the rest by code
 * point, so the order is the same on every machine.
 */
export function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  const ta = a.match(CHUNKS) ?? [];
  const tb = b.match(CHUNKS) ?? [];
  const n = Math.min(ta.length, tb.length);
  for (let i = 0; i < n; i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === y) continue;
    if (DIGITS.test(x) && DIGITS.test(y)) {
      const nx = x.replace(/^0+(?=\d)/, "");
      const ny = y.replace(/^0+(?=\d)/, "");
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      if (x.length !== y.length) return x.length - y.length;
      continue;
    }
    return x < y ? -1 : 1;
  }
  if (ta.length !== tb.length) return ta.length - tb.length;
  return a < b ? -1 : 1;
}

/** Code-point order, the same on every machine (no locale). */
export function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

const LEVEL_ORDER: Record<Level, number> = { province: 0, district: 1, commune: 2, village: 3 };

export function compareLevels(a: Level, b: Level): number {
  return LEVEL_ORDER[a] - LEVEL_ORDER[b];
}

function levelKey(level: Level, code: string): string {
  return `${level}\u0000${code}`;
}

export function buildContext(
  result: EvaluationResult,
  input: EvaluationInput,
  opts: RenderOptions,
): RenderContext {
  const { lang } = opts;
  const year = result.options.year;

  const indicators = new Map<string, IndicatorDef>();
  const indicatorOrder = new Map<string, number>();
  for (const def of applicableIndicators(input.indicators, year)) {
    if (indicators.has(def.code)) continue;
    indicatorOrder.set(def.code, indicators.size);
    indicators.set(def.code, def);
  }

  const results = new Map<string, LocalityResult>();
  for (const r of result.localities) {
    const k = levelKey(r.level, r.code);
    if (!results.has(k)) results.set(k, r);
  }
  const inputs = new Map<string, Locality>();
  for (const l of input.localities) {
    const k = levelKey(l.level, l.code);
    if (!inputs.has(k)) inputs.set(k, l);
  }
  const resultOf = (level: Level, code: string) => results.get(levelKey(level, code));
  const inputOf = (level: Level, code: string) => inputs.get(levelKey(level, code));
  const districtOf = (c: LocalityResult) =>
    c.parent === undefined ? undefined : resultOf("district", c.parent);

  const byCode = (a: LocalityResult, b: LocalityResult) =>
    compareCodes(a.code, b.code) || compareText(a.name, b.name);
  const districts = result.localities.filter((r) => r.level === "district").sort(byCode);
  const communeList = result.localities.filter((r) => r.level === "commune");
  const districtCode = new Map<LocalityResult, string>();
  for (const c of communeList) districtCode.set(c, districtOf(c)?.code ?? "");
  const communes = communeList.sort(
    (a, b) => compareCodes(districtCode.get(a) ?? "", districtCode.get(b) ?? "") || byCode(a, b),
  );
  const hasDistricts = communes.some((c) => districtCode.get(c) !== "");
  const province = result.localities.find((r) => r.level === "province");

  const nameOf = (code: string, level?: Level): string => {
    const levels: Level[] = level ? [level] : ["province", "district", "commune", "village"];
    for (const l of levels) {
      const r = resultOf(l, code) ?? inputOf(l, code);
      if (r) return r.name;
    }
    return "";
  };

  const columnCache = new Map<Level, CriterionColumn[]>();
  const criteriaColumns = (level: Level): CriterionColumn[] => {
    const cached = columnCache.get(level);
    if (cached) return cached;
    const byKey = new Map<string, CriterionColumn>();
    for (const def of indicators.values()) {
      if (def.level !== level) continue;
      const key = criterionKey(def.criterion, def.tier);
      if (byKey.has(key)) continue;
      const cdef =
        input.criteria.find((c) => c.code === def.criterion && c.tier === def.tier && c.level === level) ??
        input.criteria.find((c) => c.code === def.criterion && c.level === level) ??
        input.criteria.find((c) => c.code === def.criterion);
      byKey.set(key, {
        key,
        code: def.criterion,
        tier: def.tier,
        nameVi: cdef?.nameVi ?? def.criterion,
        nameEn: cdef?.nameEn ?? def.criterion,
      });
    }
    // Criteria present in results but not in the sheet (defensive): after the others, in code order.
    const extra = new Map<string, Tier>();
    for (const r of result.localities) {
      if (r.level !== level) continue;
      for (const c of Object.values(r.criteria))
        if (!byKey.has(c.code) && !extra.has(c.code)) extra.set(c.code, c.tier);
    }
    for (const key of [...extra.keys()].sort(compareCodes)) {
      const tier = extra.get(key) as Tier;
      byKey.set(key, { key, code: key, tier, nameVi: key, nameEn: key });
    }
    const all = [...byKey.values()];
    const ordered = TIERS_IN_COLUMN_ORDER.flatMap((tier) => all.filter((c) => c.tier === tier));
    columnCache.set(level, ordered);
    return ordered;
  };

  const nameIn = (def: { nameVi: string; nameEn: string }) =>
    lang === "en" && def.nameEn ? def.nameEn : def.nameVi;

  return {
    ...opts,
    result,
    input,
    title: {
      lang,
      provinceName: opts.provinceName,
      year,
      setId: result.options.setId,
      sampleNote: opts.sampleNote,
    },
    indicators,
    indicatorOrder,
    communes,
    districts,
    province,
    hasDistricts,
    resultOf,
    inputOf,
    districtOf,
    nameOf,
    criteriaColumns,
    nameIn,
  };
}

/** NTM criteria, then advanced, model, and the recognition conditions (the brief's column order). */
const TIERS_IN_COLUMN_ORDER: readonly Tier[] = ["ntm", "advanced", "model", "condition"];
