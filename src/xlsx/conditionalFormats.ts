/**
 * ConditionalRule → ExcelJS conditional formats, and the bookkeeping of NTM Planner's rules on user
 * input sheets. The formulas and the marker on the tool's own rules are src/workbook/formats/toolRules.ts's;
 * this module only puts them into ExcelJS's model:
 * - textEquals and formula → an expression rule with ruleFormula's expression;
 * - dataBar → a solid data bar from 0 to 1 (Excel 2010 form: the 2007 <dataBar> plus its x14 half).
 * Fill and font colours come from HIGHLIGHT_PALETTE; the fill is written as both pattern and background
 * colour, because Excel reads bgColor for a solid fill in a conditional format and some readers fgColor.
 * On a user sheet every rule is marked (markFormula) and data bars are refused: they carry no marker.
 */
import type { Worksheet } from "exceljs";
import type { ConditionalRule } from "../workbook/sheetSpec";
import { DATA_BAR_COLOUR, HIGHLIGHT_PALETTE, rgbHex } from "../workbook/formats/palette";
import { isToolFormula, markFormula, ruleFormula } from "../workbook/formats/toolRules";
import { parseRangeAddress, rangeAddress } from "../workbook/a1";
import { internals, type CfModel, type CfRuleModel } from "./internals";

/** A bounded A1 range in canonical form ("B3:F20"), or an Error naming what was wrong. */
export function canonicalRange(range: string, what: string): string {
  const pos = parseRangeAddress(range);
  if (!pos) throw new Error(`${what}: not a bounded A1 range: "${range}"`);
  return rangeAddress(pos.start.row, pos.start.col, pos.end.row, pos.end.col);
}

function argb(rgb: string): string {
  return "FF" + rgbHex(rgb);
}

/** True when a loaded or created rule carries NTM Planner's marker. */
export function isToolRule(rule: CfRuleModel): boolean {
  return (rule.formulae ?? []).some(isToolFormula);
}

/** The ExcelJS conditional format for one rule. `marked` wraps formulas with the marker. */
export function toExcelFormat(rule: ConditionalRule, priority: number, marked: boolean): CfModel {
  const ref = canonicalRange(rule.range, "Conditional format");
  if (rule.kind === "dataBar") {
    const colour = { argb: argb(rule.color || DATA_BAR_COLOUR) };
    return {
      ref,
      rules: [
        {
          type: "dataBar",
          priority,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 1 },
          ],
          color: colour,
          gradient: false,
          minLength: 0,
          maxLength: 100,
          negativeFillColor: { argb: "FFFF0000" },
          axisColor: { argb: "FF000000" },
        },
      ],
    };
  }
  const colours = HIGHLIGHT_PALETTE[rule.style];
  const formula = ruleFormula(rule);
  const fill = argb(colours.fill);
  return {
    ref,
    rules: [
      {
        type: "expression",
        priority,
        formulae: [marked ? markFormula(formula) : formula],
        style: {
          font: { color: { argb: argb(colours.font) } },
          fill: { type: "pattern", pattern: "solid", fgColor: { argb: fill }, bgColor: { argb: fill } },
        },
      },
    ],
  };
}

/** Conditional formats of a tool-owned sheet: the given rules, priorities 1..n in order. */
export function setOwnedSheetRules(ws: Worksheet, rules: readonly ConditionalRule[]): void {
  internals(ws).conditionalFormattings = rules.map((rule, i) => toExcelFormat(rule, i + 1, false));
}

/**
 * On a user sheet: removes the rules NTM Planner added before (and only those) and adds `rules`,
 * marked, with priorities after every rule the user has, so the user's own rules keep precedence.
 * Nothing else on the sheet is touched.
 */
export function replaceToolRules(ws: Worksheet, rules: readonly ConditionalRule[]): void {
  const dataBar = rules.find((r) => r.kind === "dataBar");
  if (dataBar) {
    throw new Error(
      `Data bars cannot be added to the user sheet "${ws.name}" (${dataBar.range}): they carry no marker`,
    );
  }
  const { kept, maxPriority } = userFormats(ws);
  const added = rules.map((rule, i) => toExcelFormat(rule, maxPriority + 1 + i, true));
  // A fresh array: ExcelJS caches "has x14 content" on the array itself.
  internals(ws).conditionalFormattings = [...kept, ...added];
}

/** Removes NTM Planner's rules from a user sheet the plan no longer highlights. True when any were found. */
export function removeToolRules(ws: Worksheet): boolean {
  const { kept, removed } = userFormats(ws);
  if (removed) internals(ws).conditionalFormattings = kept;
  return removed;
}

function userFormats(ws: Worksheet): { kept: CfModel[]; maxPriority: number; removed: boolean } {
  const kept: CfModel[] = [];
  let maxPriority = 0;
  let removed = false;
  for (const cf of internals(ws).conditionalFormattings ?? []) {
    const userRules = cf.rules.filter((rule) => !isToolRule(rule));
    if (userRules.length !== cf.rules.length) removed = true;
    if (userRules.length === 0) continue;
    for (const rule of userRules) maxPriority = Math.max(maxPriority, rule.priority ?? 0);
    kept.push(userRules.length === cf.rules.length ? cf : { ...cf, rules: userRules });
  }
  return { kept, maxPriority, removed };
}
