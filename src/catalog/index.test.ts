import { METRIC_KEYS, REGION_CODES, type IndicatorDef, type MetricKey } from "../domain/types";
import {
  CRITERIA_SETS,
  PROVINCIAL_EXTRAS,
  catalogCriteria,
  catalogIndicators,
  getCriteriaSet,
  isCriteriaSetId,
  SET_2021_2025,
} from "./index";
import type { CriteriaSet } from "./types";

/** Every (set, province) combination the catalog can produce: no province, and each province with extras. */
const combos: { set: CriteriaSet; province?: string }[] = CRITERIA_SETS.flatMap((set) => [
  { set },
  ...PROVINCIAL_EXTRAS.map((e) => ({ set, province: e.provinceCode })),
]);
const label = (c: { set: CriteriaSet; province?: string }) =>
  `${c.set.id}${c.province ? ` + province ${c.province}` : ""}`;

/** 9.1 "Nhà tạm, dột nát = không": a structural boolean, the only unconfirmed threshold value allowed. */
const isStructuralHousingCase = (ind: IndicatorDef) => ind.code === "9.1" && ind.comparator === "=";

describe.each(combos)("catalog invariants for $set.id", (combo) => {
  const indicators = catalogIndicators(combo.set.id, combo.province);
  const criteria = catalogCriteria(combo.set.id, combo.province);
  const criterionByCode = new Map(criteria.map((c) => [c.code, c]));

  it(`gives every indicator a criterion of the same level that exists in ${label(combo)}`, () => {
    for (const ind of indicators) {
      const criterion = criterionByCode.get(ind.criterion);
      expect({ code: ind.code, criterion: criterion?.code, level: criterion?.level }).toEqual({
        code: ind.code,
        criterion: ind.criterion,
        level: ind.level,
      });
    }
  });

  it("keeps criterion codes unique and indicator codes unique per (code, year)", () => {
    expect(new Set(criteria.map((c) => c.code)).size).toBe(criteria.length);
    const keys = indicators.map((i) => `${i.code}|${i.year ?? "*"}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it("cites a source and names every row in both languages", () => {
    for (const row of [...indicators, ...criteria]) {
      expect(row.source.trim()).not.toBe("");
      expect(row.nameVi.trim()).not.toBe("");
      expect(row.nameEn.trim()).not.toBe("");
      expect(typeof row.confirmed).toBe("boolean");
    }
  });

  it("says why in a note whenever an indicator is unconfirmed", () => {
    const silent = indicators.filter((i) => !i.confirmed && !(i.note ?? "").trim()).map((i) => i.code);
    expect(silent).toEqual([]);
  });

  it("carries no threshold value unless it is confirmed (or the structural 9.1 case)", () => {
    for (const ind of indicators) {
      for (const t of ind.thresholds) {
        if (t.value === null) continue;
        expect({ code: ind.code, ok: t.confirmed || isStructuralHousingCase(ind) }).toEqual({
          code: ind.code,
          ok: true,
        });
      }
    }
  });

  it("gives a confirmed comparison either a confirmed threshold or a derived one", () => {
    for (const ind of indicators.filter(
      (i) => i.confirmed && (i.comparator === ">=" || i.comparator === "<="),
    )) {
      const hasValue = ind.thresholds.some((t) => t.confirmed && t.value !== null);
      expect({ code: ind.code, ok: hasValue || ind.derived !== undefined }).toEqual({
        code: ind.code,
        ok: true,
      });
    }
  });

  it("matches kind, unit, comparator and threshold types", () => {
    for (const ind of indicators) {
      const shape = { code: ind.code, kind: ind.kind, unit: ind.unit, comparator: ind.comparator };
      if (ind.comparator === "pass") {
        expect({ ...shape, thresholds: ind.thresholds }).toEqual({
          ...shape,
          kind: "boolean",
          unit: "",
          thresholds: [],
        });
      }
      if (ind.kind === "boolean") expect(["pass", "="]).toContain(ind.comparator);
      expect({ code: ind.code, percent: ind.kind === "percent" }).toEqual({
        code: ind.code,
        percent: ind.unit === "%",
      });
      for (const t of ind.thresholds) {
        if (t.value === null) continue;
        expect(typeof t.value).toBe(ind.kind === "boolean" ? "boolean" : "number");
        if (ind.kind === "percent") {
          expect(t.value).toBeGreaterThanOrEqual(0);
          expect(t.value).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it("scopes thresholds the way the set does (regions or commune groups)", () => {
    for (const t of indicators.flatMap((i) => i.thresholds)) {
      if (combo.set.thresholdScope === "region") expect(t.group).toBeUndefined();
      else expect(t.region).toBeUndefined();
      if (t.region !== undefined) expect(REGION_CODES).toContain(t.region);
    }
  });

  it("keeps every indicator on a level of the set", () => {
    for (const ind of indicators) expect(combo.set.levels).toContain(ind.level);
  });

  it("points derived thresholds and computed data columns at things that exist", () => {
    const codes = new Set(indicators.map((i) => i.code));
    for (const ind of indicators) {
      if (ind.derived) expect(codes.has(ind.derived.from)).toBe(true);
      if (ind.dataCode?.startsWith("@")) expect(METRIC_KEYS).toContain(ind.dataCode.slice(1) as MetricKey);
    }
  });
});

describe("catalogIndicators", () => {
  it("adds Hà Tĩnh's criterion 20 only for Hà Tĩnh and only to the 2021-2025 set", () => {
    expect(catalogIndicators("2021-2025", "42").some((i) => i.code === "20")).toBe(true);
    expect(catalogIndicators("2021-2025").some((i) => i.code === "20")).toBe(false);
    expect(catalogIndicators("2021-2025", "40").some((i) => i.code === "20")).toBe(false);
    expect(catalogIndicators("2026-2030", "42").some((i) => i.criterion === "20")).toBe(false);
    expect(catalogCriteria("2021-2025", "42").find((c) => c.code === "20")?.national).toBe(false);
  });

  it("fills the default department, indicator override first", () => {
    const byCode = new Map(catalogIndicators("2021-2025", "42").map((i) => [i.code, i]));
    expect(byCode.get("2.1")?.department).toBe("Sở Giao thông vận tải");
    expect(byCode.get("14.1")?.department).toBe("Sở Giáo dục và Đào tạo");
    expect(byCode.get("14.3")?.department).toBe("Sở Lao động – Thương binh và Xã hội");
    expect(byCode.get("18.4")?.department).toBe("Sở Tư pháp");
    expect(byCode.get("19.2")?.department).toBe("Công an tỉnh");
    expect(byCode.get("20")?.department).toBe("Văn phòng Điều phối nông thôn mới tỉnh");
    expect(byCode.get("NC.2")?.department).toBe("Sở Giao thông vận tải");
    expect(byCode.get("T.1")?.department).toBeUndefined();
  });

  it("uses the 2026-2030 departments for the 2026-2030 set", () => {
    const first = catalogIndicators("2026-2030").find((i) => i.code === "2");
    expect(first?.department).toBe("Sở Xây dựng");
  });

  it("returns copies, so editing a result leaves the catalog as it was", () => {
    const copy = catalogIndicators("2021-2025").find((i) => i.code === "H.1")!;
    copy.thresholds[0].value = 1;
    copy.nameVi = "changed";
    const original = SET_2021_2025.indicators.find((i) => i.code === "H.1")!;
    expect(original.thresholds[0].value).toBe(100);
    expect(original.nameVi).not.toBe("changed");
    expect(original.department).toBeUndefined();
  });
});

describe("getCriteriaSet", () => {
  it("finds both sets by id and rejects anything else", () => {
    expect(getCriteriaSet("2021-2025").thresholdScope).toBe("region");
    expect(getCriteriaSet("2026-2030").thresholdScope).toBe("group");
    expect(isCriteriaSetId("2026-2030")).toBe(true);
    expect(isCriteriaSetId("2016-2020")).toBe(false);
    expect(() => getCriteriaSet("2016-2020" as never)).toThrow(/Unknown criteria set/);
  });
});
