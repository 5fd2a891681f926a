/**
 * A national-scale planning input for the benchmark: all 10,472 commune-level units of Vietnam
 * (GSO list of 01/11/2024) under their districts and 63 provinces, each province in its QĐ 318
 * region, every indicator of the 2021-2025 catalog with illustrative thresholds (BTB and TDMNPB as in
 * the sample, the BTB value for every other region), seeded values and 12 budget lines per commune.
 *
 * The same content is given two ways: as an EvaluationInput for the engine, and as TemplateOptions
 * for a workbook that `recalc` reads back.
 */
import { catalogCriteria, catalogIndicators, regionOfProvince, toSourceNodes } from "../src/catalog";
import { loadVietnamUnits } from "../src/catalog/units";
import type {
  BudgetLine,
  EvaluationInput,
  EvaluationOptions,
  IndicatorDef,
  Locality,
  RegionCode,
  Status,
} from "../src/domain/types";
import { communeBudget, WORK_KINDS } from "../src/cli/sample/budget";
import { applyOverrides, illustrativeOverrides } from "../src/cli/sample/illustrativeThresholds";
import { Rng, seedFor } from "../src/cli/sample/random";
import { ValueModel, type Miss, type SampleValue } from "../src/cli/sample/values";
import { parseRangeAddress, rangeAddress } from "../src/workbook/a1";
import { sheetName } from "../src/workbook/layout";
import type { SheetSpec } from "../src/workbook/sheetSpec";
import {
  HEADER_ROW,
  type BudgetLineRow,
  type LocalityRow,
  type TemplateOptions,
  type ThresholdOverride,
} from "../src/workbook/template";

export const YEAR = 2022;
const SEED = 2022;

/** National 2022 picture (criteria-2021-2025.md §9.2): ~73% NTM, ~12% advanced, ~1.4% model. */
const STATUS_SHARES: [Status, number][] = [
  ["none", 0.27],
  ["ntm", 0.6],
  ["advanced", 0.115],
  ["model", 0.015],
];

export interface NationalData {
  input: EvaluationInput;
  options: EvaluationOptions;
  /** Province rows beyond the first: the template takes one province row (see run.ts). */
  template: TemplateOptions;
  provinceRows: LocalityRow[];
  counts: { provinces: number; districts: number; communes: number; indicators: number; budgetLines: number };
}

/** The sample's illustrative overrides, with the BTB value also for every other region ("any"). */
export function nationalOverrides(): ThresholdOverride[] {
  return illustrativeOverrides("vi").map((o) => ({ ...o, values: { ...o.values, any: o.values.BTB } }));
}

function drawStatus(rng: Rng): Status {
  let x = rng.float();
  for (const [status, p] of STATUS_SHARES) {
    if (x < p) return status;
    x -= p;
  }
  return "ntm";
}

/** Input values as the reader builds them: one property at a time, in column order. */
function toInputs(values: Record<string, SampleValue>): Locality["values"] {
  const out: Locality["values"] = {};
  for (const [k, v] of Object.entries(values)) out[k] = { kind: "value", value: v };
  return out;
}

export function buildNational(): NationalData {
  const units = loadVietnamUnits();
  const overrides = nationalOverrides();
  const indicators: IndicatorDef[] = applyOverrides(catalogIndicators("2021-2025"), overrides);
  const criteria = catalogCriteria("2021-2025");
  const model = new ValueModel(indicators, YEAR);
  const missable = model
    .indicators("commune")
    .filter((d) => d.tier === "ntm" && !(d.dataCode ?? d.code).startsWith("@"))
    .map((d) => d.code);

  const localities: Locality[] = [];
  const provinceRows: LocalityRow[] = [];
  const districtRows: LocalityRow[] = [];
  const communeRows: LocalityRow[] = [];
  const lines: BudgetLineRow[] = [];
  const seenProvince = new Set<string>();
  const seenDistrict = new Set<string>();

  for (const u of units) {
    const region: RegionCode = regionOfProvince(u.province_code) ?? "BTB";
    if (!seenProvince.has(u.province_code)) {
      seenProvince.add(u.province_code);
      const values = model.locality(new Rng(seedFor(SEED, `p:${u.province_code}`)), "province", region);
      localities.push({
        code: u.province_code,
        name: u.province,
        level: "province",
        region,
        values: toInputs(values),
      });
      provinceRows.push({ code: u.province_code, name: u.province, values });
    }
    if (!seenDistrict.has(u.district_code)) {
      seenDistrict.add(u.district_code);
      const rng = new Rng(seedFor(SEED, `d:${u.district_code}`));
      const misses: Miss[] = rng.chance(0.5) ? [{ code: "H.5" }] : [];
      const values = model.locality(rng, "district", region, misses);
      const row = {
        code: u.district_code,
        name: u.district,
        parent: u.province_code,
        unitType: u.district_type,
      };
      localities.push({ ...row, level: "district", region, values: toInputs(values) });
      districtRows.push({ ...row, values });
    }

    const rng = new Rng(seedFor(SEED, `c:${u.commune_code}`));
    const dbkk = region === "TDMNPB" ? rng.chance(0.3) : rng.chance(0.03);
    const status = drawStatus(rng);
    const misses: Miss[] =
      status === "none"
        ? rng
            .shuffle(missable)
            .slice(0, rng.int(1, 8))
            .map((code) => ({ code, far: rng.chance(0.3) }))
        : [];
    const values = model.commune(rng, { dbkk }, region, { status, misses });
    const row = {
      code: u.commune_code,
      name: u.commune,
      parent: u.district_code,
      unitType: u.commune_type,
      region,
    };
    localities.push({ ...row, level: "commune", ...(dbkk ? { dbkk } : {}), values: toInputs(values) });
    communeRows.push({ ...row, ...(dbkk ? { dbkk } : {}), values });
    // 12 lines: credit and five works, each planned and disbursed.
    lines.push(
      ...communeBudget(rng, {
        locality: u.commune_code,
        localityName: u.commune,
        year: YEAR,
        lang: "vi",
        works: rng.shuffle(WORK_KINDS).slice(0, 5),
        scale: 1,
        dbkk,
        actualShare: 1,
      }),
    );
  }

  const budgetLines: BudgetLine[] = lines.map(({ localityName: _name, ...line }) => line);
  const first = provinceRows[0];
  return {
    input: { indicators, criteria, localities, targets: [], budgetLines, sources: toSourceNodes() },
    options: { setId: "2021-2025", year: YEAR, region: "BTB", nearMargin: 0.1, counterpartRatio: null },
    template: {
      setId: "2021-2025",
      year: YEAR,
      lang: "vi",
      provinceName: "Việt Nam (benchmark)",
      sampleNote: "DỮ LIỆU BENCHMARK – số liệu giả lập",
      thresholdOverrides: overrides,
      province: first,
      districts: districtRows,
      communes: communeRows,
      budgetLines: lines,
      targets: [
        { metric: "communeNtmShare", year: YEAR, value: 0.75 },
        { metric: "districtNtmShare", year: YEAR, value: 0.4 },
      ],
    },
    provinceRows: provinceRows.slice(1),
    counts: {
      provinces: provinceRows.length,
      districts: districtRows.length,
      communes: communeRows.length,
      indicators: indicators.length,
      budgetLines: lines.length,
    },
  };
}

/**
 * The template holds one province row (TemplateOptions.province); a national workbook needs all 63,
 * so the others are appended to the province sheet's table.
 */
export function appendProvinceRows(sheets: SheetSpec[], rows: LocalityRow[]): void {
  const spec = sheets.find((s) => s.name === sheetName("province", "vi"));
  if (!spec || !spec.table || rows.length === 0) throw new Error("no province sheet to extend");
  const width = spec.rows[HEADER_ROW].length;
  for (const r of rows) spec.rows.push([r.code, r.name, ...new Array(width - 2).fill(null)]);
  const range = parseRangeAddress(spec.table.range)!;
  spec.table.range = rangeAddress(range.start.row, range.start.col, spec.rows.length - 1, range.end.col);
}
