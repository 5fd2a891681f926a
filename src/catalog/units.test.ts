import fc from "fast-check";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  findProjectRoot,
  loadHaTinhUnits2024,
  loadHaTinhUnits2025,
  loadVietnamUnits,
  parseSuccessors,
  parseTsv,
  unitsDataPath,
} from "./units";

const national = loadVietnamUnits();
const haTinh2024 = loadHaTinhUnits2024();
const haTinh2025 = loadHaTinhUnits2025();

const countBy = <T>(rows: T[], key: (r: T) => string) =>
  rows.reduce<Record<string, number>>((acc, r) => ((acc[key(r)] = (acc[key(r)] ?? 0) + 1), acc), {});

describe("loadVietnamUnits", () => {
  it("loads the 10,472 commune-level units of the 63 provinces (GSO, 01/11/2024)", () => {
    expect(national).toHaveLength(10472);
    expect(new Set(national.map((u) => u.province_code)).size).toBe(63);
    expect(new Set(national.map((u) => u.commune_code)).size).toBe(10472);
    expect(national[0]).toEqual({
      province_code: "01",
      province: "Thành phố Hà Nội",
      district_code: "001",
      district: "Quận Ba Đình",
      district_type: "Quận",
      commune_code: "00001",
      commune: "Phường Phúc Xá",
      commune_type: "Phường",
    });
  });

  it("fills every field and keeps GSO codes as zero-padded text", () => {
    for (const u of national) {
      expect(Object.values(u).every((v) => v !== "")).toBe(true);
    }
    expect(national.every((u) => /^\d{2}$/.test(u.province_code) && /^\d{5}$/.test(u.commune_code))).toBe(
      true,
    );
    expect(new Set(national.map((u) => u.commune_type))).toEqual(new Set(["Xã", "Phường", "Thị trấn"]));
  });
});

describe("loadHaTinhUnits2024", () => {
  it("loads Hà Tĩnh's 216 units in 13 districts: 182 xã, 21 phường, 13 thị trấn", () => {
    expect(haTinh2024).toHaveLength(216);
    expect(new Set(haTinh2024.map((u) => u.district_code)).size).toBe(13);
    expect(countBy(haTinh2024, (u) => u.commune_type)).toEqual({ Xã: 182, Phường: 21, "Thị trấn": 13 });
  });

  it("matches the units of province 42 in the national list, code for code", () => {
    const fromNational = national.filter((u) => u.province_code === "42");
    expect(fromNational.map((u) => [u.commune_code, u.commune, u.district_code]).sort()).toEqual(
      haTinh2024.map((u) => [u.commune_code, u.commune, u.district_code]).sort(),
    );
  });

  it("has the district sizes of period-2026-2030.md §3.2", () => {
    const sizes = countBy(haTinh2024, (u) => u.district);
    expect(sizes["Thành phố Hà Tĩnh"]).toBe(15);
    expect(sizes["Huyện Hương Sơn"]).toBe(25);
    expect(sizes["Huyện Lộc Hà"]).toBe(12);
  });

  it("parses the 2025 successors: two split units, two unconfirmed, the rest one each", () => {
    expect(
      haTinh2024.filter((u) => u.split).map((u) => [u.commune, u.successors.map((s) => s.code)]),
    ).toEqual([
      ["Phường Đại Nài", ["18073", "18652"]],
      ["Xã Kỳ Lợi", ["18823", "18754", "18832"]],
    ]);
    expect(haTinh2024.filter((u) => u.successors.length === 0).map((u) => u.commune)).toEqual([
      "Xã Trung Lộc",
      "Xã Phú Phong",
    ]);
    expect(
      haTinh2024.filter((u) => !u.split && u.successors.length !== 1 && u.successors.length !== 0),
    ).toEqual([]);
  });

  it("points every successor at a 2025 unit of the same name, and every 2025 unit has a predecessor", () => {
    const names2025 = new Map(haTinh2025.map((u) => [u.commune_code_2025, u.commune_2025]));
    const successors = haTinh2024.flatMap((u) => u.successors);
    for (const s of successors) expect(names2025.get(s.code)).toBe(s.name);
    expect(new Set(successors.map((s) => s.code))).toEqual(new Set(names2025.keys()));
  });
});

describe("loadHaTinhUnits2025", () => {
  it("loads the 69 units from 1/7/2025: 60 xã and 9 phường, each citing 1027/CTK-CSCL", () => {
    expect(haTinh2025).toHaveLength(69);
    expect(new Set(haTinh2025.map((u) => u.commune_code_2025)).size).toBe(69);
    expect(countBy(haTinh2025, (u) => u.commune_type)).toEqual({ Xã: 60, Phường: 9 });
    expect(haTinh2025.every((u) => u.source.includes("1027/CTK-CSCL"))).toBe(true);
  });
});

describe("parseTsv", () => {
  const field = fc.string({ maxLength: 12 }).filter((s) => !/[\t\r\n]/.test(s) && s.trim() === s);
  const table = fc
    .integer({ min: 1, max: 5 })
    .chain((width) =>
      fc.tuple(
        fc.uniqueArray(
          field.filter((s) => s !== ""),
          { minLength: width, maxLength: width },
        ),
        fc.array(fc.array(field, { minLength: width, maxLength: width }), { maxLength: 20 }),
      ),
    )
    .filter(([, rows]) => rows.every((r) => r.join("\t") !== ""));

  it("reads back any table written as header + tab-separated rows, with LF or CRLF", () => {
    fc.assert(
      fc.property(table, fc.boolean(), ([header, rows], crlf) => {
        const eol = crlf ? "\r\n" : "\n";
        const text = [header, ...rows].map((r) => r.join("\t")).join(eol) + eol;
        const parsed = parseTsv(text);
        expect(parsed).toEqual(rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))));
      }),
    );
  });

  it("rejects a row whose field count differs from the header, naming the line", () => {
    expect(() => parseTsv("a\tb\n1\t2\n3\n", "x.tsv")).toThrow("x.tsv, line 3: 1 fields, header has 2");
  });

  it("ignores a byte-order mark", () => {
    expect(parseTsv("\uFEFFa\tb\n1\t2\n")).toEqual([{ a: "1", b: "2" }]);
  });
});

describe("parseSuccessors", () => {
  it("pairs names with codes and notices splits and unconfirmed rows", () => {
    expect(parseSuccessors("Phường A; Xã B (split)", "1; 2")).toEqual({
      successors: [
        { code: "1", name: "Phường A" },
        { code: "2", name: "Xã B" },
      ],
      split: true,
    });
    expect(parseSuccessors("UNCONFIRMED (absent)", "")).toEqual({ successors: [], split: false });
    expect(() => parseSuccessors("A; B", "1")).toThrow(/do not pair up/);
  });
});

describe("data location", () => {
  it("reads the shipped copy under the project root, never the shared reference", () => {
    const path = unitsDataPath("vietnam-units-2024-11.tsv");
    expect(path).toBe(join(findProjectRoot(), "data", "units", "vietnam-units-2024-11.tsv"));
    expect(path).not.toContain("shared");
  });

  it("finds package.json from a nested build folder such as dist/src/catalog", () => {
    const root = mkdtempSync(join(tmpdir(), "ntm-root-"));
    writeFileSync(join(root, "package.json"), "{}");
    const nested = join(root, "dist", "src", "catalog");
    mkdirSync(nested, { recursive: true });
    expect(findProjectRoot(nested)).toBe(root);
  });
});

describe("parseTsv with awkward headers", () => {
  it("keeps a column named __proto__ (found by the property test above)", () => {
    expect(parseTsv("__proto__\t!\nx\ty\n")).toEqual([
      Object.fromEntries([
        ["__proto__", "x"],
        ["!", "y"],
      ]),
    ]);
    expect(Object.keys(parseTsv("__proto__\t!\nx\ty\n")[0])).toEqual(["__proto__", "!"]);
  });
});
