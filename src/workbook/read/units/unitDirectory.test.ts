import { readFileSync } from "fs";
import { UNIT_FILES, unitsDataPath } from "../../../catalog/units";
import { unitBaseName, unitDirectoryFromTsv } from "./unitDirectory";

const read = (file: string) => readFileSync(unitsDataPath(file), "utf8");
const national = unitDirectoryFromTsv("2024-11", read(UNIT_FILES.vietnam2024));
const haTinh2025 = unitDirectoryFromTsv("2025-07", read(UNIT_FILES.haTinh2025));

describe("unitDirectoryFromTsv, 2024-11", () => {
  it("holds the 63 provinces, their districts and all 10,472 communes, each under its parent", () => {
    expect(national.list).toBe("2024-11");
    expect(national.provinces()).toHaveLength(63);
    const districts = national.provinces().flatMap((p) => national.children(p.code));
    expect(districts).toHaveLength(699);
    const communes = districts.flatMap((d) => national.children(d.code));
    expect(communes).toHaveLength(10472);
    expect(national.entriesWithin("commune")).toHaveLength(10472);
    for (const c of communes) expect(national.byCode(c.parentCode ?? "")?.level).toBe("district");
  });

  it("gives each unit its code, name with type word, type, level and parents", () => {
    expect(national.byCode("18406")).toEqual({
      code: "18406",
      name: "Thị trấn Nghèn",
      type: "Thị trấn",
      level: "commune",
      parentCode: "443",
      provinceCode: "42",
    });
    expect(national.byCode("443")).toEqual({
      code: "443",
      name: "Huyện Can Lộc",
      type: "Huyện",
      level: "district",
      parentCode: "42",
      provinceCode: "42",
    });
    expect(national.byCode("42")).toEqual({
      code: "42",
      name: "Tỉnh Hà Tĩnh",
      type: "Tỉnh",
      level: "province",
      provinceCode: "42",
    });
    expect(national.byCode("01")?.type).toBe("Thành phố");
  });

  it("trims and collapses the stray spaces of a few names in the list", () => {
    expect(national.byCode("04138")?.name).toBe("Xã Cò Nòi");
    expect(national.byCode("859")?.name).toBe("Huyện Vũng Liêm");
  });

  it("takes the type word off names in any capitalisation (“Thị Trấn Mường Chà”, “Thành Phố Bắc Kạn”)", () => {
    const muongCha = national.byCode("03172");
    expect(muongCha && unitBaseName(muongCha)).toBe("Mường Chà");
    expect(national.withKey("commune", "muong cha").map((e) => e.unit.code)).toContain("03172");
    expect(national.withKey("district", "bac kan").map((e) => e.unit.name)).toEqual(["Thành Phố Bắc Kạn"]);
  });

  it("indexes names without their type word, once: “Phường Phường Đúc” is found as “phuong duc”", () => {
    expect(national.withKey("commune", "phuong duc").map((e) => e.unit.name)).toEqual([
      "Xã Phượng Dực",
      "Phường Phường Đúc",
    ]);
    expect(national.withKey("commune", "duc")).toEqual([]);
    expect(national.withKey("district", "ky anh").map((e) => e.unit.code)).toEqual(["447", "449"]);
  });

  it("lists a level's units within a province or a district", () => {
    expect(national.entriesWithin("district", "42")).toHaveLength(13);
    expect(national.entriesWithin("commune", "443").every((e) => e.unit.parentCode === "443")).toBe(true);
    expect(national.entriesWithin("commune", "42").every((e) => e.unit.provinceCode === "42")).toBe(true);
    expect(national.entriesWithin("commune", "42")).toHaveLength(216);
    expect(national.children("18406")).toEqual([]);
  });
});

describe("unitDirectoryFromTsv, 2025-07", () => {
  it("holds Hà Tĩnh's 69 communes directly under province 42, with no district level", () => {
    expect(haTinh2025.provinces()).toEqual([
      { code: "42", name: "Tỉnh Hà Tĩnh", type: "Tỉnh", level: "province", provinceCode: "42" },
    ]);
    const communes = haTinh2025.children("42");
    expect(communes).toHaveLength(69);
    expect(communes.every((c) => c.level === "commune" && c.parentCode === undefined)).toBe(true);
    expect(haTinh2025.entriesWithin("district")).toEqual([]);
    expect(haTinh2025.byCode("18562")).toEqual({
      code: "18562",
      name: "Xã Thạch Hà",
      type: "Xã",
      level: "commune",
      provinceCode: "42",
    });
    expect(haTinh2025.byCode("18754")?.type).toBe("Phường");
  });

  it("rejects a list whose type words or codes are not as shipped", () => {
    expect(() =>
      unitDirectoryFromTsv("2025-07", "commune_code_2025\tcommune_2025\tsource\n1\tThôn A\tx\n"),
    ).toThrow('no commune type word in "Thôn A"');
    expect(() =>
      unitDirectoryFromTsv("2025-07", "commune_code_2025\tcommune_2025\tsource\n1\tXã A\tx\n1\tXã B\tx\n"),
    ).toThrow("code 1 twice");
  });
});
