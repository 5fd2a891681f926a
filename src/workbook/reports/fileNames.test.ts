import fc from "fast-check";
import { sheetNameProblem } from "../planChecks";
import {
  asciiSlug,
  departmentFileName,
  MAX_SHEET_NAME_LENGTH,
  MAX_SLUG_LENGTH,
  safeSheetName,
  summaryFileName,
  uniqueFileNames,
  uniqueSheetNames,
} from "./fileNames";

const SAFE_FILE = /^[A-Za-z0-9][A-Za-z0-9_-]*\.xlsx$/;

/** Names a planner might type, with the odd ones a sheet may hold. */
const oddName = fc.oneof(
  fc.string({ maxLength: 120 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: "grapheme", minLength: 28, maxLength: 40 }),
  fc.constantFrom(
    "Sở Giao thông vận tải",
    "SỞ GIAO THÔNG VẬN TẢI",
    "So Giao thong van tai",
    "Sở  Giao-thông / vận tải",
    'CON:<>"|?*',
    "..",
    "   ",
    "Đoàn Thanh niên",
    "Ban Dân tộc (ĐBKK)",
    "Công an tỉnh\u0000\u0007",
    "東京都庁",
    "Straße Øresund Łódź",
    '=HYPERLINK("x")',
    "a".repeat(300),
  ),
);

describe("asciiSlug", () => {
  it("drops diacritics, turns đ into d and joins words with hyphens", () => {
    expect(asciiSlug("Sở Giao thông vận tải")).toBe("So-Giao-thong-van-tai");
    expect(asciiSlug("Sở Lao động – Thương binh và Xã hội")).toBe("So-Lao-dong-Thuong-binh-va-Xa-hoi");
    expect(asciiSlug("ĐOÀN Đức")).toBe("DOAN-Duc");
    expect(asciiSlug("Sở Văn hóa, Thể thao và Du lịch")).toBe("So-Van-hoa-The-thao-va-Du-lich");
    expect(asciiSlug("Straße Øresund Łódź")).toBe("Strasse-Oresund-Lodz");
  });

  it("returns an empty slug when nothing ASCII is left", () => {
    expect(asciiSlug("東京都庁")).toBe("");
    expect(asciiSlug(" – / ")).toBe("");
  });

  it("cuts long names at a word boundary", () => {
    const slug = asciiSlug(
      "Văn phòng Điều phối chương trình mục tiêu quốc gia xây dựng nông thôn mới tỉnh Hà Tĩnh",
    );
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^Van-phong-Dieu-phoi-chuong-trinh-muc-tieu-quoc-gia-xay-dung[A-Za-z-]*$/);
    expect(slug.endsWith("-")).toBe(false);
    expect(asciiSlug("x".repeat(200))).toBe("x".repeat(MAX_SLUG_LENGTH));
  });

  it("only ever yields ASCII letters, digits and inner hyphens, within the bound", () => {
    fc.assert(
      fc.property(oddName, (name) => {
        const slug = asciiSlug(name);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(slug).toMatch(/^([A-Za-z0-9]+(-[A-Za-z0-9]+)*)?$/);
      }),
      { numRuns: 400 },
    );
  });
});

describe("report file names", () => {
  it("names department and summary files with the year, in the report's language", () => {
    expect(departmentFileName("vi", "Sở Giao thông vận tải", 2022)).toBe(
      "BaoCao_So-Giao-thong-van-tai_2022.xlsx",
    );
    expect(departmentFileName("en", "Sở Giao thông vận tải", 2022)).toBe(
      "Report_So-Giao-thong-van-tai_2022.xlsx",
    );
    expect(summaryFileName("vi", 2022)).toBe("BaoCao_TongHop_2022.xlsx");
    expect(summaryFileName("en", 2025)).toBe("Report_Summary_2025.xlsx");
    expect(departmentFileName("vi", "東京", 2022)).toBe("BaoCao_Don-vi_2022.xlsx");
  });

  it("gives names that collide after normalisation distinct files, ignoring case", () => {
    const names = uniqueFileNames();
    const got = ["Sở Y tế", "SỞ Y TẾ", "So Y te", "Sở Y-tế"].map((n) =>
      names.take(departmentFileName("vi", n, 2022)),
    );
    expect(got).toEqual([
      "BaoCao_So-Y-te_2022.xlsx",
      "BaoCao_SO-Y-TE_2022_2.xlsx",
      "BaoCao_So-Y-te_2022_3.xlsx",
      "BaoCao_So-Y-te_2022_4.xlsx",
    ]);
  });

  it("never hands out the same name twice, even when a suffixed name is also a real name", () => {
    const names = uniqueFileNames();
    expect(names.take("A_2.xlsx")).toBe("A_2.xlsx");
    expect(names.take("A.xlsx")).toBe("A.xlsx");
    expect(names.take("a.xlsx")).toBe("a_3.xlsx");
  });

  it("keeps every file name safe, bounded and unique for any set of department names", () => {
    fc.assert(
      fc.property(
        fc.array(oddName, { maxLength: 25 }),
        fc.integer({ min: 2000, max: 2100 }),
        (depts, year) => {
          const names = uniqueFileNames();
          const taken = [
            names.take(summaryFileName("vi", year)),
            ...depts.map((d) => names.take(departmentFileName("vi", d, year))),
          ];
          for (const n of taken) {
            expect(n).toMatch(SAFE_FILE);
            expect(n.length).toBeLessThanOrEqual(100);
          }
          expect(new Set(taken.map((n) => n.toLowerCase())).size).toBe(taken.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("report sheet names", () => {
  it("keeps a department's name when Excel accepts it", () => {
    expect(safeSheetName("Sở Giao thông vận tải", "Báo cáo")).toBe("Sở Giao thông vận tải");
  });

  it("replaces forbidden characters and cuts at a word within 31 characters", () => {
    expect(safeSheetName("Sở Nông nghiệp và Phát triển nông thôn", "X")).toBe("Sở Nông nghiệp và Phát triển");
    expect(safeSheetName("Ban [A]: B/C*?", "X")).toBe("Ban A B C");
    expect(safeSheetName("'Sở'", "X")).toBe("Sở");
    expect(safeSheetName("History", "Báo cáo")).toBe("Báo cáo");
    expect(safeSheetName("[]:*?/\\", "Báo cáo")).toBe("Báo cáo");
    expect(safeSheetName("Sở Y tế\nHà Tĩnh", "X")).toBe("Sở Y tế Hà Tĩnh");
  });

  it("makes sheet names unique without regard to case, within 31 characters", () => {
    const names = uniqueSheetNames();
    expect(names.take("Tổng hợp")).toBe("Tổng hợp");
    expect(names.take("TỔNG HỢP")).toBe("TỔNG HỢP (2)");
    const long = "Sở Nông nghiệp và Phát triển nô";
    expect(names.take(long)).toBe(long);
    const second = names.take(long);
    expect(second).toMatch(/ \(2\)$/);
    expect(second.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
  });

  it("never cuts an emoji in half", () => {
    const name = "Sở_Thông_tin_và_Truyền_thông📡📡";
    expect(name.length).toBe(32);
    expect(safeSheetName(name, "X")).toBe("Sở_Thông_tin_và_Truyền_thông📡");
    const names = uniqueSheetNames();
    names.take("x".repeat(26) + "📡");
    const second = names.take("x".repeat(26) + "📡");
    expect(second).toBe("x".repeat(26) + " (2)");
  });

  it("always yields a valid, unique sheet name", () => {
    fc.assert(
      fc.property(fc.array(oddName, { maxLength: 20 }), (depts) => {
        const names = uniqueSheetNames();
        const taken = depts.map((d) => names.take(safeSheetName(d, "Báo cáo")));
        for (const n of taken) {
          expect(sheetNameProblem(n)).toBeNull();
          expect(n).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
          expect(n).not.toMatch(/[\u0000-\u001f\u007f]/);
        }
        expect(new Set(taken.map((n) => n.toLowerCase())).size).toBe(taken.length);
      }),
      { numRuns: 300 },
    );
  });
});
