import { HIGHLIGHT_PALETTE } from "../workbook/formats/palette";
import { TOOL_RULE_MARKER } from "../workbook/formats/toolRules";
import { isToolRule, toExcelFormat } from "./conditionalFormats";

describe("conditional format rules", () => {
  it("colours rules from the palette, fill as pattern and background colour", () => {
    const cf = toExcelFormat({ kind: "formula", range: "B2:B9", formula: "B2>1", style: "near" }, 4, false);
    const colours = HIGHLIGHT_PALETTE.near;
    expect(cf).toEqual({
      ref: "B2:B9",
      rules: [
        {
          type: "expression",
          priority: 4,
          formulae: ["B2>1"],
          style: {
            font: { color: { argb: "FF" + colours.font } },
            fill: {
              type: "pattern",
              pattern: "solid",
              fgColor: { argb: "FF" + colours.fill },
              bgColor: { argb: "FF" + colours.fill },
            },
          },
        },
      ],
    });
  });

  it("marks rules for user sheets, and recognises the marker whatever the case", () => {
    const cf = toExcelFormat({ kind: "textEquals", range: "C2:C9", text: "Đạt", style: "met" }, 1, true);
    expect(cf.rules[0].formulae).toEqual([`AND(${TOOL_RULE_MARKER},EXACT(C2,"Đạt"))`]);
    expect(isToolRule(cf.rules[0])).toBe(true);
    expect(isToolRule({ type: "expression", formulae: ['and(istext("NTM Planner"),B2>1)'] })).toBe(true);
    expect(isToolRule({ type: "expression", formulae: ['B2="NTM Planner"'] })).toBe(false);
    expect(isToolRule({ type: "dataBar" })).toBe(false);
  });

  it("refuses unbounded ranges and bad colours", () => {
    expect(() => toExcelFormat({ kind: "dataBar", range: "B:B", color: "5B9BD5" }, 1, false)).toThrow(
      /bounded/,
    );
    expect(() => toExcelFormat({ kind: "dataBar", range: "B2:B3", color: "blue" }, 1, false)).toThrow(
      /RRGGBB/,
    );
  });
});
