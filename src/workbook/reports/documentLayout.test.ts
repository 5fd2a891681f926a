import fc from "fast-check";
import {
  balancedLines,
  checkDate,
  DocumentDraft,
  issuerLines,
  placeDateLine,
  provinceUnit,
  recipientLines,
  REPORT_MARGINS,
  settingLines,
  SIGNATURE_ROWS,
  signerTitleLines,
  titleLines,
  wrapWords,
  type DocumentSettings,
} from "./documentLayout";
import { cell, findRow, mergeAt, styleAt } from "./__fixtures__/specReader";

const DATE = { day: 5, month: 2, year: 2026 };
const base: DocumentSettings = { lang: "vi", date: DATE, provinceName: "Hà Tĩnh" };

describe("place and date line", () => {
  it("writes the Vietnamese form with leading zeros for days below 10 and for January and February", () => {
    expect(placeDateLine("vi", "Hà Tĩnh", { day: 5, month: 2, year: 2026 })).toBe(
      "Hà Tĩnh, ngày 05 tháng 02 năm 2026",
    );
    expect(placeDateLine("vi", "Hà Tĩnh", { day: 27, month: 11, year: 2026 })).toBe(
      "Hà Tĩnh, ngày 27 tháng 11 năm 2026",
    );
    expect(placeDateLine("vi", "Hà Tĩnh", { day: 9, month: 3, year: 2026 })).toBe(
      "Hà Tĩnh, ngày 09 tháng 3 năm 2026",
    );
  });

  it("writes the English form as Month d, yyyy", () => {
    expect(placeDateLine("en", "Hà Tĩnh", { day: 27, month: 11, year: 2026 })).toBe(
      "Hà Tĩnh, November 27, 2026",
    );
    expect(placeDateLine("en", "Hà Tĩnh", DATE)).toBe("Hà Tĩnh, February 5, 2026");
  });

  it("leaves dots for the place when the province is not set, never a made-up place", () => {
    expect(placeDateLine("vi", " ", DATE)).toBe("……………, ngày 05 tháng 02 năm 2026");
  });

  it("refuses dates that do not exist", () => {
    expect(() => checkDate({ day: 29, month: 2, year: 2026 })).toThrow(RangeError);
    expect(() => checkDate({ day: 29, month: 2, year: 2024 })).not.toThrow();
    expect(() => checkDate({ day: 1, month: 13, year: 2026 })).toThrow(RangeError);
    expect(() => checkDate({ day: 0.5, month: 1, year: 2026 })).toThrow(RangeError);
  });
});

describe("issuer, signer and recipients", () => {
  it("splits the issuer on new lines or ' / '", () => {
    expect(issuerLines({ ...base, issuer: "UBND TỈNH HÀ TĨNH\nBAN CHỈ ĐẠO CÁC CTMTQG" })).toEqual([
      "UBND TỈNH HÀ TĨNH",
      "BAN CHỈ ĐẠO CÁC CTMTQG",
    ]);
    expect(issuerLines({ ...base, issuer: "UBND TỈNH HÀ TĨNH / BAN CHỈ ĐẠO CÁC CTMTQG" })).toHaveLength(2);
    expect(settingLines("TM. BAN CHỈ ĐẠO / TRƯỞNG BAN")).toEqual(["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"]);
    expect(settingLines("Sở A/B")).toEqual(["Sở A/B"]);
  });

  it("defaults the issuer to the province's People's Committee", () => {
    expect(issuerLines(base)).toEqual(["UBND TỈNH HÀ TĨNH"]);
    expect(issuerLines({ ...base, provinceName: "Tỉnh Hà Tĩnh" })).toEqual(["UBND TỈNH HÀ TĨNH"]);
    expect(issuerLines({ ...base, provinceName: "Thành phố Hà Nội" })).toEqual(["UBND THÀNH PHỐ HÀ NỘI"]);
    expect(issuerLines({ ...base, lang: "en" })).toEqual(["PEOPLE'S COMMITTEE OF HÀ TĨNH PROVINCE"]);
    expect(issuerLines({ ...base, provinceName: "" })).toEqual(["ỦY BAN NHÂN DÂN TỈNH"]);
    expect(provinceUnit("vi", "Hà Tĩnh")).toBe("TỈNH HÀ TĨNH");
  });

  it("defaults the signer's title to the decree's placeholder, not to a person", () => {
    expect(signerTitleLines(base)).toEqual(["QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ"]);
    expect(signerTitleLines({ ...base, signerTitle: "TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN" })).toEqual([
      "TM. BAN CHỈ ĐẠO",
      "TRƯỞNG BAN",
    ]);
  });

  it("lists recipients as '- …;' with the archive last", () => {
    expect(recipientLines("vi", "Ban Chỉ đạo tỉnh; UBND các huyện\nCác sở, ngành")).toEqual([
      "- Ban Chỉ đạo tỉnh;",
      "- UBND các huyện;",
      "- Các sở, ngành;",
      "- Lưu: VT.",
    ]);
    expect(recipientLines("en", undefined)).toEqual(["- File: Records."]);
  });

  it("reads recipients typed as a finished list, keeping the planner's own archive line last and dropping repeats", () => {
    const typed = "- Ban Chỉ đạo các CTMTQG tỉnh;\n- Lưu: VT, VPĐP.\n- Các sở, ngành thành viên;";
    expect(recipientLines("vi", typed, ["Sở Y tế", "ban chỉ đạo các ctmtqg tỉnh"])).toEqual([
      "- Sở Y tế;",
      "- ban chỉ đạo các ctmtqg tỉnh;", // the first spelling of a repeated recipient is kept
      "- Các sở, ngành thành viên;",
      "- Lưu: VT, VPĐP.",
    ]);
  });
});

describe("word wrapping", () => {
  it("breaks at spaces and evens out a title's lines", () => {
    const text = "KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI DO SỞ GIAO THÔNG VẬN TẢI PHỤ TRÁCH – NĂM 2022";
    expect(wrapWords(text, 82)).toEqual([
      "KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI DO SỞ GIAO THÔNG VẬN TẢI PHỤ TRÁCH –",
      "NĂM 2022",
    ]);
    const even = balancedLines(text, 82);
    expect(even).toHaveLength(2);
    expect(Math.abs(even[0].length - even[1].length)).toBeLessThan(12);
    expect(titleLines(["A B", "C D"], 10)).toEqual(["A B C D"]);
    expect(titleLines(["KẾT QUẢ THỰC HIỆN", "DO SỞ Y TẾ PHỤ TRÁCH"], 20)).toEqual([
      "KẾT QUẢ THỰC HIỆN",
      "DO SỞ Y TẾ PHỤ TRÁCH",
    ]);
  });

  it("cuts a word longer than the line, never inside an emoji", () => {
    expect(wrapWords("x".repeat(20), 8)).toEqual(["xxxxxxxx", "xxxxxxxx", "xxxx"]);
    expect(wrapWords("xxxxxxx📡yy", 8)).toEqual(["xxxxxxx", "📡yy"]);
  });

  it("never loses a word and keeps lines within the width", () => {
    // Words are never whitespace (the range À-ỹ holds U+1680, a space).
    const word = fc.stringMatching(/^[A-Za-zÀ-ỹ0-9.,–-]{1,14}$/).filter((w) => !/\s/u.test(w));
    const words = fc.array(word, { maxLength: 40 });
    fc.assert(
      fc.property(words, fc.integer({ min: 16, max: 120 }), (ws, max) => {
        const text = ws.join(" ");
        for (const lines of [wrapWords(text, max), balancedLines(text, max)]) {
          expect(lines.join(" ")).toBe(text);
          for (const l of lines) expect(l.length).toBeLessThanOrEqual(max);
        }
        expect(balancedLines(text, max).length).toBe(wrapWords(text, max).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("document frame on a sheet", () => {
  const frame = { widths: [10, 20, 20, 20, 20, 20], split: 3 };
  function draft(doc: Partial<DocumentSettings> = {}) {
    const d = new DocumentDraft("Báo cáo", frame, { ...base, ...doc });
    d.writeHeader({ kind: "BÁO CÁO", parts: ["KẾT QUẢ", "NĂM 2022"] }, ["(phụ đề)"], "DỮ LIỆU MẪU");
    const header = d.tableHeader(["STT", "Tên", "A", "B", "C", "D"]);
    d.push([1, '=HYPERLINK("x")', 1, 2, 3, 4]);
    d.blank();
    d.writeFooter(["Sở Y tế"]);
    return { spec: d.finish([header + 1, header + 1]), header };
  }

  it("puts the issuer left and the bold national motto right, merged and centred", () => {
    const { spec } = draft({ issuer: "UBND TỈNH HÀ TĨNH\nBAN CHỈ ĐẠO CÁC CTMTQG" });
    expect(cell(spec, 0, 0)).toBe("UBND TỈNH HÀ TĨNH");
    expect(cell(spec, 1, 0)).toBe("BAN CHỈ ĐẠO CÁC CTMTQG");
    expect(cell(spec, 0, 3)).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(cell(spec, 1, 3)).toBe("Độc lập – Tự do – Hạnh phúc");
    expect(mergeAt(spec, 0, 0)).toEqual([0, 2]);
    expect(mergeAt(spec, 0, 3)).toEqual([3, 5]);
    expect(styleAt(spec, 0, 3)).toMatchObject({ bold: true, align: "center" });
    expect(styleAt(spec, 1, 3)).toMatchObject({ bold: true, align: "center" });
    expect(styleAt(spec, 0, 0).bold).toBeFalsy(); // the superior body is not bold
    expect(styleAt(spec, 1, 0)).toMatchObject({ bold: true, align: "center" });
    expect(cell(spec, 2, 3)).toBe("Hà Tĩnh, ngày 05 tháng 02 năm 2026");
    expect(styleAt(spec, 2, 3)).toMatchObject({ italic: true, align: "center" });
  });

  it("centres the bold title and the subtitle, and shows the sample note", () => {
    const { spec } = draft();
    const kind = findRow(spec, "BÁO CÁO");
    expect(cell(spec, kind + 1, 0)).toBe("KẾT QUẢ NĂM 2022");
    expect(styleAt(spec, kind, 0)).toMatchObject({ bold: true, align: "center" });
    expect(mergeAt(spec, kind + 1, 0)).toEqual([0, 5]);
    expect(cell(spec, kind + 2, 0)).toBe("(phụ đề)");
    expect(styleAt(spec, kind + 2, 0)).toMatchObject({ italic: true });
    expect(cell(spec, kind + 3, 0)).toBe("DỮ LIỆU MẪU");
  });

  it("ends with Nơi nhận on the left and the signature block on the right", () => {
    const { spec } = draft({ signerTitle: "TM. BAN CHỈ ĐẠO / TRƯỞNG BAN", signer: "Họ Tên Người Ký" });
    const r = findRow(spec, "Nơi nhận:");
    expect(styleAt(spec, r, 0)).toMatchObject({ bold: true, italic: true });
    expect(cell(spec, r + 1, 0)).toBe("- Sở Y tế;");
    expect(cell(spec, r + 2, 0)).toBe("- Lưu: VT.");
    expect(cell(spec, r, 3)).toBe("TM. BAN CHỈ ĐẠO");
    expect(cell(spec, r + 1, 3)).toBe("TRƯỞNG BAN");
    expect(styleAt(spec, r + 1, 3)).toMatchObject({ bold: true, align: "center" });
    expect(cell(spec, r + 2, 3)).toBe("(Ký, ghi rõ họ tên, đóng dấu)");
    expect(styleAt(spec, r + 2, 3)).toMatchObject({ italic: true });
    const name = r + 3 + SIGNATURE_ROWS;
    for (let i = r + 3; i < name; i++) expect(cell(spec, i, 3)).toBeNull();
    expect(cell(spec, name, 3)).toBe("Họ Tên Người Ký");
    expect(styleAt(spec, name, 3)).toMatchObject({ bold: true });
  });

  it("leaves the signer's name empty without the setting, and has no placeholder line in English", () => {
    const vi = draft().spec;
    const r = findRow(vi, "Nơi nhận:");
    const names = vi.rows
      .slice(r)
      .map((row) => row[3])
      .filter((v) => v !== null && v !== undefined);
    expect(names).toEqual(["QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ", "(Ký, ghi rõ họ tên, đóng dấu)"]);
    const en = draft({ lang: "en" }).spec;
    const re = findRow(en, "Recipients:");
    expect(
      en.rows
        .slice(re)
        .map((row) => row[3])
        .filter((v) => v !== null && v !== undefined),
    ).toEqual(["TITLE OF THE SIGNATORY"]);
  });

  it("sets the document font, A4 landscape print setup, footer, no gridlines and protection", () => {
    const { spec, header } = draft();
    expect(spec.font).toEqual({ name: "Times New Roman", size: 12 });
    expect(spec.page).toEqual({
      landscape: true,
      repeatRows: [header + 1, header + 1],
      margins: REPORT_MARGINS,
      footer: "Trang &P/&N",
    });
    expect(REPORT_MARGINS).toEqual({
      left: 0.6,
      right: 0.4,
      top: 0.6,
      bottom: 0.6,
      header: 0.3,
      footer: 0.3,
    });
    expect(draft({ lang: "en" }).spec.page?.footer).toBe("Page &P of &N");
    expect(spec.showGridLines).toBe(false);
    expect(spec.protect).toBe(true);
    expect(spec.columnWidths).toEqual(frame.widths);
    expect(styleAt(spec, header, 1)).toMatchObject({ bold: true, border: true, wrap: true });
  });

  it("writes user text as it is: a name like a formula stays a string", () => {
    const { spec, header } = draft();
    expect(cell(spec, header + 1, 1)).toBe('=HYPERLINK("x")');
    expect(spec.rows.flat().filter((v) => typeof v === "object" && v !== null)).toEqual([]);
  });
});
