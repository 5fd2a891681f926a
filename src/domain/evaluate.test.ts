import { evaluate } from "./evaluate";
import { ind, loc, OPTIONS, smallProvince, values } from "./__fixtures__/smallProvince";
import type { InputValue } from "./types";

const byCode = (r: ReturnType<typeof evaluate>, code: string) => r.localities.find((l) => l.code === code)!;

describe("evaluate — communes", () => {
  const result = evaluate(smallProvince(), OPTIONS);

  it("climbs NTM → advanced → model only when each tier is fully met", () => {
    expect(byCode(result, "C1").status).toBe("model");
    expect(byCode(result, "C2").status).toBe("ntm");
    expect(byCode(result, "C3").status).toBe("advanced");
    expect(byCode(result, "C4").status).toBe("none");
  });

  it("counts criteria met out of the NTM criteria and lists the unmet ones", () => {
    const c4 = byCode(result, "C4");
    expect(c4).toMatchObject({ criteriaMet: 3, criteriaTotal: 4, unmet: ["2"] });
    expect(c4.criteria["2"]).toEqual({ code: "2", outcome: "notMet", tier: "ntm" });
    expect(c4.indicators["2.1"]).toMatchObject({ outcome: "notMet", value: 70, threshold: 100, gap: 30 });
  });

  it("keys advanced and model criteria apart from the NTM ones", () => {
    const c2 = byCode(result, "C2");
    expect(c2.criteria["NC.2"]).toMatchObject({ outcome: "notMet", tier: "advanced" });
    expect(c2.criteria["2"].outcome).toBe("met");
    expect(c2.criteria["KM"].tier).toBe("model");
  });

  it("uses the income threshold of the evaluation year", () => {
    expect(byCode(result, "C2").indicators["10"]).toMatchObject({ value: 52, threshold: 50, outcome: "met" });
    const r2023 = evaluate(smallProvince(), { ...OPTIONS, year: 2023 });
    expect(byCode(r2023, "C2").indicators["10"]).toMatchObject({ threshold: 55, outcome: "near", gap: 3 });
  });

  it("applies the TDMNPB threshold to an ĐBKK commune", () => {
    const input = smallProvince();
    input.localities.push(
      loc({
        code: "C6",
        level: "commune",
        parent: "D1",
        dbkk: true,
        values: values("ntm", { "2.1": v(92) }),
      }),
    );
    const c6 = byCode(evaluate(input, OPTIONS), "C6");
    expect(c6.effectiveRegion).toBe("TDMNPB");
    expect(c6.indicators["2.1"]).toMatchObject({ threshold: 90, outcome: "met" });
  });

  it("does not call a commune NTM when a criterion is unknown, and says which tier is undecided", () => {
    const input = smallProvince();
    const c2 = input.localities.find((l) => l.code === "C2")!;
    delete c2.values["11"];
    const r = byCode(evaluate(input, OPTIONS), "C2");
    expect(r).toMatchObject({ status: "none", undecided: ["ntm"], criteriaUnknown: 1, criteriaMet: 3 });
    expect(r.criteria["11"].outcome).toBe("unknown");
  });

  it("requires the recognition conditions (QĐ 18) for NTM", () => {
    const input = smallProvince();
    input.localities.find((l) => l.code === "C2")!.values["DK.2"] = v(false);
    const r = byCode(evaluate(input, OPTIONS), "C2");
    expect(r.status).toBe("none");
    expect(r.unmet).toEqual(["DK"]);
    expect(r.criteriaMet).toBe(4);
  });

  it("derives the model income threshold from the advanced one", () => {
    expect(byCode(result, "C3").indicators["KM.2"]).toMatchObject({
      threshold: 66,
      value: 61,
      outcome: "near",
      gap: 5,
    });
    expect(byCode(result, "C1").indicators["KM.2"]).toMatchObject({ threshold: 66, outcome: "met" });
  });

  it("puts communes in the QĐ 07/2022 band of the 19 national criteria met", () => {
    const input = smallProvince();
    const nineteen = Array.from({ length: 19 }, (_, i) =>
      ind({ code: `X${i + 1}`, criterion: `X${i + 1}`, kind: "boolean", comparator: "pass" }),
    );
    input.indicators = nineteen;
    input.criteria = [];
    const passing = (n: number) => Object.fromEntries(nineteen.map((d, i) => [d.code, v(i < n)]));
    input.localities = [
      loc({ code: "42", level: "province" }),
      loc({ code: "A", level: "commune", parent: "42", values: passing(19) }),
      loc({ code: "B", level: "commune", parent: "42", values: passing(15) }),
      loc({ code: "C", level: "commune", parent: "42", values: passing(14) }),
    ];
    const r = evaluate(input, OPTIONS);
    expect(["A", "B", "C"].map((c) => byCode(r, c).band)).toEqual(["all", "15to18", "below15"]);
    expect(r.rollups[0].below15).toBe(1);
  });

  it("gives no band when the criteria sheet has fewer than 15 national criteria", () => {
    expect(byCode(result, "C1").band).toBeUndefined();
  });
});

describe("evaluate — districts and province", () => {
  const result = evaluate(smallProvince(), OPTIONS);

  it("makes a district NTM only when 100% of its communes are NTM and ≥ 10% advanced (QĐ 320)", () => {
    expect(byCode(result, "D1")).toMatchObject({ status: "ntm", criteriaMet: 2, criteriaTotal: 2 });
    expect(byCode(result, "D1").indicators["H.1"]).toMatchObject({ value: 100, outcome: "met" });
    expect(byCode(result, "D2").indicators["H.1"]).toMatchObject({ value: 50, outcome: "notMet", gap: 50 });
    expect(byCode(result, "D2").status).toBe("none");
  });

  it("checks the province conditions of QĐ 321 from district and commune results", () => {
    const p = byCode(result, "42");
    expect(p.indicators["T.1"]).toMatchObject({ value: 50, outcome: "notMet" });
    expect(p.indicators["T.4"]).toMatchObject({ value: 40, outcome: "met" });
    expect(p.status).toBe("none");
  });

  it("rolls communes up to districts and the province", () => {
    const prov = result.rollups.find((r) => r.code === "42")!;
    expect(prov).toMatchObject({
      communes: 5,
      ntm: 4,
      ntmShare: 0.8,
      advanced: 2,
      model: 1,
      below15: 0,
      districts: 2,
      districtsNtm: 1,
    });
    expect(prov.averageCriteria).toBeCloseTo((4 + 4 + 4 + 3 + 4) / 5);
    const d2 = result.rollups.find((r) => r.code === "D2")!;
    expect(d2).toMatchObject({ communes: 2, ntm: 1, ntmShare: 0.5, districts: 0, status: "none" });
  });

  it("lists bottleneck indicators hardest first", () => {
    expect(result.bottlenecks[0]).toMatchObject({ code: "2.1", evaluated: 5, met: 4, share: 0.8 });
    expect(result.bottlenecks.map((b) => b.code)).not.toContain("NC.2");
  });

  it("compares targets: behind in the due year, pending later", () => {
    expect(result.targets[0]).toMatchObject({ metric: "communeNtmShare", actual: 0.8, status: "behind" });
    expect(result.targets[0].gap).toBeCloseTo(0.2);
    expect(result.targets[1]).toMatchObject({
      metric: "districtNtmShare",
      actual: 0.5,
      status: "pending",
      gap: 0.5,
    });
    expect(result.targets[2]).toMatchObject({
      metric: "communesBelow15",
      actual: 0,
      status: "achieved",
      gap: 0,
    });
  });

  it("works without a district level (after 1/7/2025): communes hang under the province", () => {
    const input = smallProvince();
    input.localities = input.localities
      .filter((l) => l.level !== "district")
      .map((l) => ({ ...l, parent: l.level === "commune" ? "42" : l.parent }));
    const r = evaluate(input, OPTIONS);
    expect(r.rollups).toHaveLength(1);
    expect(r.rollups[0]).toMatchObject({ communes: 5, ntm: 4, districts: 0 });
    expect(byCode(r, "42").indicators["T.1"].outcome).toBe("missing");
  });
});

describe("evaluate — several provinces in one workbook", () => {
  it("evaluates a commune with no region of its own against its province's region", () => {
    const input = smallProvince();
    input.localities.push(
      loc({ code: "02", name: "Hà Giang", level: "province", region: "TDMNPB" }),
      loc({ code: "M1", level: "commune", parent: "02", values: values("ntm", { "2.1": v(92) }) }),
    );
    const r = evaluate(input, OPTIONS);
    expect(byCode(r, "M1")).toMatchObject({ effectiveRegion: "TDMNPB", status: "ntm" });
    expect(byCode(r, "C2").effectiveRegion).toBe("BTB");
  });

  it("recognises towns and cities written in English for the QĐ 321 town requirement", () => {
    const input = smallProvince();
    const town = input.localities.find((l) => l.code === "D2")!;
    town.unitType = "Town";
    input.indicators.push(
      ind({
        code: "T.2",
        criterion: "T2",
        level: "province",
        dataCode: "@townNtmShare",
        thresholds: [{ value: 100, confirmed: true }],
      }),
    );
    expect(byCode(evaluate(input, OPTIONS), "42").indicators["T.2"]).toMatchObject({
      value: 0,
      outcome: "notMet",
    });
  });
});

describe("evaluate — bad hierarchy input", () => {
  it("keeps the first of two communes with the same code and reports the second by cell", () => {
    const input = smallProvince();
    input.localities.push(
      loc({
        code: "C2",
        name: "Xã trùng",
        level: "commune",
        parent: "D1",
        ref: { sheet: "Dữ liệu xã", cell: "A12" },
      }),
    );
    const r = evaluate(input, OPTIONS);
    expect(r.localities.filter((l) => l.code === "C2")).toHaveLength(1);
    expect(r.issues).toContainEqual(
      expect.objectContaining({
        code: "DUPLICATE_LOCALITY",
        sheet: "Dữ liệu xã",
        cell: "A12",
        severity: "error",
      }),
    );
  });

  it("reports an unknown district and still counts the commune in the province", () => {
    const input = smallProvince();
    input.localities.push(
      loc({
        code: "C9",
        level: "commune",
        parent: "D9",
        values: values("ntm"),
        ref: { sheet: "Dữ liệu xã", cell: "C20" },
      }),
    );
    const r = evaluate(input, OPTIONS);
    expect(r.issues).toContainEqual(
      expect.objectContaining({
        code: "UNKNOWN_PARENT",
        cell: "C20",
        params: expect.objectContaining({ parent: "D9" }),
      }),
    );
    expect(byCode(r, "C9").status).toBe("ntm");
    expect(r.rollups.find((x) => x.code === "42")!.communes).toBe(6);
  });
});

describe("evaluate — determinism", () => {
  it("gives deep-equal output when run twice and leaves its input untouched", () => {
    const input = smallProvince();
    const before = JSON.stringify(input);
    const a = evaluate(input, OPTIONS);
    const b = evaluate(input, OPTIONS);
    expect(b).toEqual(a);
    // The per-locality records are built on read: compare them too, through JSON.
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.parse(JSON.stringify(a.localities[0]))).toEqual(
      expect.objectContaining({ criteria: expect.any(Object), indicators: expect.any(Object) }),
    );
    expect(JSON.stringify(input)).toBe(before);
  });
});

function v(value: number | boolean): InputValue {
  return { kind: "value", value };
}
