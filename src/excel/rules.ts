/**
 * Conditional-format rules through office.js, the same rules the .xlsx ports write, from the formulas
 * and the marker of src/workbook/formats/toolRules.ts:
 *  - textEquals → a Custom rule `=EXACT(B3,"Đạt")` for the top-left cell (case- and accent-exact);
 *  - formula → a Custom rule with the formula as given;
 *  - dataBar → a solid data bar from 0 to 1 in the plan's colour;
 * with the fill and font colours of HIGHLIGHT_PALETTE.
 *
 * How the tool's own rules are recognised on a user's sheet: every rule NTM Planner adds there has its
 * formula wrapped with the marker (`AND(ISTEXT("NTM Planner"),…)`), so each port removes exactly the
 * rules the others added. On a re-run the port loads every Custom rule's formula on the user sheets
 * (Rule.formula, en-US) and deletes those that carry the marker (isToolFormula); the user's own rules
 * are never touched. A data bar has no formula to carry the marker, so data bars are refused on user
 * sheets. (Rule ids are no alternative: they are not stable across sessions and would have to be kept
 * in the meta sheet, which the .xlsx ports rewrite.)
 *
 * Order: Excel adds a rule at the top of the list (first priority). Each rule is configured first and
 * then sent to the end (priority beyond the last, which Excel clamps to the last), so the plan's rules
 * keep their order and come after every rule the user already has, as in the .xlsx port.
 */
import { DATA_BAR_COLOUR, HIGHLIGHT_PALETTE, rgbHex } from "../workbook/formats/palette";
import { markFormula, ruleFormula, type FormulaRule } from "../workbook/formats/toolRules";
import type { ConditionalRule } from "../workbook/sheetSpec";

/** A priority past any sheet's last rule: Excel sets it to the last position. */
export const LAST_PRIORITY = 1_000_000;

/** "#RRGGBB" of an "RRGGBB" colour; throws for anything else. */
export function hexColour(rgb: string): string {
  return "#" + rgbHex(rgb);
}

/** The formula (with "=") of a Custom rule; `marked` for rules on user sheets. */
export function customFormula(rule: FormulaRule, marked: boolean): string {
  const formula = ruleFormula(rule);
  return "=" + (marked ? markFormula(formula) : formula);
}

/** Checks what addRule would send, so a plan with a bad rule is refused before anything changes. */
export function checkRule(rule: ConditionalRule): void {
  if (rule.kind === "dataBar") hexColour(rule.color || DATA_BAR_COLOUR);
  else if (ruleFormula(rule).trim() === "")
    throw new Error(`Empty conditional-format formula on ${rule.range}`);
}

/**
 * Queues one rule on `range` (a range of the sheet) and sends it to the end of the sheet's list.
 * Returns the JSON of what was sent, for the payload estimate.
 */
export function addRule(range: Excel.Range, rule: ConditionalRule, marked: boolean): unknown {
  if (rule.kind === "dataBar") {
    const colour = hexColour(rule.color || DATA_BAR_COLOUR);
    const cf = range.conditionalFormats.add("DataBar");
    cf.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
    cf.dataBar.upperBoundRule = { type: "Number", formula: "1" };
    cf.dataBar.positiveFormat.fillColor = colour;
    cf.dataBar.positiveFormat.gradientFill = false;
    cf.priority = LAST_PRIORITY;
    return [rule.range, colour];
  }
  const colours = HIGHLIGHT_PALETTE[rule.style];
  const formula = customFormula(rule, marked);
  const cf = range.conditionalFormats.add("Custom");
  cf.custom.rule.formula = formula;
  cf.custom.format.fill.color = hexColour(colours.fill);
  cf.custom.format.font.color = hexColour(colours.font);
  cf.priority = LAST_PRIORITY;
  return [rule.range, formula, colours];
}
