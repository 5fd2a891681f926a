import { catalogIndicators } from "../../catalog";
import { loadHaTinhUnits2024 } from "../../catalog/units";
import { evaluate } from "../../domain/evaluate";
import type { EvaluationResult, LocalityResult } from "../../domain/types";
import { parseCellAddress } from "../../workbook/a1";
import type { SheetGrid } from "../../workbook/port";
import { readInputs, type ReadResult } from "../../workbook/read/reader";
import { buildTemplate, HEADER_ROW, specToGrid } from "../../workbook/template";
import { lacksThreshold } from "./illustrativeThresholds";
import { buildHaTinhSample, planHaTinhSample, type HaTinhSamplePlan } from "./haTinhSample";

const units = loadHaTinhUnits2024();
const xa = units.filter((u) => u.commune_type === "Xã");

interface Run {
  plan: HaTinhSamplePlan;
  grids: SheetGrid[];
  read: ReadResult;
  result: EvaluationResult;
  communes: LocalityResult[];
}

/** Template → grids as a port would read them back → reader → engine, as `recalc` does. */
function run(plan: HaTinhSamplePlan): Run {
  const grids = buildTemplate(plan.options).map(specToGrid);
  const read = readInputs(grids);
  const result = evaluate(read.input, read.options);
  return { plan, grids, read, result, communes: result.localities.filter((l) => l.level === "commune") };
}

const atLeast = (rs: LocalityResult[], statuses: string[]) =>
  rs.filter((r) => statuses.includes(r.status)).length;

describe("the Hà Tĩnh sample's units and settings", () => {
  const opts = buildHaTinhSample();

  it("lists the 13 district-level units and the 182 xã with their GSO codes and names", () => {
    expect(opts.districts!.map((d) => d.code).sort()).toEqual(
      [...new Set(units.map((u) => u.district_code))].sort(),
    );
    expect(opts.districts).toHaveLength(13);
    expect(opts.communes).toHaveLength(182);
    expect(opts.communes!.map((c) => [c.code, c.name, c.parent])).toEqual(
      xa.map((u) => [u.commune_code, u.commune, u.district_code]),
    );
    expect(opts.province).toMatchObject({ code: "42", name: "Hà Tĩnh" });
    const type = (name: string) => opts.districts!.find((d) => d.name === name)?.unitType;
    expect(type("Huyện Hương Khê")).toBe("Huyện");
    expect(type("Thị xã Hồng Lĩnh")).toBe("Thị xã");
    expect(type("Thành phố Hà Tĩnh")).toBe("Thành phố");
  });

  it("sets the 2021-2025 set, 2022, Bắc Trung Bộ, the sample note and a report issuer block", () => {
    expect(opts).toMatchObject({
      setId: "2021-2025",
      year: 2022,
      region: "BTB",
      provinceCode: "42",
      lang: "vi",
    });
    expect(opts.sampleNote).toBe("DỮ LIỆU MẪU – số liệu giả lập, không phải số liệu chính thức");
    expect(opts.issuer).toMatch(/^UBND TỈNH HÀ TĨNH\nVĂN PHÒNG ĐIỀU PHỐI NTM TỈNH$/);
    expect(opts.signerTitle).toBeTruthy();
    expect(opts.recipients).toContain("Lưu");
    expect(buildHaTinhSample({ lang: "en" }).sampleNote).toMatch(/^SAMPLE DATA/);
  });

  it("flags a few mountain communes of Hương Khê, Hương Sơn and Vũ Quang as ĐBKK", () => {
    const flagged = opts.communes!.filter((c) => c.dbkk);
    expect(flagged.length).toBeGreaterThanOrEqual(3);
    expect(new Set(flagged.map((c) => c.parent))).toEqual(new Set(["444", "439", "441"]));
  });

  it("is deterministic: the same seed gives deep-equal content, another seed other values on the same units", () => {
    expect(buildHaTinhSample({ seed: 7 })).toEqual(buildHaTinhSample({ seed: 7 }));
    const other = buildHaTinhSample({ seed: 8 });
    expect(other.communes!.map((c) => c.code)).toEqual(opts.communes!.map((c) => c.code));
    expect(other.communes!.map((c) => c.values)).not.toEqual(opts.communes!.map((c) => c.values));
  });

  it("covers 2022 to 2025 only (income thresholds are keyed by year)", () => {
    expect(() => buildHaTinhSample({ year: 2021 })).toThrow(RangeError);
    expect(buildHaTinhSample({ year: 2025 }).budgetLines!.every((l) => l.year === 2025)).toBe(true);
  });
});

describe("the sample's illustrative thresholds", () => {
  const opts = buildHaTinhSample();
  const overrides = opts.thresholdOverrides!;
  const catalog = catalogIndicators("2021-2025", "42");

  it("give BTB and TDMNPB a value for every indicator whose catalog threshold is unknown", () => {
    const lacking = catalog.filter(lacksThreshold);
    expect(lacking.map((d) => d.code)).toEqual(
      expect.arrayContaining(["2.1", "10", "11", "17.1", "DK.3", "NC.10"]),
    );
    for (const def of lacking) {
      const o = overrides.find((x) => x.code === def.code && (x.year === undefined || x.year === def.year));
      expect({ code: def.code, year: def.year, btb: typeof o?.values.BTB }).toEqual({
        code: def.code,
        year: def.year,
        btb: "number",
      });
      expect(typeof o!.values.TDMNPB).toBe("number");
    }
  });

  it("use the reference's proxies where there are any", () => {
    const btb = (code: string, year?: number) =>
      overrides.find((o) => o.code === code && o.year === year)?.values.BTB;
    expect([btb("2.1"), btb("3.1"), btb("5"), btb("9.2"), btb("10", 2022)]).toEqual([100, 80, 100, 85, 45]);
    expect(overrides.find((o) => o.code === "10" && o.year === 2022)?.values.TDMNPB).toBe(39);
  });

  it("are each marked illustrative and never touch a threshold the catalog gives", () => {
    for (const o of overrides) {
      expect(o.note).toMatch(/minh họa/i);
      const defs = catalog.filter((d) => d.code === o.code && (o.year === undefined || d.year === o.year));
      expect(defs.length).toBeGreaterThan(0);
      for (const d of defs) expect(d.thresholds.filter((r) => r.value !== null)).toEqual([]);
    }
    expect(
      buildHaTinhSample({ lang: "en" }).thresholdOverrides!.every((o) => /illustrative/i.test(o.note!)),
    ).toBe(true);
  });

  it("say so in the criteria sheet and leave those rows unconfirmed", () => {
    const criteria = buildTemplate(opts).find((s) => s.name === "Chỉ tiêu")!;
    const headers = criteria.rows[HEADER_ROW].map(String);
    const [code, note, confirmed] = ["Mã chỉ tiêu", "Ghi chú", "Đã xác nhận"].map((h) => headers.indexOf(h));
    expect(Math.min(code, note, confirmed)).toBeGreaterThanOrEqual(0);
    const row = criteria.rows.find((r) => r[code] === "2.1")!;
    expect(String(row[note])).toMatch(/^Minh họa – không phải ngưỡng chính thức/);
    expect(row[confirmed]).toBe("Không");
  });
});

describe("the sample read back from its template and evaluated", () => {
  const r = run(planHaTinhSample());
  const { plan, result, communes } = r;
  const issues = [...r.read.issues, ...result.issues];
  const communeSheet = r.grids.find((g) => g.name === "Dữ liệu xã")!;

  it("lands near Hà Tĩnh in 2022: ~96% NTM, about a third advanced, a dozen model communes", () => {
    const ntm = atLeast(communes, ["ntm", "advanced", "model"]);
    const advanced = atLeast(communes, ["advanced", "model"]);
    const model = atLeast(communes, ["model"]);
    expect(ntm).toBeGreaterThanOrEqual(170);
    expect(ntm).toBeLessThanOrEqual(180);
    expect(advanced).toBeGreaterThanOrEqual(50);
    expect(advanced).toBeLessThanOrEqual(70);
    expect(model).toBeGreaterThanOrEqual(10);
    expect(model).toBeLessThanOrEqual(18);
    expect(communes.filter((c) => c.band === "below15").length).toBeLessThanOrEqual(1);
  });

  it("gives every commune the status its values were built for, except the two with a data problem", () => {
    const problemCommunes = plan.problems.filter((p) => p.kind !== "textNumber").map((p) => p.commune);
    for (const c of communes) {
      if (problemCommunes.includes(c.code)) {
        expect({ code: c.code, status: c.status, undecided: c.undecided }).toEqual({
          code: c.code,
          status: "none",
          undecided: ["ntm"],
        });
      } else {
        expect({ code: c.code, status: c.status }).toEqual({
          code: c.code,
          status: plan.intended.get(c.code),
        });
      }
    }
  });

  it("keeps the misses in Hương Khê (16/20 NTM) and Kỳ Anh, near the threshold on the hardest indicators", () => {
    const ntmIn = (district: string) =>
      communes.filter((c) => c.parent === district && c.status !== "none").length;
    expect(ntmIn("444")).toBe(16);
    expect(ntmIn("447")).toBeLessThan(20);
    const below = communes.filter((c) => c.status === "none" && c.unmet.length > 0);
    for (const c of below) expect(["444", "447", "449"]).toContain(c.parent);
    const outcomes = below.flatMap((c) => Object.values(c.indicators).map((i) => i.outcome));
    expect(outcomes).toContain("near");
  });

  it("evaluates the ĐBKK communes with the TDMNPB thresholds", () => {
    const flagged = plan.options.communes!.filter((c) => c.dbkk).map((c) => c.code);
    for (const c of communes.filter((x) => flagged.includes(x.code)))
      expect(c.effectiveRegion).toBe("TDMNPB");
    expect(communes.find((c) => !flagged.includes(c.code))!.effectiveRegion).toBe("BTB");
  });

  it("rolls up every district; Hương Khê, Kỳ Anh and the town of Kỳ Anh are not NTM, the others are", () => {
    const districts = result.localities.filter((l) => l.level === "district");
    expect(districts).toHaveLength(13);
    for (const d of districts) {
      expect({ code: d.code, ntm: d.status !== "none" }).toEqual({
        code: d.code,
        ntm: plan.ntmDistricts.has(d.code),
      });
    }
    expect(
      districts
        .filter((d) => d.status === "none")
        .map((d) => d.code)
        .sort(),
    ).toEqual(["444", "447", "449"]);
    const rollups = result.rollups.filter((x) => x.level === "district");
    expect(rollups).toHaveLength(13);
    expect(rollups.reduce((s, x) => s + x.communes, 0)).toBe(182);
    const province = result.rollups.find((x) => x.level === "province")!;
    expect(province).toMatchObject({ code: "42", communes: 182, districts: 13, districtsNtm: 10 });
    const t = result.localities.find((l) => l.level === "province")!.indicators;
    expect([t["T.5"].outcome, t["T.6"].outcome, t["T.7"].outcome, t["T.8"].outcome]).toEqual([
      "met",
      "met",
      "met",
      "near",
    ]);
  });

  it("reports the two deliberate problems with their sheet and cell, and no error", () => {
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    const shown = issues.filter((i) => i.severity !== "info");
    expect(shown.map((i) => i.code).sort()).toEqual(["EXCEL_ERROR_VALUE", "NOT_A_NUMBER"]);
    for (const issue of shown) {
      expect(issue.sheet).toBe("Dữ liệu xã");
      const at = parseCellAddress(issue.cell!)!;
      const problem = plan.problems.find((p) => p.commune === issue.params.locality)!;
      expect(communeSheet.values[at.row][at.col]).toBe(problem.text);
    }
    expect(shown.find((i) => i.code === "EXCEL_ERROR_VALUE")!.params.value).toBe("#N/A");
    expect(shown.find((i) => i.code === "NOT_A_NUMBER")!.params.value).toBe("chưa có số liệu");
  });

  it('reads the Vietnamese text "87,5" in a percent column as 87.5%, without an issue', () => {
    const p = plan.problems.find((x) => x.kind === "textNumber")!;
    const locality = r.read.input.localities.find((l) => l.level === "commune" && l.code === p.commune)!;
    expect(locality.values["9.2"]).toMatchObject({ kind: "value", value: 87.5 });
    const c = communes.find((x) => x.code === p.commune)!;
    expect(c.indicators["9.2"].outcome).toBe("met");
  });

  it("funds the province near Hà Tĩnh's real mix: ≈9,600 tỷ, credit ≈58%, ~80% disbursed", () => {
    const province = result.funding.find((f) => f.level === "province")!;
    expect(province.total).toBeGreaterThan(8_000_000); // triệu đồng
    expect(province.total).toBeLessThan(11_500_000);
    expect(province.shares.TIN_DUNG).toBeGreaterThan(0.55);
    expect(province.shares.TIN_DUNG).toBeLessThan(0.75);
    expect(province.disbursementRate).toBeGreaterThan(0.7);
    expect(province.disbursementRate).toBeLessThan(0.9);
    for (const code of [
      "NSTW",
      "NS_TINH",
      "NS_HUYEN",
      "NS_XA",
      "LONG_GHEP",
      "DOANH_NGHIEP",
      "NHAN_DAN",
      "KHAC",
    ]) {
      expect(province.bySource[code]).toBeGreaterThan(0);
    }
  });

  it("has 2-4 plan lines a commune, one line with the state budget unsplit, and unmet criteria with and without money", () => {
    const lines = plan.options.budgetLines!;
    for (const u of xa) {
      const n = lines.filter((l) => l.locality === u.commune_code && l.kind === "plan").length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(4);
    }
    expect(lines.filter((l) => l.amounts.NSNN !== undefined)).toHaveLength(1);
    expect(lines.some((l) => l.amounts.NSTW !== undefined)).toBe(false);
    expect(new Set(lines.map((l) => l.criterion).filter(Boolean))).toEqual(
      new Set(["2", "5", "6", "13", "17", "20"]),
    );
    const flagged = result.fundingFlags.filter(
      (f) => f.kind === "unmetWithoutMoney" && communes.some((c) => c.code === f.locality),
    );
    expect(flagged.length).toBeGreaterThan(0);
    const funded = communes.filter((c) =>
      c.unmet.some((k) => (result.funding.find((f) => f.code === c.code)?.byCriterion[k] ?? 0) > 0),
    );
    expect(funded.length).toBeGreaterThan(0);
  });
});

describe("the sample in other years and in English", () => {
  it.each([
    [2025, "vi"],
    [2022, "en"],
  ] as const)("gives every commune its intended status in %i (%s)", (year, lang) => {
    const { plan, communes, read, result } = run(planHaTinhSample({ year, lang }));
    const problems = plan.problems.filter((p) => p.kind !== "textNumber").map((p) => p.commune);
    const wrong = communes.filter(
      (c) => !problems.includes(c.code) && c.status !== plan.intended.get(c.code),
    );
    expect(wrong.map((c) => c.code)).toEqual([]);
    expect([...read.issues, ...result.issues].filter((i) => i.severity === "error")).toEqual([]);
  });
});
