import { REGION_CODES } from "../domain/types";
import { REGION_RULE, REGIONS, regionOfProvince } from "./regions";
import { loadVietnamUnits } from "./units";

const provinces = new Map(loadVietnamUnits().map((u) => [u.province_code, u.province]));

describe("REGIONS", () => {
  it("lists the seven QĐ 318 regions in the domain's order", () => {
    expect(REGIONS.map((r) => r.code)).toEqual([...REGION_CODES]);
  });

  it("puts each of the 63 provinces of the 2024 unit list in exactly one region", () => {
    const listed = REGIONS.flatMap((r) => r.provinceCodes);
    expect(provinces.size).toBe(63);
    expect([...listed].sort()).toEqual([...provinces.keys()].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("confirms Bắc Trung Bộ's six provinces and flags the other lists as unconfirmed, with a note", () => {
    const btb = REGIONS.find((r) => r.code === "BTB")!;
    expect(btb.confirmed).toBe(true);
    expect(btb.provinceCodes.map((c) => provinces.get(c))).toEqual([
      "Tỉnh Thanh Hóa",
      "Tỉnh Nghệ An",
      "Tỉnh Hà Tĩnh",
      "Tỉnh Quảng Bình",
      "Tỉnh Quảng Trị",
      "Tỉnh Thừa Thiên Huế",
    ]);
    for (const r of REGIONS.filter((x) => x.code !== "BTB")) {
      expect(r.confirmed).toBe(false);
      expect(r.note).toBeTruthy();
    }
    for (const r of REGIONS) expect(r.source).toMatch(/QĐ 318/);
  });
});

describe("regionOfProvince", () => {
  it("finds the region of a GSO province code", () => {
    expect(regionOfProvince("42")).toBe("BTB");
    expect(regionOfProvince("01")).toBe("DBSH");
    expect(regionOfProvince("2")).toBe("TDMNPB");
    expect(regionOfProvince("70")).toBe("DNB");
    expect(regionOfProvince("96")).toBe("DBSCL");
  });

  it("returns undefined for a code that is not a 2024 province", () => {
    expect(regionOfProvince("03")).toBeUndefined();
    expect(regionOfProvince("")).toBeUndefined();
    expect(regionOfProvince("18073")).toBeUndefined();
  });
});

describe("REGION_RULE", () => {
  it("sends ĐBKK and ATK-in-poor-district communes to TDMNPB, citing QĐ 318", () => {
    expect(REGION_RULE).toMatchObject({
      region: "TDMNPB",
      whenAny: ["dbkk", "atkPoorDistrict"],
      confirmed: true,
    });
    expect(REGION_RULE.source).toMatch(/QĐ 318\/QĐ-TTg/);
    expect(REGION_RULE.source).toMatch(/https?:\/\//);
  });
});
