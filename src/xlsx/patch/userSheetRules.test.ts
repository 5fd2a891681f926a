import type { ConditionalRule } from "../../workbook/sheetSpec";
import { StyleBook } from "./stylesXml";
import { editUserSheetTail, removeToolRulesFromTail, topLevelElements } from "./userSheetRules";

const RULES: ConditionalRule[] = [
  { kind: "formula", range: "B2:D9", formula: "=INDEX(NTM_DD_1,ROW(),COLUMN())=1", style: "notMet" },
  { kind: "textEquals", range: "E2:E9", text: 'Đạt "A"', style: "met" },
];

const USER_RULE =
  '<conditionalFormatting sqref="A2:A9"><cfRule type="dataBar" priority="4"><dataBar><cfvo type="min"/><cfvo type="max"/>' +
  '<color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="x14">' +
  "<x14:id>{1}</x14:id></ext></extLst></cfRule></conditionalFormatting>";

const OLD_TOOL_RULE =
  '<conditionalFormatting sqref="B2:D9"><cfRule type="expression" dxfId="3" priority="5">' +
  "<formula>AND(ISTEXT(&quot;NTM Planner&quot;),INDEX(NTM_DD_1,ROW(),COLUMN())=2)</formula></cfRule></conditionalFormatting>";

/** A tail as Excel writes it: merges, the user's data bar (with an <extLst> of its own), validations… */
const TAIL =
  '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>' +
  USER_RULE +
  OLD_TOOL_RULE +
  '<dataValidations count="1"><dataValidation type="list" sqref="E2:E9"><formula1>"Đạt,Chưa đạt"</formula1></dataValidation></dataValidations>' +
  '<hyperlinks><hyperlink ref="A1" r:id="rId2"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<pageSetup paperSize="9"/><drawing r:id="rId1"/><legacyDrawing r:id="rId3"/><tableParts count="1"><tablePart r:id="rId4"/></tableParts>' +
  '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="x14"><x14:conditionalFormattings>' +
  '<x14:conditionalFormatting xmlns:xm="xm"><x14:cfRule type="dataBar" id="{1}"><x14:dataBar><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/></x14:dataBar></x14:cfRule><xm:sqref>A2:A9</xm:sqref></x14:conditionalFormatting>' +
  "</x14:conditionalFormattings></ext></extLst></worksheet>";

describe("topLevelElements", () => {
  it("sees a conditional format holding an <extLst> as one element, and stops at the root's end", () => {
    const { elements, rootEnd } = topLevelElements(TAIL);
    expect(elements.map((e) => e.qname)).toEqual([
      "mergeCells",
      "conditionalFormatting",
      "conditionalFormatting",
      "dataValidations",
      "hyperlinks",
      "pageMargins",
      "pageSetup",
      "drawing",
      "legacyDrawing",
      "tableParts",
      "extLst",
    ]);
    expect(TAIL.slice(rootEnd)).toBe("</worksheet>");
  });
});

describe("editUserSheetTail", () => {
  it("replaces the old tool rule and inserts the new ones after the user's, before <dataValidations>", () => {
    const styles = new StyleBook(null);
    const out = editUserSheetTail(TAIL, "", RULES, styles)!;
    const expected = TAIL.replace(OLD_TOOL_RULE, "").replace(
      "<dataValidations",
      '<conditionalFormatting sqref="B2:D9"><cfRule type="expression" dxfId="0" priority="5">' +
        '<formula>AND(ISTEXT("NTM Planner"),INDEX(NTM_DD_1,ROW(),COLUMN())=1)</formula></cfRule></conditionalFormatting>' +
        '<conditionalFormatting sqref="E2:E9"><cfRule type="expression" dxfId="1" priority="6">' +
        '<formula>AND(ISTEXT("NTM Planner"),EXACT(E2,"Đạt ""A"""))</formula></cfRule></conditionalFormatting>' +
        "<dataValidations",
    );
    expect(out).toBe(expected);
  });

  it("inserts before <pageMargins> or the root's end when nothing else follows, keeping the prefix", () => {
    const styles = new StyleBook(null);
    expect(editUserSheetTail('<pageMargins left="1"/></worksheet>', "", RULES.slice(0, 1), styles)).toMatch(
      /^<conditionalFormatting sqref="B2:D9">.*<\/conditionalFormatting><pageMargins/,
    );
    expect(editUserSheetTail("</x:worksheet>", "x:", RULES.slice(0, 1), styles)).toMatch(
      /^<x:conditionalFormatting sqref="B2:D9"><x:cfRule[^>]*><x:formula>.*<\/x:conditionalFormatting><\/x:worksheet>$/,
    );
  });

  it("returns null when there is nothing to remove and nothing to add", () => {
    const noTool = TAIL.replace(OLD_TOOL_RULE, "");
    expect(editUserSheetTail(noTool, "", [], new StyleBook(null))).toBeNull();
  });

  it("keeps a user's rule in a block that also held a tool rule", () => {
    const mixed =
      '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&gt;1</formula></cfRule>' +
      '<cfRule type="expression" priority="2"><formula>AND(ISTEXT("NTM Planner"),A1=1)</formula></cfRule></conditionalFormatting></worksheet>';
    const { tail, removed, maxPriority } = removeToolRulesFromTail(mixed, "");
    expect(removed).toBe(true);
    expect(maxPriority).toBe(1);
    expect(tail).toBe(
      '<conditionalFormatting sqref="A1"><cfRule type="expression" priority="1"><formula>A1&gt;1</formula></cfRule></conditionalFormatting></worksheet>',
    );
  });

  it("keeps a user's rule that only mentions NTM Planner in a comparison", () => {
    const lookalike =
      '<conditionalFormatting sqref="C9"><cfRule type="expression" priority="10"><formula>C9="NTM Planner"</formula></cfRule></conditionalFormatting></worksheet>';
    expect(removeToolRulesFromTail(lookalike, "")).toEqual({
      tail: lookalike,
      maxPriority: 10,
      removed: false,
    });
  });
});
