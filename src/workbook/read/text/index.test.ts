import type { CellValue } from "../../port";
import {
  isConnectorHeader,
  isFooterLine,
  isNumberingRow,
  markColumnKind,
  parseCount,
  parseThresholdText,
  sectionLabel,
  titleFacts,
  totalLabel,
  unitLabel,
} from "./index";

/** A commune biểu as a district sends it up: title block, header band, numbering row, body, footer. */
const BIEU: CellValue[][] = [
  ["UBND TỈNH HÀ TĨNH", null, null, null, null],
  ["BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NTM NĂM 2022", null, null, null, null],
  ["(Kèm theo Báo cáo số 123/BC-UBND ngày 15/12/2022; tiêu chí theo QĐ 318/QĐ-TTg)", null, null, null, null],
  ["TT", "Tên xã", "Kết quả thực hiện các tiêu chí", null, "Số tiêu chí đạt"],
  [null, null, "Trong đó", null, null],
  [null, null, "TC 1", "TC 2", "Tiêu chí"],
  ["A", "B", 1, 2, 3],
  ["I", "Huyện Can Lộc", null, null, "1/2 xã đạt"],
  [1, "Xã Thượng Lộc", "x", "x", "2/2"],
  [2, "Xã Trung Lộc", "x", null, "1/2"],
  ["Cộng huyện Can Lộc", null, null, null, null],
  ["Tổng cộng", null, null, null, null],
  ["Người lập biểu", null, null, "Hà Tĩnh, ngày 15 tháng 12 năm 2022", null],
];

const text = (v: CellValue) => (typeof v === "string" ? v : "");

describe("the text parsers together, over one biểu", () => {
  it("reads the title block's facts", () => {
    expect(titleFacts(BIEU.slice(0, 3).map((r) => text(r[0])))).toMatchObject({
      year: 2022,
      yearStrength: "title",
      decisions: ["123/BC-UBND", "318/QĐ-TTg"],
      setHint: "2021-2025",
      placeText: "HÀ TĨNH",
    });
  });

  it("tells the header band's connector and unit cells, and the numbering row", () => {
    expect(isConnectorHeader(text(BIEU[4][2]))).toBe(true);
    expect(unitLabel(text(BIEU[5][4]))).toBe("Tiêu chí");
    expect(isNumberingRow(BIEU[6])).toBe(true);
    expect(isNumberingRow(BIEU[8])).toBe(false);
  });

  it("classifies the body rows", () => {
    expect(sectionLabel(text(BIEU[7][0]), text(BIEU[7][1]))).toEqual({ marker: "I", name: "Huyện Can Lộc" });
    expect(parseCount(BIEU[7][4])).toEqual({ count: 1, of: 2 });
    expect(sectionLabel(text(BIEU[8][0]), text(BIEU[8][1]))).toBeNull();
    expect(totalLabel(text(BIEU[10][0]))).toEqual({ kind: "subtotal", scope: "huyện Can Lộc" });
    expect(totalLabel(text(BIEU[11][0]))).toEqual({ kind: "total" });
    expect(isFooterLine(text(BIEU[12][0]))).toBe(true);
    expect(isFooterLine(text(BIEU[12][3]))).toBe(true);
  });

  it("reads the mark columns and typed counts of the communes", () => {
    const communes = BIEU.slice(8, 10);
    expect(markColumnKind(communes.map((r) => r[2]))).toBe("positiveOnly");
    expect(markColumnKind(communes.map((r) => r[3]))).toBe("positiveOnly");
    expect(communes.map((r) => parseCount(r[4]))).toEqual([
      { count: 2, of: 2 },
      { count: 1, of: 2 },
    ]);
  });

  it("reads a threshold copied from the province's decision", () => {
    expect(parseThresholdText("Đạt từ 80% trở lên", "vi")).toEqual({
      comparator: ">=",
      value: 80,
      percent: true,
    });
  });
});
