import fc from "fast-check";
import { parseCount } from "./countText";

describe("parseCount", () => {
  it.each([
    [17, { count: 17 }],
    [0, { count: 0 }],
    ["17", { count: 17 }],
    ["17/19", { count: 17, of: 19 }],
    ["17 / 19", { count: 17, of: 19 }],
    ["19/19", { count: 19, of: 19 }],
    ["0/6", { count: 0, of: 6 }],
    ["4/6 xã đạt", { count: 4, of: 6 }],
    ["4/6 xã đạt chuẩn", { count: 4, of: 6 }],
    ["Đạt 17/19 tiêu chí", { count: 17, of: 19 }],
    ["đạt 17/19 TC", { count: 17, of: 19 }],
    ["17 tiêu chí", { count: 17 }],
    ["17 TC", { count: 17 }],
    ["17TC", { count: 17 }],
    ["3 huyện đạt chuẩn NTM", { count: 3 }],
    ["  17  /  19  ", { count: 17, of: 19 }],
  ])("reads %j as a count", (value, count) => {
    expect(parseCount(value)).toEqual(count);
  });

  it.each<[string | number | boolean | null]>([
    ["85%"],
    ["2,5"],
    [2.5],
    [-1],
    ["x"],
    [""],
    [null],
    [true],
    ["15/12"],
    ["17/0"],
    ["17 tiêu chí, còn thiếu 2"],
    ["Xã A"],
    ["2022-12-15"],
  ])("does not read %j as a count", (value) => {
    expect(parseCount(value)).toBeNull();
  });

  it("does not read an error value as a count", () => {
    expect(parseCount({ error: "#N/A" })).toBeNull();
  });

  it("reads back any count out of a whole, in NFC or NFD, in any case, with any spacing", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((of) => fc.tuple(fc.integer({ min: 0, max: of }), fc.constant(of))),
        fc.constantFrom("", " tiêu chí", " TC", " xã đạt"),
        fc.constantFrom("", "Đạt ", "ĐẠT "),
        fc.constantFrom("", " ", "  "),
        ([count, of], tail, head, pad) => {
          const text = `${head}${count}${pad}/${pad}${of}${tail}`;
          for (const t of [text, text.normalize("NFD"), text.toLowerCase(), `  ${text} `]) {
            expect(parseCount(t)).toEqual({ count, of });
          }
        },
      ),
    );
  });
});
