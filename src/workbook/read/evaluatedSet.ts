/**
 * Which indicators are evaluated, once the data sheets have been read:
 * - a criterion whose commune sheet carries its mark ("x", "Đạt") and none of its indicators' values
 *   is judged by the mark: one pass/fail indicator `TC.<n>` stands for the criterion;
 * - with no criteria sheet, the catalog's set for the period stands in, trimmed to what the workbook
 *   can be judged on: every national criterion of the NTM tier (one without data is unknown), and
 *   otherwise only what has data (a province's extra criterion, advanced or model rows, district and
 *   province requirements).
 * Pure.
 */
import { departmentFor } from "../../catalog/departments";
import type { CriteriaSetId, CriterionDef, IndicatorDef, Level } from "../../domain/types";
import { markDataCode } from "./localities";

export interface SetInput {
  mode: "workbook" | "catalog";
  setId: CriteriaSetId;
  indicators: IndicatorDef[];
  criteria: CriterionDef[];
  /** Data columns found, per level. */
  dataColumns: Record<Level, ReadonlySet<string>>;
  /** Criteria with a mark column on a commune sheet, and the sheet of the first. */
  marks: ReadonlyMap<string, string>;
}

export interface EvaluatedSet {
  indicators: IndicatorDef[];
  criteria: CriterionDef[];
  /** Criteria judged by their marks. */
  markedCriteria: string[];
  /** National criteria of the catalog's set with no data at all (unknown for every commune). */
  criteriaWithoutData: string[];
}

/** The pass/fail indicator that carries a criterion's mark. */
export function markIndicator(
  criterion: CriterionDef,
  setId: CriteriaSetId,
  sheet: string,
  department?: string,
): IndicatorDef {
  const dept = department ?? departmentFor(criterion.code, undefined, setId)?.departmentVi;
  return {
    code: markDataCode(criterion.code),
    criterion: criterion.code,
    nameVi: `Kết quả tiêu chí ${criterion.code} – ${criterion.nameVi}`,
    nameEn: `Criterion ${criterion.code} result – ${criterion.nameEn || criterion.nameVi}`,
    unit: "",
    kind: "boolean",
    comparator: "pass",
    level: "commune",
    tier: criterion.tier,
    thresholds: [{ value: true, confirmed: true }],
    source: `Kết quả tiêu chí ghi trên trang “${sheet}”`,
    confirmed: true,
    ...(dept ? { department: dept } : {}),
  };
}

const dataCodeOf = (d: IndicatorDef) => d.dataCode ?? d.code;
const hasData = (d: IndicatorDef, input: SetInput) =>
  dataCodeOf(d).startsWith("@") || input.dataColumns[d.level].has(dataCodeOf(d));

export function evaluatedSet(input: SetInput): EvaluatedSet {
  const { criteria } = input;
  const isCommuneNtm = (d: IndicatorDef, c: string) =>
    d.level === "commune" && d.tier === "ntm" && d.criterion === c;
  const markedCriteria: string[] = [];
  let indicators = input.indicators;
  const marks: IndicatorDef[] = [];
  for (const [code, sheet] of input.marks) {
    const crit = criteria.find((c) => c.code === code && c.level === "commune" && c.tier === "ntm");
    if (!crit) continue;
    const own = indicators.filter((d) => isCommuneNtm(d, code));
    // Values of the criterion's own indicators win: the mark is the planner's summary of them.
    if (own.some((d) => input.dataColumns.commune.has(dataCodeOf(d)))) continue;
    indicators = indicators.filter((d) => !isCommuneNtm(d, code));
    marks.push(markIndicator(crit, input.setId, sheet, own.find((d) => d.department)?.department));
    markedCriteria.push(code);
  }
  indicators = [...indicators, ...marks];

  const criteriaWithoutData: string[] = [];
  if (input.mode === "catalog") {
    const judged = new Set<string>();
    indicators = indicators.filter((d) => {
      const keep =
        d.code.startsWith("TC.") ||
        (d.level === "commune" && d.tier === "ntm" && nationalCriterion(criteria, d.criterion)) ||
        (hasData(d, input) && !dataCodeOf(d).startsWith("@"));
      if (keep && d.level === "commune" && (d.code.startsWith("TC.") || hasData(d, input)))
        judged.add(d.criterion);
      return keep;
    });
    for (const c of criteria)
      if (c.level === "commune" && c.tier === "ntm" && c.national && !judged.has(c.code))
        criteriaWithoutData.push(c.code);
  }
  const used = new Set(indicators.map((d) => `${d.level}|${d.criterion}`));
  return {
    indicators,
    criteria: input.mode === "catalog" ? criteria.filter((c) => used.has(`${c.level}|${c.code}`)) : criteria,
    markedCriteria,
    criteriaWithoutData,
  };
}

function nationalCriterion(criteria: readonly CriterionDef[], code: string): boolean {
  return criteria.some((c) => c.code === code && c.level === "commune" && c.tier === "ntm" && c.national);
}
