import { DATA_BAR_COLOUR, HIGHLIGHT_PALETTE, rgbHex } from "./palette";

describe("the palette", () => {
  it("holds one RRGGBB fill and font per result style, and the data bar colour", () => {
    for (const colours of Object.values(HIGHLIGHT_PALETTE)) {
      expect(rgbHex(colours.fill)).toBe(colours.fill);
      expect(rgbHex(colours.font)).toBe(colours.font);
    }
    expect(Object.keys(HIGHLIGHT_PALETTE).sort()).toEqual(["met", "near", "notMet", "unknown"]);
    expect(rgbHex(DATA_BAR_COLOUR)).toBe(DATA_BAR_COLOUR);
  });

  it("reads a colour with or without # in any case, and refuses anything else", () => {
    expect(rgbHex("#c6efce")).toBe("C6EFCE");
    expect(rgbHex("5b9bd5")).toBe("5B9BD5");
    for (const bad of ["red", "#FFF", "FFC7CE00", "", "GGGGGG"]) {
      expect(() => rgbHex(bad)).toThrow(/Not an RRGGBB colour/);
    }
  });
});
