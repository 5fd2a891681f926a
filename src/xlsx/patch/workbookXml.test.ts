import { editWorkbook, parseWorkbook, setAttr, type WorkbookEdit } from "./workbookXml";

/** workbook.xml as Excel writes it: a user name, a print area on sheet 2, the active tab on sheet 2. */
const EXCEL_WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<workbookPr date1904="1" defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" activeTab="2"/></bookViews>' +
  '<sheets><sheet name="Xã &amp; huyện" sheetId="1" r:id="rId1"/><sheet name="NTM_META" sheetId="5" state="veryHidden" r:id="rId2"/>' +
  '<sheet name="x state=\'hidden\' y" sheetId="3" r:id="rId3"/></sheets>' +
  "<definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"2\">'x state=''hidden'' y'!$A$1:$C$9</definedName>" +
  '<definedName name="NTM_DD_1">\'KQ_DD_1\'!$A$1:$B$2</definedName><definedName name="ntm_old">1</definedName>' +
  "<definedName name=\"DanhSach\">'Xã &amp; huyện'!$A:$A</definedName></definedNames>" +
  '<calcPr calcId="191029"/><extLst><ext uri="{x}"><x15:workbookPr chartTrackingRefBase="1" xmlns:x15="x15"/></ext></extLst></workbook>';

function edit(over: Partial<WorkbookEdit> = {}): WorkbookEdit {
  const sheets = parseWorkbook(EXCEL_WORKBOOK).sheets;
  return {
    // The meta sheet moves to the end; one new sheet goes before it.
    sheets: [
      sheets[0].element,
      sheets[2].element,
      '<sheet name="KQ" sheetId="6" r:id="rId9"/>',
      sheets[1].element,
    ],
    indexMap: [0, 3, 1],
    ownedNamePrefix: "NTM_",
    names: [{ name: "NTM_DD_2", formula: "'KQ'!$A$1:$D$4" }],
    visible: [0, 1, 2],
    rewritten: new Set<number>(),
    localNames: [],
    ...over,
  };
}

describe("parseWorkbook", () => {
  it("reads names (decoded), ids, states and the date system, and is not fooled by text inside a name", () => {
    const info = parseWorkbook(EXCEL_WORKBOOK);
    expect(info.date1904).toBe(true);
    expect(info.sheets.map(({ name, sheetId, rId, state }) => ({ name, sheetId, rId, state }))).toEqual([
      { name: "Xã & huyện", sheetId: 1, rId: "rId1", state: "visible" },
      { name: "NTM_META", sheetId: 5, rId: "rId2", state: "veryHidden" },
      { name: "x state='hidden' y", sheetId: 3, rId: "rId3", state: "visible" },
    ]);
  });
});

describe("editWorkbook", () => {
  it("rewrites <sheets>, replaces the NTM_ names (any case), moves sheet-scoped names and the active tab with their sheets", () => {
    const out = editWorkbook(EXCEL_WORKBOOK, edit());
    expect(out).toContain(
      '<sheets><sheet name="Xã &amp; huyện" sheetId="1" r:id="rId1"/><sheet name="x state=\'hidden\' y" sheetId="3" r:id="rId3"/>' +
        '<sheet name="KQ" sheetId="6" r:id="rId9"/><sheet name="NTM_META" sheetId="5" state="veryHidden" r:id="rId2"/></sheets>',
    );
    expect(out).toContain(
      "<definedNames><definedName name=\"_xlnm.Print_Area\" localSheetId=\"1\">'x state=''hidden'' y'!$A$1:$C$9</definedName>" +
        "<definedName name=\"DanhSach\">'Xã &amp; huyện'!$A:$A</definedName>" +
        "<definedName name=\"NTM_DD_2\">'KQ'!$A$1:$D$4</definedName></definedNames>",
    );
    // The active tab (the third sheet) moved to second place with its sheet.
    expect(out).toContain('<workbookView xWindow="0" yWindow="0" activeTab="1"/>');
    expect(out).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
    expect(
      out.endsWith(
        '<extLst><ext uri="{x}"><x15:workbookPr chartTrackingRefBase="1" xmlns:x15="x15"/></ext></extLst></workbook>',
      ),
    ).toBe(true);
  });

  it("drops the print names of rewritten sheets and adds theirs", () => {
    const out = editWorkbook(
      EXCEL_WORKBOOK,
      edit({
        rewritten: new Set([2]),
        localNames: [{ name: "_xlnm.Print_Titles", localSheetId: 2, formula: "'KQ'!$5:$5" }],
      }),
    );
    expect(out).not.toContain("_xlnm.Print_Area");
    expect(out).toContain(
      '<definedName name="_xlnm.Print_Titles" localSheetId="2">\'KQ\'!$5:$5</definedName>',
    );
  });

  it("creates <definedNames> and <calcPr> where CT_Workbook wants them when the file has neither", () => {
    const bare =
      '<workbook xmlns="m" xmlns:r="r"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets><extLst/></workbook>';
    const out = editWorkbook(bare, {
      sheets: ['<sheet name="A" sheetId="1" r:id="rId1"/>'],
      indexMap: [0],
      ownedNamePrefix: "NTM_",
      names: [{ name: "NTM_X", formula: "'A'!$A$1" }],
      visible: [0],
      rewritten: new Set(),
      localNames: [],
    });
    expect(out).toBe(
      '<workbook xmlns="m" xmlns:r="r"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets>' +
        "<definedNames><definedName name=\"NTM_X\">'A'!$A$1</definedName></definedNames>" +
        '<calcPr fullCalcOnLoad="1"/><extLst/></workbook>',
    );
  });
});

describe("setAttr", () => {
  it("replaces, adds and removes attributes in the start tag only", () => {
    expect(setAttr('<sheet name="a" state="hidden"/>', "state", null)).toBe('<sheet name="a"/>');
    expect(setAttr('<sheet name="a"/>', "state", "hidden")).toBe('<sheet name="a" state="hidden"/>');
    expect(setAttr("<definedName localSheetId='2'>x</definedName>", "localSheetId", "0")).toBe(
      '<definedName localSheetId="0">x</definedName>',
    );
    expect(setAttr('<sheet name="a &amp; b"/>', "name", "c & d")).toBe('<sheet name="c &amp; d"/>');
  });
});
