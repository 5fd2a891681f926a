/**
 * The embedded Hà Tĩnh sample: the demo workbook's full content for buildTemplate. Real units (the 13
 * district-level units and 182 xã of the GSO list of 01/11/2024, with their codes and names), synthetic
 * but plausible values, labelled as sample data on every sheet.
 *
 * The picture is Hà Tĩnh in 2022 (criteria-2021-2025.md §8-9): nearly every commune NTM, about a third
 * advanced, a dozen model communes, the last misses in Hương Khê (16/20 NTM in mid-2022) and Kỳ Anh,
 * the two districts not yet at standard. Where §9.1 names a commune's later recognition (model 2021-22,
 * advanced or model 2023-24, the last NTM communes of 2023) its 2022 status follows it; every other
 * choice is seeded. District statuses follow the districts' history loosely: Hương Khê and Kỳ Anh
 * (and the town of Kỳ Anh) are not NTM, the others are.
 *
 * Deliberate data problems, so the demo shows issue reporting:
 * 1. "#N/A" (a lookup that failed) in the water indicator 17.1 of one Hương Khê commune: reported as
 *    an Excel error value; the commune's NTM status is undecided.
 * 2. "chưa có số liệu" (no data yet) in the income column 10 of one Kỳ Anh commune: reported as not a
 *    number; the commune's status is undecided.
 * Plus one tolerance case that is NOT a problem: "87,5" typed as Vietnamese text in the percent column
 * 9.2 of one advanced commune reads as 87.5% without any issue.
 *
 * Pure and deterministic: a seeded generator, one stream per commune, no clock.
 */
import { catalogIndicators } from "../../catalog";
import { HA_TINH } from "../../catalog/haTinh";
import { loadHaTinhUnits2024, type HaTinhUnit } from "../../catalog/units";
import type { IndicatorCode, LocalityCode, Status } from "../../domain/types";
import type { Lang } from "../../i18n";
import { sampleStrings } from "../../i18n/strings/sample";
import { COMMUNE_TYPES, DISTRICT_TYPES } from "../../workbook/layout";
import type { BudgetLineRow, LocalityRow, TemplateOptions } from "../../workbook/template";
import { communeBudget, WORK_KINDS, workFor, type WorkKind } from "./budget";
import { applyOverrides, illustrativeOverrides } from "./illustrativeThresholds";
import { Rng, seedFor } from "./random";
import { ValueModel, type Miss, type SampleValue } from "./values";

export interface HaTinhSampleOptions {
  /** Evaluation year, 2022 to 2025 (income thresholds are keyed by year). Default 2022. */
  year?: number;
  lang?: Lang;
  seed?: number;
}

export const DEFAULT_SEED = 42;

export type SampleProblemKind = "excelError" | "notANumber" | "textNumber";

/** A value written on purpose where a planner's workbook would have it. */
export interface SampleProblem {
  kind: SampleProblemKind;
  commune: LocalityCode;
  dataCode: string;
  text: string;
}

export interface HaTinhSamplePlan {
  options: TemplateOptions;
  /** The status each commune's values are built to reach (before the deliberate problems). */
  intended: ReadonlyMap<LocalityCode, Status>;
  /** Indicators each commune below NTM misses on purpose. */
  misses: ReadonlyMap<LocalityCode, readonly Miss[]>;
  /** District-level units built to be NTM (or to complete the task). */
  ntmDistricts: ReadonlySet<LocalityCode>;
  problems: readonly SampleProblem[];
}

// ---------------------------------------------------------------- the story

interface DistrictProfile {
  /** Built to be NTM: all communes NTM, ≥ 10% advanced, townships civilised, satisfied residents, H.5 met. */
  ntm: boolean;
  /** Communes at least advanced (model included). */
  advanced: number;
  /** Communes below NTM besides those named in PINNED. */
  below?: number;
  /** The commune holding a deliberate data problem is drawn in this district. */
  problem?: "excelError" | "notANumber";
  /** The district's own criteria (H.5) met although it is not NTM. */
  ownCriteriaMet?: boolean;
}

/** By GSO district code (hatinh-units-2024-11.tsv). */
const DISTRICTS: Record<string, DistrictProfile> = {
  "436": { ntm: true, advanced: 3 }, // Thành phố Hà Tĩnh
  "437": { ntm: true, advanced: 1 }, // Thị xã Hồng Lĩnh
  "439": { ntm: true, advanced: 7 }, // Hương Sơn
  "440": { ntm: true, advanced: 6 }, // Đức Thọ
  "441": { ntm: true, advanced: 2 }, // Vũ Quang
  "442": { ntm: true, advanced: 6 }, // Nghi Xuân
  "443": { ntm: true, advanced: 8 }, // Can Lộc
  "444": { ntm: false, advanced: 2, below: 1, problem: "excelError" }, // Hương Khê
  "445": { ntm: true, advanced: 9 }, // Thạch Hà
  "446": { ntm: true, advanced: 8 }, // Cẩm Xuyên
  "447": { ntm: false, advanced: 3, below: 1, problem: "notANumber" }, // Kỳ Anh
  "448": { ntm: true, advanced: 3 }, // Lộc Hà
  "449": { ntm: false, advanced: 1, below: 1, ownCriteriaMet: true }, // Thị xã Kỳ Anh
};

/** Model communes in all (§9.1: 15 in Jan 2024, 3 of them recognised for 2023). */
const MODEL_COMMUNES = 13;

/**
 * 2022 statuses of communes §9.1 names (names without "Xã "): model by 2022 (Tượng Sơn 2021; Cẩm
 * Bình, Xuân Thành, Thiên Lộc, Thạch Hạ 2022); model in 2023-24, so advanced in 2022 (Cẩm Thành,
 * Thạch Đài, Thạch Châu, Mai Phụ, Xuân Phổ); advanced in 2023-24, so NTM in 2022 (Cẩm Quan, Kỳ Hải,
 * Đồng Môn, Thạch Liên, Xuân Hải, Xuân Yên, Xuân Mỹ); NTM only in the 2023 batch (Hà Linh, Điền Mỹ).
 */
const PINNED: Record<string, Status> = {
  "Tượng Sơn": "model",
  "Cẩm Bình": "model",
  "Xuân Thành": "model",
  "Thiên Lộc": "model",
  "Thạch Hạ": "model",
  "Cẩm Thành": "advanced",
  "Thạch Đài": "advanced",
  "Thạch Châu": "advanced",
  "Mai Phụ": "advanced",
  "Xuân Phổ": "advanced",
  "Cẩm Quan": "ntm",
  "Kỳ Hải": "ntm",
  "Đồng Môn": "ntm",
  "Thạch Liên": "ntm",
  "Xuân Hải": "ntm",
  "Xuân Yên": "ntm",
  "Xuân Mỹ": "ntm",
  "Hà Linh": "none",
  "Điền Mỹ": "none",
};

/** Mountain communes flagged especially disadvantaged (ĐBKK): they use the TDMNPB thresholds. */
const DBKK = new Set(["Hương Liên", "Hương Lâm", "Sơn Kim 1", "Sơn Kim 2", "Hương Minh"]);

/** The hardest indicators, where the last communes fall short (environment first, then income, poverty…). */
const HARD_ENVIRONMENT: IndicatorCode[] = ["17.1", "17.8", "17.11", "17.12", "17.6"];
const HARD_OTHER: IndicatorCode[] = ["10", "11", "14.3", "15.1", "13.1"];

const shortName = (u: HaTinhUnit): string => u.commune.replace(/^Xã\s+/, "");

function districtType(name: string, lang: Lang): string {
  const vi = DISTRICT_TYPES.vi;
  const i = Math.max(
    0,
    vi.findIndex((t) => name.startsWith(`${t} `)),
  );
  return DISTRICT_TYPES[lang][i];
}

function text(lang: Lang, key: string): string {
  return sampleStrings[key][lang === "vi" ? 0 : 1];
}

// ---------------------------------------------------------------- statuses

/** Intended status of every xã, district by district, and the communes that hold the problems. */
function assignStatuses(
  seed: number,
  units: readonly HaTinhUnit[],
): { status: Map<string, Status>; problems: Map<string, "excelError" | "notANumber"> } {
  const rng = new Rng(seedFor(seed, "statuses"));
  const status = new Map<string, Status>();
  const problems = new Map<string, "excelError" | "notANumber">();
  const modelCandidates: string[] = [];

  for (const [district, profile] of Object.entries(DISTRICTS)) {
    const communes = units.filter((u) => u.district_code === district);
    for (const u of communes) {
      const pinned = PINNED[shortName(u)];
      if (pinned) status.set(u.commune_code, pinned);
    }
    const free = () => rng.shuffle(communes.filter((u) => !status.has(u.commune_code)));
    for (const u of free().slice(0, profile.below ?? 0)) status.set(u.commune_code, "none");
    if (profile.problem) {
      const [u] = free();
      status.set(u.commune_code, "ntm");
      problems.set(u.commune_code, profile.problem);
    }
    const pinnedAdvanced = communes.filter((u) =>
      ["advanced", "model"].includes(status.get(u.commune_code)!),
    );
    const more = free().slice(0, Math.max(0, profile.advanced - pinnedAdvanced.length));
    for (const u of more) {
      status.set(u.commune_code, "advanced");
      if (profile.ntm) modelCandidates.push(u.commune_code);
    }
    for (const u of communes) if (!status.has(u.commune_code)) status.set(u.commune_code, "ntm");
  }

  const pinnedModels = [...status.values()].filter((s) => s === "model").length;
  for (const code of rng.shuffle(modelCandidates).slice(0, MODEL_COMMUNES - pinnedModels)) {
    status.set(code, "model");
  }
  return { status, problems };
}

/** 1–3 missed indicators of distinct criteria: one environment indicator, then income, poverty… */
function missesFor(rng: Rng): Miss[] {
  const misses: Miss[] = [{ code: rng.pick(HARD_ENVIRONMENT) }];
  for (const code of rng.shuffle(HARD_OTHER).slice(0, rng.int(0, 2)))
    misses.push({ code, far: rng.chance(0.2) });
  return misses;
}

// ---------------------------------------------------------------- the sample

export function planHaTinhSample(opts: HaTinhSampleOptions = {}): HaTinhSamplePlan {
  const year = opts.year ?? 2022;
  const lang = opts.lang ?? "vi";
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(year) || year < 2022 || year > 2025) {
    throw new RangeError(`The Hà Tĩnh sample covers 2022-2025 (income thresholds by year), not ${year}`);
  }

  const all = loadHaTinhUnits2024();
  const xa = all.filter((u) => u.commune_type === "Xã");
  const overrides = illustrativeOverrides(lang);
  const model = new ValueModel(applyOverrides(catalogIndicators("2021-2025", HA_TINH.code), overrides), year);
  const { status, problems: problemAt } = assignStatuses(seed, xa);

  // Communes.
  const misses = new Map<string, Miss[]>();
  const communes: LocalityRow[] = [];
  const problems: SampleProblem[] = [];
  let textNumberDone = false;
  for (const u of xa) {
    const rng = new Rng(seedFor(seed, `commune:${u.commune_code}`));
    const dbkk = DBKK.has(shortName(u));
    const intent = status.get(u.commune_code)!;
    const miss = intent === "none" ? missesFor(rng) : [];
    if (miss.length > 0) misses.set(u.commune_code, miss);
    const values: Record<string, SampleValue | string> = model.commune(rng, { dbkk }, HA_TINH.region, {
      status: intent,
      misses: miss,
    });

    const problem = problemAt.get(u.commune_code);
    if (problem === "excelError") {
      values["17.1"] = "#N/A";
      problems.push({ kind: problem, commune: u.commune_code, dataCode: "17.1", text: "#N/A" });
    } else if (problem === "notANumber") {
      values["10"] = "chưa có số liệu";
      problems.push({ kind: problem, commune: u.commune_code, dataCode: "10", text: "chưa có số liệu" });
    } else if (!textNumberDone && intent === "advanced" && !dbkk && u.district_code === "443") {
      // Typed as Vietnamese text; 87.5% meets the illustrative 85% for 9.2.
      values["9.2"] = "87,5";
      problems.push({ kind: "textNumber", commune: u.commune_code, dataCode: "9.2", text: "87,5" });
      textNumberDone = true;
    }
    communes.push({
      code: u.commune_code,
      name: u.commune,
      parent: u.district_code,
      unitType: COMMUNE_TYPES[lang][0],
      ...(dbkk ? { dbkk: true } : {}),
      values,
    });
  }

  // Districts: townships civilised (100% also where a district has none), satisfaction, district criteria.
  const ntmDistricts = new Set<string>();
  const districts: LocalityRow[] = [];
  for (const code of Object.keys(DISTRICTS)) {
    const unit = all.find((u) => u.district_code === code)!;
    const { ntm, ownCriteriaMet } = DISTRICTS[code];
    if (ntm) ntmDistricts.add(code);
    const rng = new Rng(seedFor(seed, `district:${code}`));
    const satisfaction = ntm ? round1(rng.between(91, 97.5)) : round1(rng.between(86, 89.5));
    districts.push({
      code,
      name: unit.district,
      parent: HA_TINH.code,
      unitType: districtType(unit.district, lang),
      values: { "H.3": 100, "H.4": satisfaction, "H.5": ntm || ownCriteriaMet === true },
    });
  }

  // Province: QĐ 321 requirements with data (the others are computed from districts and communes).
  const province: LocalityRow = {
    code: HA_TINH.code,
    name: HA_TINH.name,
    values: { "T.5": true, "T.6": 76.4, "T.7": 4.6, "T.8": 85.3 },
  };

  return {
    options: {
      setId: "2021-2025",
      provinceCode: HA_TINH.code,
      provinceName: HA_TINH.name,
      region: HA_TINH.region,
      year,
      lang,
      sampleNote: text(lang, "sample.note"),
      issuer: text(lang, "sample.issuer"),
      signerTitle: text(lang, "sample.signerTitle"),
      recipients: text(lang, "sample.recipients"),
      thresholdOverrides: overrides,
      province,
      districts,
      communes,
      budgetLines: budgetLines(seed, year, lang, xa, status, misses),
      // targets: left to buildTemplate, which fills Hà Tĩnh's seed targets for province 42.
    },
    intended: status,
    misses,
    ntmDistricts,
    problems,
  };
}

export function buildHaTinhSample(opts: HaTinhSampleOptions = {}): TemplateOptions {
  return planHaTinhSample(opts).options;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

// ---------------------------------------------------------------- money

/**
 * 2-4 plan lines a commune (credit and 1-3 works), actual lines for most of them. The amounts of
 * budget.ts put the province near Hà Tĩnh's 2020 total (funding.md H1: 9,578 tỷ, credit ≈ 58%).
 */
function budgetLines(
  seed: number,
  year: number,
  lang: Lang,
  xa: readonly HaTinhUnit[],
  status: ReadonlyMap<string, Status>,
  misses: ReadonlyMap<string, readonly Miss[]>,
): BudgetLineRow[] {
  const rng = new Rng(seedFor(seed, "budget"));
  const districtScale = new Map(Object.keys(DISTRICTS).map((d) => [d, rng.between(0.85, 1.15)]));
  const others = WORK_KINDS.filter((k) => k !== "roads");
  // One commune gives its cultural-house line as state budget alone (no central/local split).
  const unsplitAt = rng.pick(xa.filter((u) => status.get(u.commune_code) === "ntm")).commune_code;
  let fundNext = true;

  const lines: BudgetLineRow[] = [];
  for (const u of xa) {
    const r = new Rng(seedFor(seed, `budget:${u.commune_code}`));
    let works: WorkKind[] = [...(r.chance(0.85) ? ["roads" as const] : []), ...r.shuffle(others)];
    works = works.slice(0, r.int(1, 3));
    if (u.commune_code === unsplitAt && !works.includes("culture")) works = [...works.slice(0, 2), "culture"];

    // Communes below NTM: every other one has money on its first fundable unmet criterion, the rest
    // none on any unmet criterion (the "unmet without money" flag).
    const unmet = [...new Set((misses.get(u.commune_code) ?? []).map((m) => m.code.split(".")[0]))];
    const fundable = unmet.map(workFor).filter((k): k is WorkKind => k !== undefined);
    if (fundable.length > 0) {
      if (fundNext && !works.includes(fundable[0])) works = [...works.slice(0, 2), fundable[0]];
      if (!fundNext) works = works.filter((k) => !fundable.includes(k));
      if (works.length === 0) works = [WORK_KINDS.find((k) => !fundable.includes(k))!];
      fundNext = !fundNext;
    }

    lines.push(
      ...communeBudget(r, {
        locality: u.commune_code,
        localityName: u.commune,
        year,
        lang,
        works,
        scale: districtScale.get(u.district_code)!,
        dbkk: DBKK.has(shortName(u)),
        unsplitCulture: u.commune_code === unsplitAt,
      }),
    );
  }
  return lines;
}
