import fc from "fast-check";
import { isValidTableName, sanitiseTableName, uniqueTableName } from "./tableNames";

describe("table names", () => {
  it("turns Vietnamese titles into ASCII names Excel accepts", () => {
    expect(sanitiseTableName("Bảng kết quả")).toBe("Bang_ket_qua");
    expect(sanitiseTableName("Đánh giá 2026-2030")).toBe("Danh_gia_2026_2030");
    expect(sanitiseTableName("2025")).toBe("_2025");
    expect(sanitiseTableName("")).toBe("_");
  });

  it("never produces something Excel would read as a cell reference", () => {
    expect(sanitiseTableName("A1")).toBe("_A1");
    expect(sanitiseTableName("XFD1048576")).toBe("_XFD1048576");
    expect(sanitiseTableName("R1C1")).toBe("_R1C1");
    expect(sanitiseTableName("C")).toBe("_C");
  });

  it("appends a number when the name is taken, ignoring case", () => {
    expect(uniqueTableName("Kết quả", ["KET_QUA"])).toBe("Ket_qua_2");
    expect(uniqueTableName("Kết quả", ["ket_qua", "Ket_qua_2"])).toBe("Ket_qua_3");
  });

  it("always gives a valid name that is not taken, for any input (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
        (wanted, taken) => {
          const name = uniqueTableName(wanted, taken);
          return isValidTableName(name) && !taken.some((t) => t.toUpperCase() === name.toUpperCase());
        },
      ),
    );
  });
});
