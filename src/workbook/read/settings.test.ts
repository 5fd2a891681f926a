import type { CellValue, SheetGrid } from "../port";
import type { Issue } from "../../domain/types";
import { readSettings } from "./settings";

function settingsGrid(rows: CellValue[][], numberFormats?: (string | null)[][]): SheetGrid {
  return { name: "Thiết lập", values: rows, ...(numberFormats ? { numberFormats } : {}) };
}

describe("readSettings", () => {
  it("applies the defaults around a lone year", () => {
    const issues: Issue[] = [];
    const s = readSettings(settingsGrid([["Năm đánh giá", 2025]]), issues);
    expect(s).toMatchObject({
      year: 2025,
      setId: "2021-2025",
      nearMargin: 0.1,
      lang: "vi",
      numberStyle: "vi",
      moneyUnit: "triệu đồng",
      counterpartRatio: null,
    });
    expect(s.region).toBeUndefined();
    expect(issues.map((i) => [i.severity, i.code])).toEqual([["info", "SETTINGS_SET_DEFAULTED"]]);
  });

  it("reads labels in any column, any spelling, and takes the region from the province code", () => {
    const issues: Issue[] = [];
    const s = readSettings(
      settingsGrid([
        ["THIẾT LẬP"],
        [
          "Điền năm đánh giá, tỉnh và các tham số khác vào cột bên phải; năm đánh giá là bắt buộc đối với mọi báo cáo của tỉnh.",
        ],
        [null, "Tinh", "Hà Tĩnh"],
        [null, "MÃ TỈNH", 42],
        [null, "Nam danh gia".normalize("NFD"), "2024"],
        [null, "Bộ tiêu chí", "QĐ 318"],
        [null, "Language", "English"],
        [null, "Đơn vị tiền", "nghìn đồng"],
      ]),
      issues,
    );
    expect(s).toMatchObject({
      provinceName: "Hà Tĩnh",
      provinceCode: "42",
      region: "BTB",
      year: 2024,
      setId: "2021-2025",
      lang: "en",
      moneyUnit: "nghìn đồng",
    });
    expect(s.refs.year).toEqual({ sheet: "Thiết lập", cell: "C5" });
    expect(issues).toEqual([]);
  });

  it.each<[CellValue, string | null, number]>([
    [0.1, "0%", 0.1],
    ["15%", null, 0.15],
    ["0,2", null, 0.2],
    [0.05, null, 0.05],
    [10, null, 0.1],
  ])("reads the near margin %j (format %j) as %d", (raw, format, expected) => {
    const s = readSettings(
      settingsGrid(
        [
          ["Năm đánh giá", 2025],
          ["Biên độ gần đạt", raw],
        ],
        [
          [null, null],
          [null, format],
        ],
      ),
      [],
    );
    expect(s.nearMargin).toBeCloseTo(expected, 10);
  });

  it.each<[CellValue, string | null, number]>([
    [0.5, null, 0.5],
    ["50%", null, 0.5],
    [1.5, null, 1.5],
    ["1,5", null, 1.5],
  ])("reads the counterpart ratio %j as %d", (raw, format, expected) => {
    const s = readSettings(
      settingsGrid(
        [
          ["Năm đánh giá", 2025],
          ["Tỷ lệ đối ứng tối thiểu NSĐP/NSTW", raw],
        ],
        [
          [null, null],
          [null, format],
        ],
      ),
      [],
    );
    expect(s.counterpartRatio).toBeCloseTo(expected, 10);
  });

  it("reads the region by name and reports a region it does not know, falling back to the province's", () => {
    expect(
      readSettings(
        settingsGrid([
          ["Năm đánh giá", 2025],
          ["Vùng", "Bắc Trung Bộ"],
        ]),
        [],
      ).region,
    ).toBe("BTB");
    const issues: Issue[] = [];
    const s = readSettings(
      settingsGrid([
        ["Năm đánh giá", 2025],
        ["Mã tỉnh", "42"],
        ["Vùng", "Miền Trung"],
      ]),
      issues,
    );
    expect(s.region).toBe("BTB");
    expect(issues.filter((i) => i.severity !== "info")).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "SETTINGS_INVALID_VALUE",
        cell: "B3",
        params: expect.objectContaining({ value: "Miền Trung", label: "Vùng" }),
      }),
    ]);
  });

  it("requires the year: an error, and the set's first year meanwhile", () => {
    const issues: Issue[] = [];
    const s = readSettings(
      settingsGrid([
        ["Bộ tiêu chí", "2026-2030"],
        ["Năm đánh giá", null],
      ]),
      issues,
    );
    expect(s.year).toBe(2026);
    expect(issues).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "SETTINGS_YEAR_MISSING",
        sheet: "Thiết lập",
        cell: "B2",
        params: expect.objectContaining({ fallback: "2026" }),
      }),
    ]);
    const bad: Issue[] = [];
    expect(readSettings(settingsGrid([["Năm đánh giá", "năm nay"]]), bad).year).toBe(2021);
    expect(bad.map((i) => i.code)).toContain("SETTINGS_YEAR_INVALID");
  });

  it("infers the set from the year, and warns when the year is outside the chosen set", () => {
    const issues: Issue[] = [];
    expect(readSettings(settingsGrid([["Năm đánh giá", 2027]]), issues).setId).toBe("2026-2030");
    const outside: Issue[] = [];
    readSettings(
      settingsGrid([
        ["Năm đánh giá", 2027],
        ["Bộ tiêu chí", "2021-2025"],
      ]),
      outside,
    );
    expect(outside.map((i) => [i.severity, i.code])).toEqual([["warning", "SETTINGS_YEAR_OUTSIDE_SET"]]);
  });

  it("reads numbers typed as text with the sheet's own number style", () => {
    const en = readSettings(
      settingsGrid([
        ["Năm đánh giá", 2025],
        ["Định dạng số", "en"],
        ["Tỷ lệ đối ứng tối thiểu", "1.5"],
      ]),
      [],
    );
    expect(en).toMatchObject({ numberStyle: "en", counterpartRatio: 1.5 });
  });

  it("works without a settings sheet, naming the sheet the year belongs on", () => {
    const issues: Issue[] = [];
    const s = readSettings(undefined, issues);
    expect(s.year).toBe(2021);
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: "SETTINGS_YEAR_MISSING",
        params: expect.objectContaining({ sheet: "Thiết lập" }),
      }),
    );
    expect(issues.every((i) => i.sheet === undefined)).toBe(true);
  });
});
