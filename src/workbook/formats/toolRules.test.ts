import { formulaString, isToolFormula, markFormula, ruleFormula, TOOL_RULE_MARKER } from "./toolRules";

describe("highlight rule formulas", () => {
  it("matches exact text with EXACT on the top-left cell, doubling quotes inside the text", () => {
    expect(ruleFormula({ kind: "textEquals", range: "c3:F20", text: "Đạt", style: "met" })).toBe(
      'EXACT(C3,"Đạt")',
    );
    expect(ruleFormula({ kind: "textEquals", range: "B2", text: 'Xã "mới"', style: "near" })).toBe(
      'EXACT(B2,"Xã ""mới""")',
    );
    expect(formulaString('"')).toBe('""""');
  });

  it("drops a leading = from formula rules", () => {
    expect(ruleFormula({ kind: "formula", range: "B2:B9", formula: " =$C2<0.5", style: "notMet" })).toBe(
      "$C2<0.5",
    );
  });

  it("refuses a text rule on a range that is not a bounded A1 range", () => {
    expect(() => ruleFormula({ kind: "textEquals", range: "B:B", text: "Đạt", style: "met" })).toThrow(
      /bounded A1 range/,
    );
  });
});

describe("the marker on the tool's own rules", () => {
  it("wraps a formula so that the rule still means the formula", () => {
    expect(markFormula('EXACT(C2,"Đạt")')).toBe(`AND(${TOOL_RULE_MARKER},EXACT(C2,"Đạt"))`);
  });

  it("recognises a marked formula as Excel gives it back: with =, in another case", () => {
    expect(isToolFormula(markFormula("B2>1"))).toBe(true);
    expect(isToolFormula("=" + markFormula("B2>1"))).toBe(true);
    expect(isToolFormula('=and(istext("NTM Planner"),B2>1)')).toBe(true);
  });

  it("does not take a planner's rule that merely mentions the tool for one of its own", () => {
    expect(isToolFormula('B2="NTM Planner"')).toBe(false);
    expect(isToolFormula("=B2>1")).toBe(false);
    expect(isToolFormula(undefined)).toBe(false);
    expect(isToolFormula(42)).toBe(false);
  });
});
