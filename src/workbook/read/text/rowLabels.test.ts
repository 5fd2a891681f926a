import fc from "fast-check";
import type { CellValue } from "../../port";
import {
  isConnectorHeader,
  isFooterLine,
  isNumberingRow,
  numberingToken,
  sectionLabel,
  totalLabel,
  unitLabel,
} from "./rowLabels";

describe("sectionLabel", () => {
  it.each([
    ["I", "Huyện Can Lộc", "I", "Huyện Can Lộc"],
    ["II.", "HUYỆN HƯƠNG KHÊ", "II", "HUYỆN HƯƠNG KHÊ"],
    ["XXXIX", "Huyện Z", "XXXIX", "Huyện Z"],
    ["A", "Xã đạt chuẩn NTM", "A", "Xã đạt chuẩn NTM"],
    ["B)", "  Xã chưa đạt  ", "B", "Xã chưa đạt"],
    ["Đ", "Nhóm xã khác", "Đ", "Nhóm xã khác"],
  ])("reads the marker %s with its name in the next cell", (first, second, marker, name) => {
    expect(sectionLabel(first, second)).toEqual({ marker, name });
  });

  it.each([
    ["II. HUYỆN HƯƠNG KHÊ", "II", "HUYỆN HƯƠNG KHÊ"],
    ["I - Huyện Can Lộc", "I", "Huyện Can Lộc"],
    ["I-Huyện Can Lộc", "I", "Huyện Can Lộc"],
    ["A) XÃ ĐẠT CHUẨN", "A", "XÃ ĐẠT CHUẨN"],
    ["B. Các xã còn lại", "B", "Các xã còn lại"],
    ["IV Huyện Thạch Hà", "IV", "Huyện Thạch Hà"],
    ["X. HUYỆN KỲ ANH", "X", "HUYỆN KỲ ANH"],
    ["X. Huyện Kỳ Anh", "X", "Huyện Kỳ Anh"],
    ["III: Thị xã Hồng Lĩnh", "III", "Thị xã Hồng Lĩnh"],
  ])("reads the marker and the name from one cell: %s", (first, marker, name) => {
    expect(sectionLabel(first)).toEqual({ marker, name });
  });

  it("reads a marker alone as a section without a name", () => {
    expect(sectionLabel("I")).toEqual({ marker: "I" });
    expect(sectionLabel("B.")).toEqual({ marker: "B" });
    expect(sectionLabel("III", "")).toEqual({ marker: "III" });
  });

  it.each([
    "1",
    "2.",
    "12",
    "i.",
    "ii",
    "Xã",
    "Xã Cẩm Bình",
    "X. Cẩm Bình",
    "P. Bắc Hà",
    "A Lưới",
    "IIII",
    "XL",
    "Tổng cộng",
    "",
  ])("does not read %j as a section", (first) => {
    expect(sectionLabel(first, "Huyện Can Lộc")).toBeNull();
  });

  it("reads NFD and extra spaces alike", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("II. HUYỆN HƯƠNG KHÊ", "I - Huyện Can Lộc", "A) XÃ ĐẠT CHUẨN", "X. Cẩm Bình"),
        (t) => {
          const expected = sectionLabel(t);
          expect(sectionLabel(t.normalize("NFD"))).toEqual(expected);
          expect(sectionLabel(`  ${t.replace(/ /g, "  ")} `)).toEqual(expected);
        },
      ),
    );
  });
});

describe("totalLabel", () => {
  it.each([
    "Tổng cộng",
    "TỔNG CỘNG",
    "Tổng cộng:",
    "Tổng số",
    "Tổng",
    "Cộng",
    "CỘNG",
    "Total",
    "Grand total",
    "Toàn tỉnh",
    "TOÀN TỈNH",
    "Cả tỉnh",
    "Tổng toàn tỉnh",
    "Tổng cộng toàn tỉnh",
    "Toàn huyện",
    "Tổng cộng (I+II+III)",
    "tong cong",
  ])("reads %s as the grand total", (t) => {
    expect(totalLabel(t)).toEqual({ kind: "total" });
  });

  it.each([
    ["Cộng huyện Can Lộc", "huyện Can Lộc"],
    ["CỘNG HUYỆN CAN LỘC", "HUYỆN CAN LỘC"],
    ["Tổng huyện Hương Khê", "huyện Hương Khê"],
    ["Tổng cộng huyện Hương Khê", "huyện Hương Khê"],
    ["Cộng (I)", "I"],
    ["Cộng I", "I"],
    ["Cộng II.", "II"],
    ["Cộng (A)", "A"],
    ["Cộng xã", "xã"],
    ["Cộng: thị xã Hồng Lĩnh", "thị xã Hồng Lĩnh"],
    ["Cộng nhóm 1", "nhóm 1"],
  ])("reads %s as a subtotal of %s", (t, scope) => {
    expect(totalLabel(t)).toEqual({ kind: "subtotal", scope });
  });

  it("reads Subtotal as a subtotal without a scope", () => {
    expect(totalLabel("Subtotal")).toEqual({ kind: "subtotal" });
    expect(totalLabel("Sub-total")).toEqual({ kind: "subtotal" });
  });

  it.each([
    "Cộng đồng dân cư",
    "Tổng hợp",
    "Tổng kết",
    "Tổng số hộ",
    "Tổng số xã",
    "Tổng vốn",
    "Công trình",
    "Xã Cộng Hòa",
    "Huyện Can Lộc",
    "",
  ])("does not read %j as a total", (t) => {
    expect(totalLabel(t)).toBeNull();
  });

  it("reads NFD, case and extra spaces alike", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Tổng cộng", "Toàn tỉnh", "Cộng đồng dân cư", "Cộng (I)", "Tổng hợp"),
        (t) => {
          const expected = totalLabel(t);
          expect(totalLabel(t.normalize("NFD"))).toEqual(expected);
          expect(totalLabel(t.toUpperCase())).toEqual(expected);
          expect(totalLabel(`  ${t.replace(/ /g, "   ")}  `)).toEqual(expected);
        },
      ),
    );
  });
});

describe("isConnectorHeader", () => {
  it.each([
    "Trong đó",
    "Trong đó:",
    "trong do",
    "TRONG ĐÓ",
    "Chia ra",
    "Bao gồm",
    "Gồm",
    "Of which",
    "- Trong đó",
  ])("reads %s as a connector", (t) => {
    expect(isConnectorHeader(t)).toBe(true);
  });

  it.each(["Trong đó ngân sách trung ương", "Tổng số", "Chia theo nguồn", ""])(
    "does not read %j as one",
    (t) => {
      expect(isConnectorHeader(t)).toBe(false);
    },
  );
});

describe("numberingToken", () => {
  it.each([
    ["1", 1, undefined],
    ["(1)", 1, undefined],
    ["( 12 )", 12, undefined],
    ["A", undefined, "A"],
    ["(B)", undefined, "B"],
    ["(a)", undefined, "A"],
    ["3=4+9+10", 3, undefined],
    ["(4)=(5)+(6)", 4, undefined],
    ["5 = 6 + 7", 5, undefined],
    ["(8)=(6)/(7)x100", 8, undefined],
  ])("reads %s as a numbering token", (t, number, letter) => {
    const token = numberingToken(t);
    expect(token).not.toBeNull();
    expect(token?.number).toBe(number);
    expect(token?.letter).toBe(letter);
  });

  it("keeps the token as typed without spaces", () => {
    expect(numberingToken(" 5 = 6 + 7 ")?.text).toBe("5=6+7");
  });

  it.each(["Xã A", "85,5", "", "1234", "Tổng", "AB"])("does not read %j as a numbering token", (t) => {
    expect(numberingToken(t)).toBeNull();
  });
});

describe("isNumberingRow", () => {
  it.each<[string, CellValue[]]>([
    ["(1) (2) (3)", ["(1)", "(2)", "(3)", "(4)"]],
    ["1 2 3 as numbers", [1, 2, 3, 4, 5]],
    ["A B C 1 2 3", ["A", "B", "C", 1, 2, 3]],
    ["(A) (B) (1)", ["(A)", "(B)", "(1)", "(2)"]],
    ["a formula column", ["1", "2", "3=4+9+10", "4", "5", "6"]],
    ["blank cells between", ["(1)", null, "(2)", "", "(3)", "(4)=(5)+(6)", "(5)", "(6)"]],
    ["one stray cell in ten", ["A", "B", 1, 2, 3, 4, 5, 6, 7, "ghi chú"]],
  ])("reads %s as a numbering row", (_, cells) => {
    expect(isNumberingRow(cells)).toBe(true);
  });

  it.each<[string, CellValue[]]>([
    ["a data row", [1, "Xã A", 85, 90]],
    ["a data row of close numbers", ["Xã A", 80, 82, 85, 88, 90]],
    ["a data row with an STT", [1, "Xã A", 80, 82, 85, 90]],
    ["numbers going down", [3, 2, 1]],
    ["a row of marks", ["x", "x", "x", "x"]],
    ["too few cells", ["(1)", "(2)"]],
    ["a header row", ["TT", "Tên xã", "Tiêu chí 1", "Tiêu chí 2"]],
    ["an empty row", [null, "", "  "]],
    ["non-integers", [1.5, 2.5, 3.5]],
  ])("does not read %s as a numbering row", (_, cells) => {
    expect(isNumberingRow(cells)).toBe(false);
  });

  it("reads any run of consecutive column numbers, bracketed or not, as a numbering row", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 40 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        (n, bracketed, start) => {
          const cells = Array.from({ length: n }, (_, i) => (bracketed ? `(${start + i})` : start + i));
          expect(isNumberingRow(cells)).toBe(true);
        },
      ),
    );
  });
});

describe("unitLabel", () => {
  it.each([
    ["%", "%"],
    ["(%)", "%"],
    ["km", "km"],
    ["Km", "Km"],
    ["ha", "ha"],
    ["m2", "m2"],
    ["m²", "m²"],
    ["Tr.đ", "Tr.đ"],
    ["Triệu đồng", "Triệu đồng"],
    ["(Tỷ đồng)", "Tỷ đồng"],
    ["Trđ/người/năm", "Trđ/người/năm"],
    ["triệu đồng/người/năm", "triệu đồng/người/năm"],
    ["người", "người"],
    ["hộ", "hộ"],
    ["Xã", "Xã"],
    ["Tiêu chí", "Tiêu chí"],
    ["Cái", "Cái"],
    ["ĐVT", "ĐVT"],
    ["(ĐVT: %)", "%"],
    ["Đơn vị tính: km", "km"],
    ["1.000 đồng", "1.000 đồng"],
  ])("reads %s as the unit %s", (t, unit) => {
    expect(unitLabel(t)).toBe(unit);
  });

  it.each(["Tỷ lệ (%)", "Hà", "Tên xã", "Tổng số", "Chiều dài (km)", "", "()", "Đơn vị"])(
    "does not read %j as a unit",
    (t) => {
      expect(unitLabel(t)).toBeNull();
    },
  );
});

describe("isFooterLine", () => {
  it.each([
    "Người lập biểu",
    "NGƯỜI LẬP BIỂU",
    "Ghi chú:",
    "Ghi chú: số liệu ước thực hiện",
    "Nơi nhận:",
    "TM. ỦY BAN NHÂN DÂN",
    "T/M UBND XÃ",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Thủ trưởng đơn vị",
    "(Ký, ghi rõ họ tên)",
    "(Ký tên, đóng dấu)",
    "Hà Tĩnh, ngày 15 tháng 12 năm 2022",
    "ngày … tháng … năm …",
    "ngày ... tháng ... năm 20...",
    "- Lưu: VT",
  ])("reads %s as a footer line", (t) => {
    expect(isFooterLine(t)).toBe(true);
  });

  it.each(["Xã Cẩm Bình", "Tổng cộng", "Huyện Can Lộc", "Ngày công lao động", "Kế toán", ""])(
    "does not read %j as a footer line",
    (t) => {
      expect(isFooterLine(t)).toBe(false);
    },
  );
});
