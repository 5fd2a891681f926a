import { HelperLists } from "../workbook/formats/validationLists";
import { META_SHEET } from "../workbook/port";
import { listValidationModel } from "./validationLists";

describe("list validations in ExcelJS's model", () => {
  it("refers to the helper range for a list that cannot be inline", () => {
    const model = listValidationModel({ range: "B2:B9", list: ["Xã A, huyện B"] }, new HelperLists());
    expect(model.formulae).toEqual([`'${META_SHEET}'!$C$1:$C$1`]);
    expect(model).toMatchObject({
      type: "list",
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
    });
  });

  it("cuts error titles and messages to the lengths Excel accepts", () => {
    const model = listValidationModel(
      { range: "A1", list: ["a"], errorTitle: "t".repeat(40), error: "e".repeat(300) },
      new HelperLists(),
    );
    expect(model.formulae).toEqual(['"a"']);
    expect(model.errorTitle).toHaveLength(32);
    expect(model.error).toHaveLength(255);
  });

  it("refuses an empty list", () => {
    expect(() => listValidationModel({ range: "A1", list: [] }, new HelperLists())).toThrow(/empty list/);
  });
});
