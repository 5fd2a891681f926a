import { META_SHEET } from "../port";
import {
  ERROR_MESSAGE_LIMIT,
  ERROR_TITLE_LIMIT,
  HelperLists,
  inlineListFormula,
  validationText,
} from "./validationLists";

describe("list validations", () => {
  it("inlines a short list as one quoted, comma-separated string", () => {
    expect(inlineListFormula(["Đạt", "Chưa đạt", "Không áp dụng"])).toBe('"Đạt,Chưa đạt,Không áp dụng"');
  });

  it("inlines up to exactly 255 characters of list text and no more", () => {
    const at = ["x".repeat(127), "y".repeat(127)]; // 127 + 1 + 127 = 255
    expect(inlineListFormula(at)).not.toBeNull();
    expect(inlineListFormula([...at.slice(0, 1), "y".repeat(128)])).toBeNull();
  });

  it("sends items with a comma or a quote to a helper range", () => {
    expect(inlineListFormula(["Xã A, huyện B"])).toBeNull();
    expect(inlineListFormula(['Xã "mới"'])).toBeNull();
  });

  it("gives each distinct long list its own meta column and shares identical ones", () => {
    const helpers = new HelperLists();
    const a = ["Mường Nhé, Điện Biên", "Nậm Pồ"];
    const b = ["Tủa Chùa, Điện Biên"];
    expect(helpers.reference(a)).toBe(`'${META_SHEET}'!$C$1:$C$2`);
    expect(helpers.reference(b)).toBe(`'${META_SHEET}'!$D$1:$D$1`);
    expect(helpers.reference([...a])).toBe(`'${META_SHEET}'!$C$1:$C$2`);
    expect(helpers.lists).toEqual([a, b]);
  });

  it("cuts error titles and messages to the lengths Excel accepts, and leaves short ones alone", () => {
    expect(validationText("t".repeat(40), ERROR_TITLE_LIMIT)).toHaveLength(32);
    expect(validationText("e".repeat(300), ERROR_MESSAGE_LIMIT)).toHaveLength(255);
    expect(validationText("Sai giá trị", ERROR_TITLE_LIMIT)).toBe("Sai giá trị");
    expect(validationText(undefined, ERROR_TITLE_LIMIT)).toBeUndefined();
  });
});
