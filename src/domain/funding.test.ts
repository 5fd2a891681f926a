import fc from "fast-check";
import { fundingStrings } from "../i18n/strings/funding";
import {
  compareCodes,
  computeFunding,
  FUNDING_ISSUE_CODES,
  type FundingInput,
  type FundingOutput,
} from "./funding";
import type { BudgetLine, FundingResult, Locality, SourceNode } from "./types";

// The funding-category tree of funding.md §7 (21 codes), listed children-first on purpose: the engine
// must not depend on the order of `sources`.
const SOURCES: SourceNode[] = [
  { code: "NSTW_DTPT", parent: "NSTW" },
  { code: "NSTW_SN", parent: "NSTW" },
  { code: "NSTW_NN", parent: "NSTW" },
  { code: "NS_TINH", parent: "NSDP" },
  { code: "NS_HUYEN", parent: "NSDP" },
  { code: "NS_XA", parent: "NSDP" },
  { code: "NSNN" },
  { code: "NSTW", parent: "NSNN" },
  { code: "NSDP", parent: "NSNN" },
  { code: "LONG_GHEP" },
  { code: "LG_GNBV", parent: "LONG_GHEP" },
  { code: "LG_DTTS", parent: "LONG_GHEP" },
  { code: "LG_KHAC", parent: "LONG_GHEP" },
  { code: "TIN_DUNG", stock: true },
  { code: "TD_CS", parent: "TIN_DUNG" },
  { code: "TD_TM", parent: "TIN_DUNG" },
  { code: "DOANH_NGHIEP" },
  { code: "NHAN_DAN" },
  { code: "ND_TIEN", parent: "NHAN_DAN" },
  { code: "ND_HIENVAT", parent: "NHAN_DAN" },
  { code: "KHAC" },
];
const CODES = SOURCES.map((s) => s.code);
const ROOTS = ["NSNN", "LONG_GHEP", "TIN_DUNG", "DOANH_NGHIEP", "NHAN_DAN", "KHAC"];
const CREDIT = new Set(["TIN_DUNG", "TD_CS", "TD_TM"]);
const CHILDREN: Record<string, string[]> = {};
for (const s of SOURCES) if (s.parent) (CHILDREN[s.parent] ??= []).push(s.code);
const LEAVES = CODES.filter((c) => !CHILDREN[c]);

type Loc = Pick<Locality, "code" | "level" | "parent">;

// Hà Tĩnh → Hương Khê (436) → two communes, one with a village; Vũ Quang (437) → one commune.
const HA_TINH: Loc[] = [
  { code: "42", level: "province" },
  { code: "436", level: "district", parent: "42" },
  { code: "18343", level: "commune", parent: "436" },
  { code: "18346", level: "commune", parent: "436" },
  { code: "V1", level: "village", parent: "18343" },
  { code: "437", level: "district", parent: "42" },
  { code: "18400", level: "commune", parent: "437" },
];

function line(
  locality: string,
  amounts: Record<string, number>,
  extra: Partial<BudgetLine> = {},
): BudgetLine {
  return { locality, kind: "plan", amounts, ...extra };
}

function run(lines: BudgetLine[], overrides: Partial<FundingInput> = {}): FundingOutput {
  return computeFunding({
    lines,
    sources: SOURCES,
    localities: HA_TINH,
    year: 2024,
    counterpartRatio: null,
    unmet: new Map(),
    ...overrides,
  });
}

function resultOf(out: FundingOutput, code: string): FundingResult {
  const r = out.results.find((x) => x.code === code);
  if (!r) throw new Error(`no result for ${code}`);
  return r;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const rootShareSum = (shares: Record<string, number>) => sum(ROOTS.map((c) => shares[c] ?? 0));

describe("computeFunding: normalising a line over the source tree", () => {
  it("keeps a parent given alone (state budget without the central/local split)", () => {
    const r = resultOf(run([line("18343", { NSNN: 100, NHAN_DAN: 50 })]), "18343");
    expect(r.bySource).toEqual({ NSNN: 100, NHAN_DAN: 50 });
    expect(r.total).toBe(150);
  });

  it("derives NSNN from NSTW + NSDP and NSTW from its investment and recurrent parts", () => {
    const r = resultOf(run([line("18343", { NSTW_DTPT: 30, NSTW_SN: 10, NS_XA: 20 })]), "18343");
    expect(r.bySource).toEqual({ NSNN: 60, NSTW: 40, NSTW_DTPT: 30, NSTW_SN: 10, NSDP: 20, NS_XA: 20 });
    expect(r.total).toBe(60);
  });

  it("uses the children's sum without a warning when the parent differs by at most 0.5%", () => {
    const out = run([line("18343", { NSNN: 100.4, NSTW: 60, NSDP: 40 })]);
    expect(resultOf(out, "18343").bySource.NSNN).toBe(100);
    expect(out.issues).toEqual([]);
  });

  it("tolerates 0.01 absolute on small parents (1.005 given, children 1.0)", () => {
    const out = run([line("18343", { NHAN_DAN: 1.005, ND_TIEN: 0.6, ND_HIENVAT: 0.4 })]);
    expect(out.issues).toEqual([]);
    expect(resultOf(out, "18343").bySource.NHAN_DAN).toBe(1);
  });

  it("warns FUNDING_PARENT_MISMATCH at the parent's own cell and uses the children's sum", () => {
    const out = run([
      line(
        "18343",
        { NSNN: 120, NSTW: 60, NSDP: 40 },
        { ref: { sheet: "Kinh phí", cell: "A7" }, cells: { NSNN: { sheet: "Kinh phí", cell: "F7" } } },
      ),
    ]);
    expect(out.issues).toEqual([
      {
        severity: "warning",
        code: "FUNDING_PARENT_MISMATCH",
        sheet: "Kinh phí",
        cell: "F7",
        params: { code: "NSNN", given: 120, sum: 100 },
      },
    ]);
    expect(resultOf(out, "18343").total).toBe(100);
  });

  it("names the line's first cell when the parent's cell is unknown", () => {
    const out = run([
      line("18343", { NHAN_DAN: 1, ND_TIEN: 1.02 }, { ref: { sheet: "Kinh phí", cell: "A9" } }),
    ]);
    expect(out.issues.map((i) => [i.code, i.cell, i.params])).toEqual([
      ["FUNDING_PARENT_MISMATCH", "A9", { code: "NHAN_DAN", given: 1, sum: 1.02 }],
    ]);
  });

  it("reports a negative amount as an error at its cell and ignores it", () => {
    const out = run([
      line(
        "18343",
        { NSTW: -5, NSDP: 10, NSNN: 10 },
        { ref: { sheet: "KP", cell: "A3" }, cells: { NSTW: { sheet: "KP", cell: "G3" } } },
      ),
    ]);
    expect(out.issues).toEqual([
      {
        severity: "error",
        code: "FUNDING_NEGATIVE",
        sheet: "KP",
        cell: "G3",
        params: { code: "NSTW", value: -5 },
      },
    ]);
    expect(resultOf(out, "18343").bySource).toEqual({ NSNN: 10, NSDP: 10 });
  });

  it("reports an amount that is not a number and a source outside the tree, ignoring both", () => {
    const out = run([line("18343", { NSDP: NaN, XYZ: 7, KHAC: 3 }, { ref: { sheet: "KP", cell: "A4" } })]);
    expect(out.issues.map((i) => [i.severity, i.code, i.params])).toEqual([
      ["error", "FUNDING_NOT_A_NUMBER", { code: "NSDP" }],
      ["warning", "FUNDING_UNKNOWN_SOURCE", { code: "XYZ" }],
    ]);
    expect(resultOf(out, "18343").bySource).toEqual({ KHAC: 3 });
  });

  it("skips a line for an unknown locality with a warning at its first cell", () => {
    const out = run([line("99999", { NSNN: 5 }, { ref: { sheet: "KP", cell: "A12" } })]);
    expect(out.issues).toEqual([
      {
        severity: "warning",
        code: "FUNDING_UNKNOWN_LOCALITY",
        sheet: "KP",
        cell: "A12",
        params: { code: "99999" },
      },
    ]);
    expect(resultOf(out, "42").total).toBe(0);
  });

  it("counts lines of the evaluation year and lines without a year, and nothing else", () => {
    const out = run([
      line("18343", { KHAC: 1 }, { year: 2024 }),
      line("18343", { KHAC: 10 }),
      line("18343", { KHAC: 100, NSNN: -1 }, { year: 2023 }),
    ]);
    expect(resultOf(out, "18343").total).toBe(11);
    expect(out.issues).toEqual([]);
  });
});

describe("computeFunding: mixes", () => {
  it("computes shares over every node and the credit-free shares without any credit code", () => {
    const r = resultOf(
      run([line("18343", { NSTW: 20, NSDP: 20, TD_CS: 40, TD_TM: 10, NHAN_DAN: 10 })]),
      "18343",
    );
    expect(r.total).toBe(100);
    expect(r.shares).toEqual({
      NSNN: 0.4,
      NSTW: 0.2,
      NSDP: 0.2,
      TIN_DUNG: 0.5,
      TD_CS: 0.4,
      TD_TM: 0.1,
      NHAN_DAN: 0.1,
    });
    expect(r.sharesExcludingCredit).toEqual({ NSNN: 0.8, NSTW: 0.4, NSDP: 0.4, NHAN_DAN: 0.2 });
  });

  it("always reports the province, with empty shares and no disbursement rate when nothing is planned", () => {
    const out = run([]);
    // Through JSON: the records are built on read (prototype getters listed by toJSON).
    expect(JSON.parse(JSON.stringify(out.results))).toEqual([
      {
        code: "42",
        level: "province",
        total: 0,
        bySource: {},
        shares: {},
        sharesExcludingCredit: {},
        actual: { total: 0, bySource: {}, shares: {}, sharesExcludingCredit: {} },
        disbursementRate: null,
        byCriterion: {},
      },
    ]);
  });

  it("gives the credit-free mix nothing when all the money is credit", () => {
    const r = resultOf(run([line("18343", { TIN_DUNG: 100 })]), "18343");
    expect(r.shares).toEqual({ TIN_DUNG: 1 });
    expect(r.sharesExcludingCredit).toEqual({});
  });

  it("describes the plan at the top level, the actual lines in `actual`, and their ratio", () => {
    const r = resultOf(
      run([
        line("18343", { NSTW: 80, NSDP: 20 }),
        line("18343", { NSTW: 30, NS_XA: 10 }, { kind: "actual" }),
      ]),
      "18343",
    );
    expect(r.total).toBe(100);
    expect(r.actual.total).toBe(40);
    expect(r.actual.bySource).toEqual({ NSNN: 40, NSTW: 30, NSDP: 10, NS_XA: 10 });
    expect(r.actual.shares.NSTW).toBe(0.75);
    expect(r.disbursementRate).toBe(0.4);
  });

  it("reports spending without a plan with a null disbursement rate", () => {
    const r = resultOf(run([line("18343", { KHAC: 5 }, { kind: "actual" })]), "18343");
    expect(r.total).toBe(0);
    expect(r.actual.total).toBe(5);
    expect(r.disbursementRate).toBeNull();
  });

  it("keeps credit-free shares summing to 1 when a stock source sits under a flow source", () => {
    const sources: SourceNode[] = [
      { code: "A" },
      { code: "A1", parent: "A" },
      { code: "A2", parent: "A", stock: true },
      { code: "B" },
    ];
    const r = resultOf(run([line("18343", { A1: 30, A2: 50, B: 20 })], { sources }), "18343");
    expect(r.shares).toEqual({ A: 0.8, A1: 0.3, A2: 0.5, B: 0.2 });
    expect(r.sharesExcludingCredit).toEqual({ A: 0.6, A1: 0.6, B: 0.4 });
  });
});

describe("computeFunding: roll-up over the locality tree", () => {
  const lines = [
    line("42", { NS_TINH: 1000 }, { criterion: "17" }),
    line("436", { NS_HUYEN: 100 }, { criterion: "2" }),
    line("18343", { NSTW_DTPT: 50, NS_XA: 5 }, { criterion: "2" }),
    line("V1", { ND_HIENVAT: 3 }, { criterion: "2" }),
    line("18346", { NSTW_SN: 7 }, { criterion: "10" }),
    line("18346", { KHAC: 2 }),
    line("18346", { KHAC: 9 }, { kind: "actual", criterion: "5" }),
  ];

  it("sums a district's own lines with its communes' and their villages' lines", () => {
    const out = run(lines);
    expect(resultOf(out, "18343").bySource).toEqual({
      NSNN: 55,
      NSTW: 50,
      NSTW_DTPT: 50,
      NSDP: 5,
      NS_XA: 5,
      NHAN_DAN: 3,
      ND_HIENVAT: 3,
    });
    const district = resultOf(out, "436");
    expect(district.total).toBe(100 + 58 + 9);
    expect(district.bySource.NSDP).toBe(105);
    expect(district.actual.total).toBe(9);
    expect(resultOf(out, "42").total).toBe(1000 + 167);
  });

  it("lists results in the order of the localities, only where there is money, provinces always", () => {
    expect(run(lines).results.map((r) => `${r.level}:${r.code}`)).toEqual([
      "province:42",
      "district:436",
      "commune:18343",
      "commune:18346",
      "village:V1",
    ]);
  });

  it("rolls plan money per criterion up the tree, in natural code order, ignoring actual lines and lines without a criterion", () => {
    const out = run(lines);
    expect(resultOf(out, "18343").byCriterion).toEqual({ "2": 58 });
    expect(resultOf(out, "18346").byCriterion).toEqual({ "10": 7 });
    const province = resultOf(out, "42");
    expect(province.byCriterion).toEqual({ "2": 158, "10": 7, "17": 1000 });
    expect(Object.keys(province.byCriterion)).toEqual(["2", "10", "17"]);
  });

  it("hangs communes directly under the province when there are no districts (after 1/7/2025)", () => {
    const localities: Loc[] = [
      { code: "42", level: "province" },
      { code: "18343", level: "commune", parent: "42" },
      { code: "18346", level: "commune", parent: "42" },
    ];
    const out = run([line("18343", { NS_TINH: 4 }), line("18346", { NS_XA: 6 })], { localities });
    expect(resultOf(out, "42").bySource).toEqual({ NSNN: 10, NSDP: 10, NS_TINH: 4, NS_XA: 6 });
  });

  it("routes a code used at two levels to its first locality, warns once, and resolves parents to the nearest higher level", () => {
    const localities: Loc[] = [
      { code: "1", level: "province" },
      { code: "1", level: "district", parent: "1" },
      { code: "1", level: "commune", parent: "1" },
    ];
    const out = run([line("1", { KHAC: 1 }, { ref: { sheet: "KP", cell: "A2" } }), line("1", { KHAC: 2 })], {
      localities,
    });
    expect(out.results.map((r) => [r.level, r.total])).toEqual([["province", 3]]);
    expect(out.issues.map((i) => [i.code, i.cell, i.params])).toEqual([
      ["FUNDING_AMBIGUOUS_LOCALITY", "A2", { code: "1", level: "province" }],
    ]);
    const lower = run([line("1", { KHAC: 1 })], {
      localities: [localities[2], localities[1], localities[0]],
    });
    expect(lower.results.map((r) => [r.level, r.total])).toEqual([
      ["commune", 1],
      ["district", 1],
      ["province", 1],
    ]);
  });

  it("cuts a cycle in the parents at its first locality instead of looping", () => {
    const localities: Loc[] = [
      { code: "42", level: "province" },
      { code: "A", level: "commune", parent: "B" },
      { code: "B", level: "commune", parent: "A" },
    ];
    const out = run([line("A", { KHAC: 1 }), line("B", { KHAC: 2 })], { localities });
    expect(out.results.map((r) => [r.code, r.total])).toEqual([
      ["42", 0],
      ["A", 3],
      ["B", 2],
    ]);
  });
});

describe("computeFunding: flags", () => {
  it("flags an unmet criterion with no planned money under the locality, counting villages below it", () => {
    const unmet = new Map([
      ["18343", ["2", "17", "2"]],
      ["18400", ["5"]],
      ["436", ["5"]],
    ]);
    const out = run(
      [
        line("V1", { NHAN_DAN: 3 }, { criterion: "2" }),
        line("18343", { KHAC: 9 }, { kind: "actual", criterion: "17" }),
        line("436", { KHAC: 1 }),
      ],
      { unmet },
    );
    expect(out.flags).toEqual([
      { kind: "unmetWithoutMoney", locality: "436", criterion: "5" },
      { kind: "unmetWithoutMoney", locality: "18343", criterion: "17" },
      { kind: "unmetWithoutMoney", locality: "18400", criterion: "5" },
    ]);
  });

  it("flags local counterpart below the required NSĐP/NSTW ratio, with the ratio found", () => {
    const out = run(
      [
        line("18343", { NSTW: 100, NS_XA: 20 }),
        line("18346", { NSTW: 100, NSDP: 60 }),
        line("18346", { NSDP: 500 }, { kind: "actual" }),
      ],
      { counterpartRatio: 0.5 },
    );
    expect(out.flags).toEqual([
      { kind: "lowCounterpart", locality: "42", ratio: 0.4, required: 0.5 },
      { kind: "lowCounterpart", locality: "436", ratio: 0.4, required: 0.5 },
      { kind: "lowCounterpart", locality: "18343", ratio: 0.2, required: 0.5 },
    ]);
  });

  it("raises no counterpart flag when the ratio is not set or nothing central is planned", () => {
    expect(run([line("18343", { NSTW: 100 })]).flags).toEqual([]);
    expect(run([line("18343", { NSDP: 100 })], { counterpartRatio: 1 }).flags).toEqual([]);
  });

  it("compares the counterpart codes the plan names", () => {
    const out = run([line("18343", { NSTW_DTPT: 100, NS_XA: 10 })], {
      counterpartRatio: 0.2,
      counterpartCodes: { central: "NSTW_DTPT", local: "NS_XA" },
    });
    expect(out.flags.map((f) => f.locality)).toEqual(["42", "436", "18343"]);
  });
});

describe("computeFunding: Hà Tĩnh 2020 (funding.md §5.2 H1)", () => {
  // crbuild.vn: 9.578,694 tỷ mobilised in 2020; rounded components sum to 9.577 tỷ.
  const out = computeFunding({
    lines: [
      line("42", {
        NSNN: 1695,
        LONG_GHEP: 1041,
        TIN_DUNG: 5525,
        DOANH_NGHIEP: 170,
        NHAN_DAN: 988,
        KHAC: 158,
      }),
    ],
    sources: SOURCES,
    localities: [{ code: "42", level: "province" }],
    year: 2020,
    counterpartRatio: null,
    unmet: new Map(),
  });
  const r = out.results[0];

  it("matches the published shares 17,7 / 10,9 / 57,7 / 1,8 / 10,3 / 1,6 % within 0.1 point", () => {
    const published: Record<string, number> = {
      NSNN: 17.7,
      LONG_GHEP: 10.9,
      TIN_DUNG: 57.7,
      DOANH_NGHIEP: 1.8,
      NHAN_DAN: 10.3,
      KHAC: 1.6,
    };
    expect(r.total).toBe(9577);
    for (const [code, pct] of Object.entries(published))
      expect(Math.abs(r.shares[code] * 100 - pct)).toBeLessThanOrEqual(0.1);
  });

  it("puts the state budget at about 41,8 % of the money without credit", () => {
    expect(r.sharesExcludingCredit.NSNN * 100).toBeCloseTo(41.8, 1);
    expect(r.sharesExcludingCredit.TIN_DUNG).toBeUndefined();
    expect(out.issues).toEqual([]);
  });
});

describe("compareCodes", () => {
  it("orders criterion codes naturally", () => {
    expect(["KM", "20.HT", "10", "2", "1", "H", "2.1", "02"].sort(compareCodes)).toEqual([
      "1",
      "02",
      "2",
      "2.1",
      "10",
      "20.HT",
      "H",
      "KM",
    ]);
  });
});

// ---------- Properties ----------

/** The rules of the brief, written the slow and obvious way. */
function naiveLineValues(amounts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  const visit = (code: string): number => {
    const kids = (CHILDREN[code] ?? []).map(visit).filter((v) => v > 0);
    const own = amounts[code] > 0 ? amounts[code] : 0;
    const v = kids.length > 0 ? sum(kids) : own;
    if (v > 0) out[code] = v;
    return v;
  };
  ROOTS.forEach(visit);
  return out;
}

interface World {
  localities: Loc[];
  lines: BudgetLine[];
}

const amountArb = fc.oneof(
  fc.integer({ min: 1, max: 10_000_000 }).map((x) => x / 1000),
  fc.double({ min: 0, max: 1e9, noNaN: true }),
);

function worldArb(splitOnly: boolean): fc.Arbitrary<World> {
  return fc
    .record({
      districts: fc.integer({ min: 0, max: 3 }),
      communes: fc.integer({ min: 1, max: 3 }),
      villages: fc.integer({ min: 0, max: 2 }),
    })
    .chain(({ districts, communes, villages }) => {
      const localities: Loc[] = [{ code: "P", level: "province" }];
      const heads = districts === 0 ? ["P"] : Array.from({ length: districts }, (_, d) => `D${d}`);
      if (districts > 0) heads.forEach((code) => localities.push({ code, level: "district", parent: "P" }));
      for (const head of heads) {
        for (let c = 0; c < communes; c++) {
          const code = `${head}C${c}`;
          localities.push({ code, level: "commune", parent: head });
          for (let v = 0; v < villages; v++)
            localities.push({ code: `${code}V${v}`, level: "village", parent: code });
        }
      }
      const codes = splitOnly ? LEAVES : CODES;
      const lineArb = fc.record({
        locality: fc.constantFrom(...localities.map((l) => l.code)),
        kind: fc.constantFrom<BudgetLine["kind"]>("plan", "plan", "actual"),
        criterion: fc.option(fc.constantFrom("2", "5", "17", "20.HT"), { nil: undefined }),
        amounts: fc.dictionary(fc.constantFrom(...codes), amountArb, { maxKeys: 6 }),
      });
      return fc
        .array(lineArb, { maxLength: 40 })
        .map((lines) => ({ localities, lines: lines as BudgetLine[] }));
    });
}

function runWorld(w: World, lines = w.lines): FundingOutput {
  return computeFunding({
    lines,
    sources: SOURCES,
    localities: w.localities,
    year: 2024,
    counterpartRatio: 0.3,
    unmet: new Map(w.localities.map((l) => [l.code, ["2", "5", "17"]])),
  });
}

function descendantsOrSelf(w: World, code: string): Set<string> {
  const set = new Set([code]);
  let size = 0;
  while (set.size !== size) {
    size = set.size;
    for (const l of w.localities) if (l.parent && set.has(l.parent)) set.add(l.code);
  }
  return set;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe("computeFunding: properties", () => {
  it("gives top-level shares summing to 1 whenever the total is positive", () => {
    fc.assert(
      fc.property(worldArb(false), (w) => {
        for (const r of runWorld(w).results) {
          for (const mix of [r, r.actual]) {
            if (mix.total > 0) expect(Math.abs(rootShareSum(mix.shares) - 1)).toBeLessThanOrEqual(1e-9);
            else expect(mix.shares).toEqual({});
          }
        }
      }),
    );
  });

  it("keeps every parent equal to the sum of its children present when lines give children", () => {
    fc.assert(
      fc.property(worldArb(true), (w) => {
        for (const r of runWorld(w).results) {
          for (const [parent, kids] of Object.entries(CHILDREN)) {
            const present = kids.filter((k) => k in r.bySource);
            if (present.length === 0) expect(r.bySource[parent]).toBeUndefined();
            else expect(close(r.bySource[parent], sum(present.map((k) => r.bySource[k])))).toBe(true);
          }
        }
      }),
    );
  });

  it("never lets a parent fall below the sum of its children, whatever mix of parents and children is given", () => {
    fc.assert(
      fc.property(worldArb(false), (w) => {
        for (const r of runWorld(w).results) {
          for (const [parent, kids] of Object.entries(CHILDREN)) {
            const kidSum = sum(kids.map((k) => r.bySource[k] ?? 0));
            if (kidSum > 0) expect(r.bySource[parent]).toBeGreaterThanOrEqual(kidSum * (1 - 1e-12));
          }
        }
      }),
    );
  });

  it("keeps credit out of the credit-free shares, which sum to 1 over the flow sources", () => {
    fc.assert(
      fc.property(worldArb(false), (w) => {
        for (const r of runWorld(w).results) {
          const keys = Object.keys(r.sharesExcludingCredit);
          expect(keys.filter((k) => CREDIT.has(k))).toEqual([]);
          const flow = r.total - (r.bySource.TIN_DUNG ?? 0);
          if (keys.length > 0)
            expect(Math.abs(rootShareSum(r.sharesExcludingCredit) - 1)).toBeLessThanOrEqual(1e-9);
          else expect(flow).toBeLessThanOrEqual(r.total * 1e-12);
        }
      }),
    );
  });

  it("matches a naive per-locality recomputation of every mix (a district = its communes + its own lines)", () => {
    fc.assert(
      fc.property(worldArb(false), (w) => {
        const out = runWorld(w);
        const byCode = new Map(out.results.map((r) => [r.code, r]));
        for (const l of w.localities) {
          const scope = descendantsOrSelf(w, l.code);
          const mine = w.lines.filter((x) => scope.has(x.locality));
          const expected = { plan: {} as Record<string, number>, actual: {} as Record<string, number> };
          const criteria: Record<string, number> = {};
          for (const x of mine) {
            const values = naiveLineValues(x.amounts);
            for (const [code, v] of Object.entries(values))
              expected[x.kind][code] = (expected[x.kind][code] ?? 0) + v;
            const total = sum(ROOTS.map((c) => values[c] ?? 0));
            if (x.kind === "plan" && x.criterion && total > 0)
              criteria[x.criterion] = (criteria[x.criterion] ?? 0) + total;
          }
          const r = byCode.get(l.code);
          if (mine.length === 0 && l.level !== "province") {
            expect(r).toBeUndefined();
            continue;
          }
          expect(r).toBeDefined();
          for (const [got, want] of [
            [r!.bySource, expected.plan],
            [r!.actual.bySource, expected.actual],
            [r!.byCriterion, criteria],
          ]) {
            expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
            for (const k of Object.keys(want)) expect(close(got[k], want[k])).toBe(true);
          }
        }
      }),
    );
  });

  it("checks a district's totals against its communes' results plus its own lines", () => {
    fc.assert(
      fc.property(worldArb(false), (w) => {
        const out = runWorld(w);
        const byCode = new Map(out.results.map((r) => [r.code, r]));
        for (const d of w.localities.filter((l) => l.level === "district")) {
          const district = byCode.get(d.code);
          const communes = w.localities.filter((l) => l.parent === d.code).map((l) => byCode.get(l.code));
          const own = sum(
            w.lines
              .filter((x) => x.locality === d.code && x.kind === "plan")
              .map((x) => {
                const v = naiveLineValues(x.amounts);
                return sum(ROOTS.map((c) => v[c] ?? 0));
              }),
          );
          const expected = own + sum(communes.map((c) => c?.total ?? 0));
          expect(close(district?.total ?? 0, expected)).toBe(true);
        }
      }),
    );
  });

  it("gives bit-identical results and flags whatever the order of the lines", () => {
    fc.assert(
      fc.property(
        worldArb(false).chain((w) =>
          fc.tuple(fc.constant(w), fc.shuffledSubarray(w.lines, { minLength: w.lines.length })),
        ),
        ([w, shuffled]) => {
          const a = runWorld(w);
          const b = runWorld(w, shuffled);
          expect(b.results).toStrictEqual(a.results);
          expect(JSON.stringify(b.results)).toBe(JSON.stringify(a.results)); // same key order too
          expect(b.flags).toStrictEqual(a.flags);
          const key = (i: object) => JSON.stringify(i);
          expect(b.issues.map(key).sort()).toEqual(a.issues.map(key).sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it("returns deep-equal output on a rerun and leaves its input untouched", () => {
    fc.assert(
      fc.property(worldArb(false), (w) => {
        const before = JSON.stringify(w);
        const a = runWorld(w);
        const b = runWorld(w);
        expect(b).toStrictEqual(a);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(w)).toBe(before);
      }),
    );
  });
});

describe("funding issue messages", () => {
  it("has a Vietnamese and an English message for every issue code, using only the params raised", () => {
    const params: Record<string, string[]> = {
      FUNDING_PARENT_MISMATCH: ["code", "given", "sum"],
      FUNDING_NEGATIVE: ["code", "value"],
      FUNDING_NOT_A_NUMBER: ["code"],
      FUNDING_UNKNOWN_SOURCE: ["code"],
      FUNDING_UNKNOWN_LOCALITY: ["code"],
      FUNDING_AMBIGUOUS_LOCALITY: ["code", "level"],
    };
    expect(Object.keys(params).sort()).toEqual([...FUNDING_ISSUE_CODES].sort());
    for (const code of FUNDING_ISSUE_CODES) {
      const entry = fundingStrings[`issue.${code}`];
      expect(entry).toBeDefined();
      for (const text of entry) {
        const used = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(used.filter((p) => !params[code].includes(p))).toEqual([]);
        expect(used).toContain("code");
      }
    }
  });
});
