import fc from "fast-check";
import { foldText } from "../../../domain/text";
import { blankOut, collapseSpaces, lowerOf, matchesOf, shadowOf } from "./shadow";

describe("shadowOf", () => {
  it("lower-cases, removes diacritics and turns đ into d, keeping punctuation and length", () => {
    expect(shadowOf("Đơn vị: Tr.đ")).toBe("don vi: tr.d");
    expect(shadowOf("Quyết định số 318/QĐ-TTg")).toBe("quyet dinh so 318/qd-ttg");
    expect(shadowOf("≥ 80%\u00a0trở lên")).toBe("≥ 80% tro len");
  });

  it("keeps one unit per unit of its NFC input, so a match slices the text as typed", () => {
    const viChars = fc.constantFrom(
      ..."aàảãáạăằẳẵắặâầẩẫấậđeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ",
    );
    const text = fc
      .array(
        fc.oneof(
          viChars,
          viChars.map((c) => c.toUpperCase()),
          fc.constantFrom(" ", "/", "-", "1", "%", "\t"),
        ),
      )
      .map((cs) => cs.join("").normalize("NFC"));
    fc.assert(
      fc.property(text, (t) => {
        const s = shadowOf(t);
        expect(s.length).toBe(t.length);
        expect(foldText(s)).toBe(foldText(t));
      }),
    );
  });
});

describe("lowerOf", () => {
  it("lower-cases keeping diacritics and length", () => {
    expect(lowerOf("TỈNH HÀ TĨNH")).toBe("tỉnh hà tĩnh");
    expect(lowerOf("İ").length).toBe(1);
  });
});

describe("collapseSpaces, matchesOf, blankOut", () => {
  it("collapses runs of whitespace and trims", () => {
    expect(collapseSpaces("  a \u00a0 b\t c ")).toBe("a b c");
  });

  it("finds every match from the start, whatever the expression's state", () => {
    const re = /\d+/g;
    re.lastIndex = 3;
    expect(matchesOf(re, "1 22 333").map((m) => m[0])).toEqual(["1", "22", "333"]);
    expect(matchesOf(re, "a1").map((m) => m.index)).toEqual([1]);
  });

  it("blanks a span out with spaces, keeping the length", () => {
    expect(blankOut("abcdef", 1, 3)).toBe("a  def");
  });
});
