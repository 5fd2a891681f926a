import { childrenAfter, WORKSHEET_CHILDREN } from "./worksheetOrder";

describe("the worksheet's children in schema order", () => {
  it("puts a drawing before legacy drawings, tables and extensions, and after page setup", () => {
    const after = childrenAfter("drawing");
    expect([...after]).toEqual([
      "legacyDrawing",
      "legacyDrawingHF",
      "drawingHF",
      "picture",
      "oleObjects",
      "controls",
      "webPublishItems",
      "tableParts",
      "extLst",
    ]);
    expect(after.has("pageSetup")).toBe(false);
  });

  it("puts conditional formats before validations and the drawing, and nothing after extLst", () => {
    const after = childrenAfter("conditionalFormatting");
    expect([...after][0]).toBe("dataValidations");
    expect(after.has("drawing")).toBe(true);
    expect(after.has("mergeCells")).toBe(false);
    expect(childrenAfter("extLst").size).toBe(0);
    expect(new Set(WORKSHEET_CHILDREN).size).toBe(WORKSHEET_CHILDREN.length);
  });
});
