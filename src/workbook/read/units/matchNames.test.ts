import { readFileSync } from "fs";
import { performance } from "perf_hooks";
import { UNIT_FILES, unitsDataPath } from "../../../catalog/units";
import {
  matchNames,
  matchUnit,
  placeFromText,
  type NameRequest,
  type UnitMatch,
  type UnitScope,
} from "./matchNames";
import { accentedName } from "./nameKey";
import { unitBaseName, unitDirectoryFromTsv, type Unit } from "./unitDirectory";

const read = (file: string) => readFileSync(unitsDataPath(file), "utf8");
const national = unitDirectoryFromTsv("2024-11", read(UNIT_FILES.vietnam2024));
const haTinh2025 = unitDirectoryFromTsv("2025-07", read(UNIT_FILES.haTinh2025));

const districts = national.provinces().flatMap((p) => national.children(p.code));
const communes = districts.flatMap((d) => national.children(d.code));
const districtOf = (c: Unit): Unit => national.byCode(c.parentCode ?? "") as Unit;

/** The code matched, "ambiguous: a,b", or "unmatched: a,b" (nearest), for short assertions. */
function describeMatch(m: UnitMatch): string {
  if (m.kind === "matched") return m.unit.code;
  const units = m.kind === "ambiguous" ? m.candidates : m.nearest;
  return `${m.kind}: ${units.map((u) => u.code).join(",")}`;
}
const match = (text: string, scope: UnitScope, dir = national) => describeMatch(matchUnit(dir, text, scope));

/** Communes that share their exact name without type word with another commune of their district. */
const sameNameInDistrict = new Set(
  communes
    .filter((c) =>
      national
        .children(c.parentCode ?? "")
        .some((o) => o !== c && accentedName(unitBaseName(o)) === accentedName(unitBaseName(c))),
    )
    .map((c) => c.code),
);

describe("matchUnit, communes", () => {
  it.each([
    "TT Nghèn",
    "Thị trấn Nghèn",
    "TT. Nghèn",
    "t.t Nghèn",
    "Nghèn",
    "nghen",
    "NGHÈN",
    "Nghèn".normalize("NFD"),
  ])("matches %j in Huyện Can Lộc to Thị trấn Nghèn (18406)", (text) => {
    expect(match(text, { level: "commune", within: "443" })).toBe("18406");
  });

  it.each([
    "Xã Trung Lộc",
    "Trung Lộc",
    "xã Trung Lộc",
    "XÃ TRUNG LỘC",
    "X. Trung  Lộc",
    "- Xã Trung Lộc (*)",
  ])("matches %j to Xã Trung Lộc (18472) within its district and within Hà Tĩnh", (text) => {
    expect(match(text, { level: "commune", within: "443" })).toBe("18472");
    expect(match(text, { level: "commune", within: "42" })).toBe("18472");
  });

  it("matches “P. Bắc Hà” in Hà Tĩnh to Phường Bắc Hà (18076)", () => {
    expect(match("P. Bắc Hà", { level: "commune", within: "42" })).toBe("18076");
    expect(match("P.Bắc Hà", { level: "commune", within: "436" })).toBe("18076");
  });

  it("keeps a commune search in its district, or in its province", () => {
    expect(match("Trung Lộc", { level: "commune", within: "444" })).toMatch(/^unmatched/);
    expect(match("Phương Liên", { level: "commune", within: "42" })).toMatch(/^unmatched/);
    expect(match("Phương Liên", { level: "commune", within: "01" })).toBe("00220");
  });

  it("refuses a unit whose type differs from the one typed, and lists it as nearest", () => {
    expect(match("Xã Nghèn", { level: "commune", within: "443" })).toBe("unmatched: 18406");
  });

  it("lists the nearest names, best first, for a misspelt name", () => {
    const m = matchUnit(national, "Trung Lục", { level: "commune", within: "443" });
    expect(m.kind).toBe("unmatched");
    expect(m.kind === "unmatched" && m.nearest[0].name).toBe("Xã Trung Lộc");
    expect(match("Trugn Lộc", { level: "commune", within: "443" })).toMatch(/^unmatched: 18472/);
  });

  it("lists no nearest name when none is within the edit distance allowed", () => {
    expect(match("Không có tên này", { level: "commune", within: "443" })).toBe("unmatched: ");
    expect(match("(*)", { level: "commune", within: "443" })).toBe("unmatched: ");
  });

  it("says ambiguous when a name fits several communes of the province, and its type or accents tell them apart", () => {
    // Hà Tĩnh: Xã Thạch Hạ (TP Hà Tĩnh) and Thị trấn Thạch Hà (Huyện Thạch Hà) fold alike.
    expect(match("Thach Ha", { level: "commune", within: "42" })).toBe("ambiguous: 18100,18562");
    expect(match("Thạch Hà", { level: "commune", within: "42" })).toBe("18562");
    expect(match("Thạch Hạ", { level: "commune", within: "42" })).toBe("18100");
    expect(match("Xã Thach Ha", { level: "commune", within: "42" })).toBe("18100");
    // Thanh Hóa: two Phường Phú Sơn and two Xã Phú Sơn.
    expect(match("Phú Sơn", { level: "commune", within: "38" })).toBe("ambiguous: 14770,14823,14887,16603");
    expect(match("Phường Phú Sơn", { level: "commune", within: "38" })).toBe("ambiguous: 14770,14823");
    expect(match("Phú Sơn", { level: "commune", within: "381" })).toBe("14823");
  });

  it("says ambiguous for a name two communes of one district share, until the type word is given", () => {
    expect(match("Yên Viên", { level: "commune", within: "018" })).toBe("ambiguous: 00526,00532");
    expect(match("TT Yên Viên", { level: "commune", within: "018" })).toBe("00526");
    expect(match("Xã Yên Viên", { level: "commune", within: "018" })).toBe("00532");
  });

  it("tells apart names of one district that differ only in their accents (Sa Pa, Sa Pả)", () => {
    expect(match("Phường Sa Pa", { level: "commune", within: "088" })).toBe("03001");
    expect(match("Sa Pả", { level: "commune", within: "088" })).toBe("03002");
    expect(match("SA PẢ".normalize("NFD"), { level: "commune", within: "088" })).toBe("03002");
  });

  it("matches names whose first word is, or looks like, a type word", () => {
    expect(match("Phường Đúc", { level: "commune", within: "474" })).toBe("19780");
    expect(match("Phường Phường Đúc", { level: "commune" })).toBe("19780");
    expect(match("P Rao", { level: "commune", within: "505" })).toBe("20467");
    expect(match("H Bông", { level: "commune", within: "633" })).toBe("23968");
    expect(match("Phuong Lien", { level: "commune", within: "006" })).toBe("00220");
    expect(match("N.T Phong Hải", { level: "commune", within: "086" })).toBe("02902");
  });

  it("matches every one of the 10,472 communes, typed without type word, within its district", () => {
    const wrong: string[] = [];
    for (const c of communes) {
      const got = matchUnit(national, unitBaseName(c), { level: "commune", within: c.parentCode });
      const ok = sameNameInDistrict.has(c.code)
        ? got.kind === "ambiguous" &&
          got.candidates.includes(c) &&
          matchUnit(national, c.name, { level: "commune", within: c.parentCode }).kind === "matched"
        : got.kind === "matched" && got.unit === c;
      if (!ok) wrong.push(`${c.code} ${c.name}: ${describeMatch(got)}`);
    }
    expect(wrong).toEqual([]);
    // 19 pairs (“Thị trấn Yên Viên” and “Xã Yên Viên” in Huyện Gia Lâm…) need their type word.
    expect(sameNameInDistrict.size).toBe(38);
  });
});

describe("matchUnit, districts and provinces", () => {
  it.each([
    ["Huyện Can Lộc", "443"],
    ["HUYỆN HƯƠNG KHÊ", "444"],
    ["II. HUYỆN HƯƠNG KHÊ", "444"],
    ["Hương Khê", "444"],
    ["TX Kỳ Anh", "449"],
    ["Thị xã Kỳ Anh", "449"],
    ["Huyện Kỳ Anh", "447"],
    ["TP Hà Tĩnh", "436"],
    ["Thành phố Hà Tĩnh", "436"],
  ])("matches %j in Hà Tĩnh to district %s", (text, code) => {
    expect(match(text, { level: "district", within: "42" })).toBe(code);
  });

  it("says ambiguous for “Kỳ Anh” without type word: a huyện and a thị xã", () => {
    expect(match("Kỳ Anh", { level: "district", within: "42" })).toBe("ambiguous: 447,449");
  });

  it("matches provinces with or without their type word", () => {
    expect(match("Tỉnh Hà Tĩnh", { level: "province" })).toBe("42");
    expect(match("Hà Tĩnh", { level: "province" })).toBe("42");
    expect(match("TP Hà Nội", { level: "province" })).toBe("01");
    expect(match("Thành phố Hà Tĩnh", { level: "province" })).toMatch(/^unmatched: 42\b/);
  });
});

describe("matchUnit, 2025-07", () => {
  it.each([
    ["Xã Thạch Hà", "18562"],
    ["Thạch Hà", "18562"],
    ["Kỳ Anh", "18775"],
    ["Xã Can Lộc", "18406"],
    ["P. Sông Trí", "18754"],
    ["Bắc Hồng Lĩnh", "18115"],
    ["Sơn Kim 1", "18196"],
    ["Xã Sơn Kim 2", "18199"],
  ])("matches %j to the unit of 1/7/2025 %s", (text, code) => {
    expect(match(text, { level: "commune", within: "42" }, haTinh2025)).toBe(code);
    expect(match(text, { level: "commune" }, haTinh2025)).toBe(code);
  });

  it("does not know the communes merged away on 1/7/2025", () => {
    expect(match("Trung Lộc", { level: "commune", within: "42" }, haTinh2025)).toMatch(/^unmatched/);
    expect(match("Phường Sông Trí", { level: "district" }, haTinh2025)).toBe("unmatched: ");
  });
});

describe("matchNames", () => {
  const haTinhCommunes = communes.filter((c) => c.provinceCode === "42");

  it("infers Hà Tĩnh from a sheet of its communes under section rows, and matches every one", () => {
    const requests: NameRequest[] = haTinhCommunes.map((c, i) => ({
      text: i % 2 === 0 ? unitBaseName(c) : c.name.toUpperCase(),
      level: "commune",
      district: `${i % 3 === 0 ? "I. " : ""}${districtOf(c).name.toUpperCase()}`,
    }));
    const result = matchNames(national, requests);
    expect(result.inferredProvince).toEqual({ province: national.byCode("42"), votes: 216, of: 216 });
    result.matches.forEach((m, i) => {
      expect(m.match).toEqual({ kind: "matched", unit: haTinhCommunes[i] });
      expect(m.district).toBe(districtOf(haTinhCommunes[i]));
      expect(m.districtMatch).toEqual({ kind: "matched", unit: districtOf(haTinhCommunes[i]) });
    });
  });

  it("infers Hà Tĩnh from its commune names alone, then matches within it the names other provinces share", () => {
    const requests: NameRequest[] = haTinhCommunes.map((c) => ({ text: unitBaseName(c), level: "commune" }));
    const alone = requests.map((r) => matchUnit(national, r.text, { level: "commune" }));
    expect(alone.filter((m) => m.kind === "ambiguous").length).toBeGreaterThan(20);
    const result = matchNames(national, requests);
    expect(result.inferredProvince?.province.code).toBe("42");
    expect(result.matches.map((m) => m.match)).toEqual(
      haTinhCommunes.map((unit) => ({ kind: "matched", unit })),
    );
  });

  it("matches every commune of each province, province given, typed without type word under its district's name", () => {
    for (const province of national.provinces()) {
      const own = communes.filter((c) => c.provinceCode === province.code);
      const result = matchNames(
        national,
        own.map((c) => ({ text: unitBaseName(c), level: "commune", district: districtOf(c).name })),
        { provinceCode: province.code },
      );
      expect(result.inferredProvince).toBeUndefined();
      const wrong = result.matches
        .map((m, i) => ({ m: m.match, c: own[i] }))
        .filter(({ m, c }) =>
          sameNameInDistrict.has(c.code)
            ? !(m.kind === "ambiguous" && m.candidates.includes(c))
            : !(m.kind === "matched" && m.unit === c),
        );
      expect(wrong).toEqual([]);
    }
  });

  it("never gives a national sheet a wrong code, and infers no province from it", () => {
    const result = matchNames(
      national,
      communes.map((c) => ({ text: unitBaseName(c), level: "commune", district: districtOf(c).name })),
    );
    expect(result.inferredProvince).toBeUndefined();
    const outcome = result.matches.map((m, i) =>
      m.match.kind === "matched" ? (m.match.unit === communes[i] ? "own" : "wrong") : m.match.kind,
    );
    expect(outcome.filter((o) => o === "wrong")).toEqual([]);
    // Beside the 38 same-name pairs, 22 communes sit under a district name several provinces share
    // (“Huyện Châu Thành”) and share their own name with a commune of another of those districts.
    expect(outcome.filter((o) => o === "own")).toHaveLength(10412);
  });

  it("matches 10,472 names in well under 500 ms", () => {
    const requests: NameRequest[] = communes.map((c) => ({
      text: unitBaseName(c),
      level: "commune",
      district: districtOf(c).name,
    }));
    matchNames(national, requests);
    const t0 = performance.now();
    matchNames(national, requests);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it("takes a district code as the section, and a section that is no district leaves the province as scope", () => {
    const result = matchNames(
      national,
      [
        { text: "Nghèn", level: "commune", district: "443" },
        { text: "Trung Lộc", level: "commune", district: "Các xã vùng bãi ngang" },
      ],
      { provinceCode: "42" },
    );
    expect(result.matches[0]).toEqual({
      match: { kind: "matched", unit: national.byCode("18406") },
      district: national.byCode("443"),
      districtMatch: { kind: "matched", unit: national.byCode("443") },
    });
    expect(result.matches[1].match).toEqual({ kind: "matched", unit: national.byCode("18472") });
    expect(result.matches[1].district).toBeUndefined();
    expect(result.matches[1].districtMatch?.kind).toBe("unmatched");
  });

  it("takes the district of the matched commune when the section's name fits several districts", () => {
    const result = matchNames(national, [{ text: "Kỳ Ninh", level: "commune", district: "Kỳ Anh" }], {
      provinceCode: "42",
    });
    expect(result.matches[0].match).toEqual({ kind: "matched", unit: national.byCode("18781") });
    expect(result.matches[0].district).toBe(national.byCode("449"));
    expect(describeMatch(result.matches[0].districtMatch as UnitMatch)).toBe("ambiguous: 447,449");
  });

  it("lists a commune of the same name in another district of the province first when it is not in its section's", () => {
    const result = matchNames(
      national,
      [{ text: "Trung Lộc", level: "commune", district: "Huyện Hương Khê" }],
      {
        provinceCode: "42",
      },
    );
    expect(describeMatch(result.matches[0].match)).toMatch(/^unmatched: 18472/);
  });

  it("lists the nearest names of a misspelt commune in its district", () => {
    const result = matchNames(national, [{ text: "Trung Lục", level: "commune", district: "Huyện Can Lộc" }]);
    expect(describeMatch(result.matches[0].match)).toMatch(/^unmatched: 18472/);
  });

  it("matches district and province rows within the province", () => {
    const result = matchNames(
      national,
      [
        { text: "Huyện Kỳ Anh", level: "district" },
        { text: "TX Kỳ Anh", level: "district" },
        { text: "Tỉnh Hà Tĩnh", level: "province" },
      ],
      { provinceCode: "42" },
    );
    expect(result.matches.map((m) => describeMatch(m.match))).toEqual(["447", "449", "42"]);
  });

  it("matches names of the 2025-07 list, whose section rows name no district", () => {
    const result = matchNames(haTinh2025, [
      { text: "Thạch Hà", level: "commune" },
      { text: "Kỳ Anh", level: "commune", district: "Huyện Kỳ Anh" },
    ]);
    expect(result.inferredProvince).toEqual({ province: haTinh2025.byCode("42"), votes: 2, of: 2 });
    expect(result.matches.map((m) => describeMatch(m.match))).toEqual(["18562", "18775"]);
    expect(result.matches[1].districtMatch?.kind).toBe("unmatched");
  });
});

describe("placeFromText", () => {
  const codes = (text: string, dir = national) => {
    const place = placeFromText(dir, text);
    return place && { province: place.province?.code, district: place.district?.code };
  };

  it.each([
    "UBND TỈNH HÀ TĨNH",
    "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
    "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH HÀ TĨNH",
    "BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH XÂY DỰNG NÔNG THÔN MỚI TỈNH HÀ TĨNH NĂM 2022",
    "UBND TINH HA TINH",
    "Ủy ban nhân dân tỉnh Hà Tĩnh".normalize("NFD"),
  ])("finds Hà Tĩnh in %j", (text) => {
    expect(codes(text)).toEqual({ province: "42", district: undefined });
  });

  it("finds a province named as a city", () => {
    expect(codes("UBND THÀNH PHỐ HÀ NỘI")).toEqual({ province: "01", district: undefined });
    expect(codes("UBND TP. HỒ CHÍ MINH")).toEqual({ province: "79", district: undefined });
  });

  it("finds a district, and its province from it", () => {
    expect(codes("UBND HUYỆN CAN LỘC")).toEqual({ province: "42", district: "443" });
    expect(codes("UBND THỊ XÃ KỲ ANH")).toEqual({ province: "42", district: "449" });
    expect(codes("UBND THÀNH PHỐ HÀ TĨNH")).toEqual({ province: "42", district: "436" });
  });

  it("keeps a district name several provinces share only when one of them is named too", () => {
    expect(codes("UBND HUYỆN CHÂU THÀNH")).toBeUndefined();
    expect(codes("UBND HUYỆN CHÂU THÀNH - TỈNH TIỀN GIANG")).toEqual({ province: "82", district: "821" });
  });

  it.each([
    "VĂN PHÒNG ĐIỀU PHỐI NTM TỈNH",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "BAN QUẢN LÝ DỰ ÁN ĐẦU TƯ XÂY DỰNG",
    "",
  ])("finds no place in %j", (text) => {
    expect(codes(text)).toBeUndefined();
  });

  it("finds Hà Tĩnh in the 2025-07 list, which has no districts", () => {
    expect(codes("UBND TỈNH HÀ TĨNH", haTinh2025)).toEqual({ province: "42", district: undefined });
    expect(codes("UBND HUYỆN CAN LỘC", haTinh2025)).toBeUndefined();
  });
});
