import fc from "fast-check";
import type { CellValue } from "../../port";
import { markColumnKind, markOf } from "./marks";

describe("markOf", () => {
  it.each<[CellValue]>([
    ["x"],
    ["X"],
    ["✓"],
    ["✔"],
    ["v"],
    ["V"],
    ["Đạt"],
    ["đạt"],
    ["ĐẠT"],
    ["Đạt chuẩn"],
    ["Hoàn thành"],
    ["Có"],
    [" x "],
    [true],
    [1],
    ["1"],
  ])("reads %j as met", (value) => {
    expect(markOf(value)).toBe("met");
  });

  it.each<[CellValue]>([
    ["Chưa đạt"],
    ["Không đạt"],
    ["CHƯA ĐẠT"],
    ["Chưa"],
    ["Không"],
    ["✗"],
    ["✘"],
    ["KĐ"],
    [false],
    [0],
  ])("reads %j as not met", (value) => {
    expect(markOf(value)).toBe("notMet");
  });

  it.each<[CellValue]>([[null], [""], ["-"], ["–"], ["—"], ["   "]])("reads %j as blank", (value) => {
    expect(markOf(value)).toBe("blank");
  });

  it.each<[CellValue]>([[85], ["85%"], ["Xã Cẩm Bình"], [{ error: "#N/A" }], [0.5], ["Đạt 17/19 tiêu chí"]])(
    "reads %j as no mark",
    (value) => {
      expect(markOf(value)).toBeNull();
    },
  );

  it("reads NFD and case alike", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Đạt", "Chưa đạt", "Không đạt", "Hoàn thành", "Đạt chuẩn", "KĐ", "x"),
        (t) => {
          expect(markOf(t.normalize("NFD"))).toBe(markOf(t));
          expect(markOf(t.toUpperCase())).toBe(markOf(t));
          expect(markOf(t.toLowerCase())).toBe(markOf(t));
        },
      ),
    );
  });
});

describe("markColumnKind", () => {
  it("reads a column that only marks the met cells as positive-only", () => {
    expect(markColumnKind(["x", null, "x", "", "-", "x"])).toBe("positiveOnly");
    expect(markColumnKind(["✓", "✓"])).toBe("positiveOnly");
  });

  it("reads a column with not-met marks as explicit", () => {
    expect(markColumnKind(["Đạt", "Chưa đạt", "Đạt", null])).toBe("explicit");
    expect(markColumnKind(["Không đạt", "Chưa đạt"])).toBe("explicit");
  });

  it("tolerates one stray comment among many marks", () => {
    expect(markColumnKind(["x", "x", "x", "x", "x", "đang hoàn thiện hồ sơ"])).toBe("positiveOnly");
    expect(markColumnKind(["Đạt", "Chưa đạt", "Đạt", "Đạt", "Đạt", "xem ghi chú"])).toBe("explicit");
  });

  it("reads a column with 20% or more non-marks as not marks", () => {
    expect(markColumnKind(["x", "x", "x", "x", "ghi chú"])).toBe("notMarks");
    expect(markColumnKind([85, 90, 77, 1])).toBe("notMarks");
    expect(markColumnKind(["Xã A", "Xã B"])).toBe("notMarks");
  });

  it("reads an empty column as not marks", () => {
    expect(markColumnKind([])).toBe("notMarks");
    expect(markColumnKind([null, "", "-"])).toBe("notMarks");
  });

  it("does not depend on the order of the cells", () => {
    const cell = fc.constantFrom<CellValue>("x", "Đạt", "Chưa đạt", null, "-", "ghi chú", 85);
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }), (cells) => {
        expect(markColumnKind([...cells].reverse())).toBe(markColumnKind(cells));
      }),
    );
  });
});
