/**
 * Synthetic budget lines of a commune, in triệu đồng: a credit line (an outstanding balance, the
 * largest source as in every published mix) and a few works, each a typical mix of sources, plus
 * the actual lines (disbursed so far) for most of them.
 *
 * Magnitudes follow Hà Tĩnh's 2020 mix (funding.md §5.2 H1: 9,578 tỷ for about 180 communes, credit
 * ≈ 58%, direct state budget ≈ 18%, integrated ≈ 11%, people ≈ 10%, enterprises and other ≈ 3%).
 */
import type { CriterionCode, SourceCode } from "../../domain/types";
import type { Lang } from "../../i18n";
import { sampleStrings } from "../../i18n/strings/sample";
import type { BudgetLineRow } from "../../workbook/template";
import type { Rng } from "./random";

export type WorkKind = "roads" | "environment" | "schools" | "modelVillage" | "production" | "culture";

interface WorkTemplate {
  criterion: CriterionCode;
  programme: "ntm" | "nq44";
  /** Plan amount range of one line, triệu đồng. */
  range: [number, number];
  /** Typical share of each source in the line (they add up to 1). */
  mix: Record<SourceCode, number>;
}

export const WORKS: Record<WorkKind, WorkTemplate> = {
  roads: {
    criterion: "2",
    programme: "ntm",
    range: [11_000, 26_000],
    mix: {
      NSTW_DTPT: 0.18,
      NS_TINH: 0.1,
      NS_HUYEN: 0.08,
      NS_XA: 0.06,
      LG_KHAC: 0.24,
      ND_TIEN: 0.08,
      ND_HIENVAT: 0.18,
      DOANH_NGHIEP: 0.04,
      KHAC: 0.04,
    },
  },
  environment: {
    criterion: "17",
    programme: "ntm",
    range: [3_000, 8_500],
    mix: {
      NSTW_SN: 0.14,
      NS_TINH: 0.14,
      NS_HUYEN: 0.08,
      NS_XA: 0.05,
      LG_GNBV: 0.22,
      DOANH_NGHIEP: 0.07,
      ND_TIEN: 0.25,
      KHAC: 0.05,
    },
  },
  schools: {
    criterion: "5",
    programme: "ntm",
    range: [4_500, 12_000],
    mix: { NSTW_DTPT: 0.25, NS_HUYEN: 0.22, NS_XA: 0.05, LG_KHAC: 0.35, ND_TIEN: 0.08, KHAC: 0.05 },
  },
  modelVillage: {
    criterion: "20",
    programme: "nq44",
    range: [1_500, 4_000],
    mix: { NS_TINH: 0.25, NS_XA: 0.05, ND_TIEN: 0.25, ND_HIENVAT: 0.3, DOANH_NGHIEP: 0.05, KHAC: 0.1 },
  },
  production: {
    criterion: "13",
    programme: "ntm",
    range: [2_000, 7_000],
    mix: { NSTW_SN: 0.22, LG_GNBV: 0.2, LG_DTTS: 0.15, DOANH_NGHIEP: 0.28, ND_TIEN: 0.15 },
  },
  culture: {
    criterion: "6",
    programme: "ntm",
    range: [2_000, 5_000],
    mix: { NS_HUYEN: 0.2, NS_XA: 0.2, LG_KHAC: 0.1, ND_TIEN: 0.2, ND_HIENVAT: 0.2, KHAC: 0.1 },
  },
};

export const WORK_KINDS = Object.keys(WORKS) as WorkKind[];

/** Criterion → the work that puts money on it. */
export function workFor(criterion: CriterionCode): WorkKind | undefined {
  return WORK_KINDS.find((k) => WORKS[k].criterion === criterion);
}

export interface CommuneBudgetSpec {
  locality: string;
  localityName?: string;
  year: number;
  lang: Lang;
  works: readonly WorkKind[];
  /** Multiplies every amount (districts differ). */
  scale: number;
  /** Commune under the ethnic-minority programme (integrated money from 1719). */
  dbkk?: boolean;
  /** Share of plan lines that get an actual line. */
  actualShare?: number;
  /** Give the culture line as "state budget" alone, without the central/local split. */
  unsplitCulture?: boolean;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

function text(lang: Lang, key: string): string {
  return sampleStrings[key][lang === "vi" ? 0 : 1];
}

/** Splits `total` over a mix, each share jittered by ±30%, rounded to 0.1 triệu. */
function split(rng: Rng, total: number, mix: Record<SourceCode, number>): Record<SourceCode, number> {
  const raw = Object.entries(mix).map(([code, w]) => [code, w * rng.between(0.7, 1.3)] as const);
  const sum = raw.reduce((s, [, w]) => s + w, 0);
  const out: Record<SourceCode, number> = {};
  for (const [code, w] of raw) out[code] = round1((total * w) / sum);
  return out;
}

function sumOf(amounts: Record<SourceCode, number>): number {
  return Object.values(amounts).reduce((s, x) => s + x, 0);
}

/**
 * Plan lines (credit first, then the works) and actual lines for about `actualShare` of them, each
 * actual 72–100% of its plan.
 */
export function communeBudget(rng: Rng, spec: CommuneBudgetSpec): BudgetLineRow[] {
  const { lang } = spec;
  const base = {
    locality: spec.locality,
    ...(spec.localityName !== undefined ? { localityName: spec.localityName } : {}),
    year: spec.year,
  };
  const plans: BudgetLineRow[] = [];
  for (const kind of spec.works) {
    const w = WORKS[kind];
    const total = rng.between(w.range[0], w.range[1]) * spec.scale;
    let amounts = split(rng, total, w.mix);
    if (kind === "production" && !spec.dbkk) {
      amounts.LG_KHAC = round1((amounts.LG_KHAC ?? 0) + amounts.LG_DTTS);
      delete amounts.LG_DTTS;
    }
    let description = text(lang, `sample.budget.${kind}`);
    if (kind === "culture" && spec.unsplitCulture) {
      const { ND_TIEN, ND_HIENVAT, KHAC, LG_KHAC, ...state } = amounts;
      amounts = { NSNN: round1(sumOf(state)), LG_KHAC, ND_TIEN, ND_HIENVAT, KHAC };
      description = text(lang, "sample.budget.unsplit");
    }
    plans.push({
      ...base,
      kind: "plan",
      programme: text(lang, `sample.programme.${w.programme}`),
      criterion: w.criterion,
      description,
      amounts,
    });
  }
  const flows = plans.reduce((s, l) => s + sumOf(l.amounts), 0);
  const credit = flows * rng.between(1.2, 1.75);
  plans.unshift({
    ...base,
    kind: "plan",
    programme: text(lang, "sample.programme.credit"),
    description: text(lang, "sample.budget.credit"),
    amounts: split(rng, credit, { TD_CS: 0.35, TD_TM: 0.65 }),
  });

  const out: BudgetLineRow[] = [];
  const share = spec.actualShare ?? 0.9;
  for (const plan of plans) {
    out.push(plan);
    const unsplit = plan.amounts.NSNN !== undefined;
    if (unsplit || !rng.chance(share)) continue; // not disbursed yet
    const factor = rng.between(0.72, 1);
    const amounts: Record<SourceCode, number> = {};
    for (const [code, x] of Object.entries(plan.amounts)) amounts[code] = round1(x * factor);
    out.push({ ...plan, kind: "actual", amounts });
  }
  return out;
}
