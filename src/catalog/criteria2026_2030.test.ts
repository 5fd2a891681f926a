import { SET_2026_2030 } from "./criteria2026_2030";

describe("SET_2026_2030", () => {
  it("uses commune groups and has no district level", () => {
    expect(SET_2026_2030.thresholdScope).toBe("group");
    expect(SET_2026_2030.levels).not.toContain("district");
    expect(SET_2026_2030.indicators.some((i) => i.level === "district")).toBe(false);
  });

  it("has the ten confirmed criteria of QĐ 51/2025/QĐ-TTg in order", () => {
    const commune = SET_2026_2030.criteria.filter((c) => c.level === "commune");
    expect(commune.map((c) => c.code)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    expect(commune[0].nameVi).toBe("Quy hoạch");
    expect(commune[9].nameVi).toBe("Tiếp cận pháp luật và an ninh, quốc phòng");
    expect(commune.every((c) => c.confirmed && c.national)).toBe(true);
  });

  it("holds one unconfirmed pass placeholder per criterion until the 47 indicators are entered", () => {
    const commune = SET_2026_2030.indicators.filter((i) => i.level === "commune");
    expect(commune.map((i) => [i.code, i.criterion])).toEqual(
      Array.from({ length: 10 }, (_, i) => [String(i + 1), String(i + 1)]),
    );
    for (const ind of commune) {
      expect(ind).toMatchObject({ kind: "boolean", comparator: "pass", confirmed: false, thresholds: [] });
      expect(ind.note).toMatch(/47 chỉ tiêu/);
      expect(ind.note).toMatch(/nhóm 1, 2, 3/);
    }
  });

  it("has one unconfirmed province placeholder (Phụ lục III not obtained)", () => {
    const province = SET_2026_2030.indicators.filter((i) => i.level === "province");
    expect(province.map((i) => [i.code, i.comparator, i.confirmed])).toEqual([["T.1", "pass", false]]);
  });
});
