import { readFileSync } from "fs";
import fc from "fast-check";
import { UNIT_FILES, unitsDataPath } from "../../../catalog/units";
import { foldName, nameReadings, unitNameKey } from "./nameKey";
import { unitBaseName, unitDirectoryFromTsv } from "./unitDirectory";

const dir = unitDirectoryFromTsv("2024-11", readFileSync(unitsDataPath(UNIT_FILES.vietnam2024), "utf8"));
const communes = dir.provinces().flatMap((p) => dir.children(p.code).flatMap((d) => dir.children(d.code)));

describe("unitNameKey", () => {
  it.each([
    ["Xã Trung Lộc", "trung loc", "Xã"],
    ["xã Trung Lộc", "trung loc", "Xã"],
    ["XÃ TRUNG LỘC", "trung loc", "Xã"],
    ["X. Trung Lộc", "trung loc", "Xã"],
    ["TT Nghèn", "nghen", "Thị trấn"],
    ["TT. Nghèn", "nghen", "Thị trấn"],
    ["T.T Nghèn", "nghen", "Thị trấn"],
    ["t.t. Nghèn", "nghen", "Thị trấn"],
    ["Tt.Nghèn", "nghen", "Thị trấn"],
    ["Thị trấn Nghèn", "nghen", "Thị trấn"],
    ["P. Bắc Hà", "bac ha", "Phường"],
    ["P.Bắc Hà", "bac ha", "Phường"],
    ["Phường 1", "1", "Phường"],
    ["Q.1", "1", "Quận"],
    ["Huyện Can Lộc", "can loc", "Huyện"],
    ["H. Can Lộc", "can loc", "Huyện"],
    ["HUYỆN HƯƠNG KHÊ", "huong khe", "Huyện"],
    ["TX Kỳ Anh", "ky anh", "Thị xã"],
    ["Thị xã Kỳ Anh", "ky anh", "Thị xã"],
    ["Thị Xã Mường Lay", "muong lay", "Thị xã"],
    ["TP Hà Tĩnh", "ha tinh", "Thành phố"],
    ["Tp. Hà Tĩnh", "ha tinh", "Thành phố"],
    ["Thành phố Hà Tĩnh", "ha tinh", "Thành phố"],
    ["Tỉnh Hà Tĩnh", "ha tinh", "Tỉnh"],
    ["T. Hà Tĩnh", "ha tinh", "Tỉnh"],
  ])("reads %j as %j of type %s", (text, key, type) => {
    expect(unitNameKey(text)).toEqual({ key, type });
  });

  it.each([
    ["- Xã Trung Lộc", "trung loc"],
    ["1. Xã Trung Lộc", "trung loc"],
    ["12) Xã Trung Lộc", "trung loc"],
    ["Xã Trung Lộc (*)", "trung loc"],
    ["Xã Trung Lộc *", "trung loc"],
    ["II. HUYỆN HƯƠNG KHÊ", "huong khe"],
    ["X. Huyện Hương Khê", "huong khe"],
    ["a) Xã Trung Lộc", "trung loc"],
    ["b) Trung Lộc", "trung loc"],
    ["B. Xã Trung Lộc", "trung loc"],
    ["  Xã   Trung \u00a0 Lộc  ", "trung loc"],
  ])("takes numbering, footnote marks and spacing off %j", (text, key) => {
    expect(unitNameKey(text).key).toBe(key);
  });

  it("keeps a name without type word whole, numbers included", () => {
    expect(unitNameKey("Trung Lộc")).toEqual({ key: "trung loc" });
    expect(unitNameKey("Mỹ Đình 1")).toEqual({ key: "my dinh 1" });
    expect(unitNameKey("N.T Phong Hải")).toEqual({ key: "n t phong hai" });
  });

  it("does not read a name's first word as a type word when its diacritics differ", () => {
    for (const name of ["Phương Liên", "Tịnh Khê", "Quản Bạ", "Xà Phìn", "Quán Toan", "Tĩnh Túc"]) {
      expect(unitNameKey(name)).toEqual({ key: foldName(name) });
    }
  });

  it("does not read a lone letter without a dot, or a word that merely begins like a type, as a type", () => {
    expect(unitNameKey("H Bông")).toEqual({ key: "h bong" });
    expect(unitNameKey("P Rao")).toEqual({ key: "p rao" });
    expect(unitNameKey("Quang Trung")).toEqual({ key: "quang trung" });
    expect(unitNameKey("Xã")).toEqual({ key: "xa" });
  });

  it("also reads the whole text when a type word was taken off, for names that begin with one", () => {
    expect(nameReadings("Phường Đúc").map((r) => r.key)).toEqual(["duc", "phuong duc"]);
    expect(nameReadings("Phuong Lien").map((r) => r.key)).toEqual(["lien", "phuong lien"]);
    expect(nameReadings("Trung Lộc").map((r) => r.key)).toEqual(["trung loc"]);
  });

  it("reads every commune name of the 2024-11 list as its type and its name without type word", () => {
    const wrong = communes.filter((c) => {
      const read = unitNameKey(c.name);
      return read.type !== c.type || read.key !== foldName(unitBaseName(c));
    });
    expect(wrong).toEqual([]);
  });
});

describe("unitNameKey properties", () => {
  const names = fc.constantFrom(
    ...communes.map((c) => c.name),
    ...communes.map(unitBaseName),
    "TT Nghèn",
    "P. Bắc Hà",
  );
  const prefixed = fc.tuple(fc.constantFrom("", "- ", "1. ", "II. "), names).map(([p, n]) => p + n);

  it("gives the same key to NFC and NFD text", () => {
    fc.assert(
      fc.property(prefixed, (t) => {
        expect(unitNameKey(t.normalize("NFD"))).toEqual(unitNameKey(t.normalize("NFC")));
      }),
    );
  });

  it("gives the same key whatever the case of each letter", () => {
    fc.assert(
      fc.property(prefixed, fc.infiniteStream(fc.boolean()), (t, upper) => {
        const mixed = [...t].map((ch) => (upper.next().value ? ch.toUpperCase() : ch.toLowerCase())).join("");
        expect(unitNameKey(mixed)).toEqual(unitNameKey(t));
      }),
    );
  });

  it("gives the same key with extra spaces, tabs or no-break spaces around and between words", () => {
    const gap = fc.constantFrom(" ", "  ", "\t", "\u00a0", " \u00a0 ");
    fc.assert(
      fc.property(prefixed, gap, gap, gap, (t, a, b, c) => {
        expect(unitNameKey(a + t.split(" ").join(` ${b}`) + c)).toEqual(unitNameKey(t));
      }),
    );
  });

  it("gives keys of single-spaced lower-case words without diacritics", () => {
    fc.assert(
      fc.property(prefixed, (t) => {
        expect(unitNameKey(t).key).toMatch(/^[a-z0-9%]+( [a-z0-9%]+)*$/);
      }),
    );
  });
});
