import fc from "fast-check";
import { cellText, extractIndicatorCode, findHeaderRow, scoreFieldHeader } from "./headers";
import type { CellValue } from "../port";

const KNOWN: ReadonlySet<string> = new Set([
  "1.1",
  "2.1",
  "2.2",
  "2.10",
  "12.1",
  "10",
  "17.10",
  "20",
  "20.HT",
  "KM.3",
  "NC.2",
  "NC.2.5",
  "H.3",
  "T.7",
  "DK.3",
]);

describe("extractIndicatorCode", () => {
  it.each([
    ["2.1", "2.1"],
    [" 2.1 ", "2.1"],
    ["CT 2.1", "2.1"],
    ["CT2.1", "2.1"],
    ["ct.2.1", "2.1"],
    ["CT_2.1", "2.1"],
    ["Chỉ tiêu 2.1 – Đường xã (%)", "2.1"],
    ["Chi tieu 2.1", "2.1"],
    ["CHỈ TIÊU 2.1", "2.1"],
    ["Chỉ tiêu số 2.1: Tỷ lệ km đường xã được nhựa hoá", "2.1"],
    ["TC2.1", "2.1"],
    ["TC 2.1", "2.1"],
    ["tc.2.1", "2.1"],
    ["Tiêu chí 20", "20"],
    ["Tiêu chí 20.", "20"],
    ["2.1 - Tỷ lệ đường xã", "2.1"],
    ["2.1-Tỷ lệ đường xã", "2.1"],
    ["(2.1) Đường xã", "2.1"],
    ["KM.3 Số thôn thông minh", "KM.3"],
    ["km.3", "KM.3"],
    ["KM3", "KM.3"],
    ["KM 3 – Thôn thông minh", "KM.3"],
    ["NC.2", "NC.2"],
    ["NC-2.5", "NC.2.5"],
    ["H.3", "H.3"],
    ["T.7", "T.7"],
    ["10 – Thu nhập (triệu đồng/người/năm)", "10"],
    ["DK.3", "DK.3"],
    ["dk.3 Điều kiện công nhận", "DK.3"],
    ["20.HT Tiêu chí riêng Hà Tĩnh", "20.HT"],
    ["Indicator 2.2", "2.2"],
    ["Criterion 20", "20"],
    ["Chỉ tiêu 2,1", "2.1"],
  ])("finds the code named by %j", (header, code) => {
    expect(extractIndicatorCode(header, KNOWN)).toBe(code);
  });

  it("reads NFD-encoded headers like NFC ones", () => {
    expect(extractIndicatorCode("Chỉ tiêu 2.1 – Đường xã".normalize("NFD"), KNOWN)).toBe("2.1");
    expect(extractIndicatorCode("Tiêu chí 20".normalize("NFD"), KNOWN)).toBe("20");
  });

  it("matches only whole codes: 12.1 and 2.10 are not 2.1", () => {
    expect(extractIndicatorCode("12.1 Tỷ lệ …", KNOWN)).toBe("12.1");
    expect(extractIndicatorCode("2.10 Tỷ lệ …", KNOWN)).toBe("2.10");
    expect(extractIndicatorCode("12.1", new Set(["2.1"]))).toBeNull();
    expect(extractIndicatorCode("2.10", new Set(["2.1"]))).toBeNull();
    expect(extractIndicatorCode("2.1.1", new Set(["2.1"]))).toBeNull();
    expect(extractIndicatorCode("NC.2.5", new Set(["NC.2"]))).toBeNull();
  });

  it("returns the code spelled as in the known set", () => {
    expect(extractIndicatorCode("nc.2 Nâng cao", new Set(["NC.2"]))).toBe("NC.2");
    expect(extractIndicatorCode("NC.2", new Set(["nc.2"]))).toBe("nc.2");
  });

  it("takes the first of several codes named", () => {
    expect(extractIndicatorCode("2.2 (trước đây 2.1)", KNOWN)).toBe("2.2");
    expect(extractIndicatorCode("Chỉ tiêu 2.1 / 2.2", KNOWN)).toBe("2.1");
  });

  it("does not take a glued word other than ct / tc for a prefix", () => {
    expect(extractIndicatorCode("KM2.1", KNOWN)).toBeNull();
    expect(extractIndicatorCode("xã2.1", KNOWN)).toBeNull();
  });

  it.each(["", "Mã xã", "Tên xã", "Ghi chú", "Chỉ tiêu 9.9", "Năm 2025", "2.1a", "Số 3"])(
    "finds no known code in %j",
    (header) => {
      expect(extractIndicatorCode(header, KNOWN)).toBeNull();
    },
  );

  it("finds nothing with no known codes", () => {
    expect(extractIndicatorCode("2.1", new Set())).toBeNull();
  });

  it("sees codes added to a known set between calls", () => {
    const codes = new Set(["2.1"]);
    expect(extractIndicatorCode("KM.3", codes)).toBeNull();
    codes.add("KM.3");
    expect(extractIndicatorCode("KM.3", codes)).toBe("KM.3");
  });

  it("finds any known code at the start of a header, after any prefix, followed by any description", () => {
    const codes = [...KNOWN];
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.constantFrom("", "CT ", "Chỉ tiêu ", "chi tieu ", "TC ", "Tiêu chí ", "Indicator ", "criterion "),
        fc.constantFrom(
          "",
          " – Đường xã (%)",
          " - Tỷ lệ 85%",
          ": Thu nhập",
          " (triệu đồng/người/năm)",
          " 12.1 2.2",
        ),
        fc.boolean(),
        fc.boolean(),
        (code, prefix, rest, lower, nfd) => {
          let header = prefix + (lower ? code.toLowerCase() : code) + rest;
          if (nfd) header = header.normalize("NFD");
          expect(extractIndicatorCode(header, KNOWN)).toBe(code);
        },
      ),
    );
  });
});

describe("scoreFieldHeader", () => {
  const COMMUNE_CODE = ["Mã xã", "Mã đơn vị", "commune code", "code"];

  it("scores 1 for a header that folds to an alias", () => {
    expect(scoreFieldHeader("Mã xã", COMMUNE_CODE)).toBe(1);
    expect(scoreFieldHeader(" MÃ XÃ. ", COMMUNE_CODE)).toBe(1);
    expect(scoreFieldHeader("ma xa", COMMUNE_CODE)).toBe(1);
    expect(scoreFieldHeader("Mã xã".normalize("NFD"), COMMUNE_CODE)).toBe(1);
    expect(scoreFieldHeader("Commune code", COMMUNE_CODE)).toBe(1);
  });

  it("scores 0.8 for a header holding an alias as whole words", () => {
    expect(scoreFieldHeader("Mã xã (GSO)", COMMUNE_CODE)).toBe(0.8);
    expect(scoreFieldHeader("Mã đơn vị hành chính", COMMUNE_CODE)).toBe(0.8);
    expect(scoreFieldHeader("GSO code", COMMUNE_CODE)).toBe(0.8);
  });

  it("scores 0 when an alias is only part of a word, or absent", () => {
    expect(scoreFieldHeader("Mã xãx", COMMUNE_CODE)).toBe(0);
    expect(scoreFieldHeader("Barcode", COMMUNE_CODE)).toBe(0);
    expect(scoreFieldHeader("Tên xã", COMMUNE_CODE)).toBe(0);
    expect(scoreFieldHeader("", COMMUNE_CODE)).toBe(0);
  });

  it("ignores empty aliases", () => {
    expect(scoreFieldHeader("Mã xã", ["", " – "])).toBe(0);
  });

  it("scores any header 1 against itself folded, whatever its Unicode form or case", () => {
    const letters = [
      ..."aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ",
    ];
    const word = fc
      .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 6 })
      .map((cs) => cs.join(""));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const header = words.join(" ");
        expect(scoreFieldHeader(header.toUpperCase().normalize("NFD"), [header])).toBe(1);
        expect(scoreFieldHeader(`Cột ${header} (ghi chú)`, [header])).toBe(0.8);
      }),
    );
  });
});

describe("cellText", () => {
  it("gives strings as they are, numbers as text and nothing for other values", () => {
    expect(cellText(" Mã xã ")).toBe(" Mã xã ");
    expect(cellText(2.1)).toBe("2.1");
    expect(cellText(null)).toBe("");
    expect(cellText(true)).toBe("");
    expect(cellText({ error: "#N/A" })).toBe("");
  });
});

describe("findHeaderRow", () => {
  const aliases = ["Mã xã", "Tên xã", "Huyện"];
  const score = (cells: CellValue[]) =>
    cells.reduce<number>((sum, c) => sum + scoreFieldHeader(cellText(c), aliases), 0);

  it("finds the header row below a title and a blank row", () => {
    const values: CellValue[][] = [
      ["SỐ LIỆU CÁC XÃ NĂM 2025"],
      [],
      ["STT", "Mã xã", "Tên xã", "Huyện", "Chỉ tiêu 2.1"],
      [1, "18343", "Xã Tân Lập", "Đức Thọ", 85],
    ];
    expect(findHeaderRow(values, score)).toBe(2);
  });

  it("takes the first of equally good rows", () => {
    expect(findHeaderRow([["x"], ["Mã xã"], ["Tên xã"]], score)).toBe(1);
  });

  it("returns -1 when no row scores above 0", () => {
    expect(findHeaderRow([["a"], ["b"]], score)).toBe(-1);
    expect(findHeaderRow([], score)).toBe(-1);
  });

  it("looks only at the first maxScan rows", () => {
    const values: CellValue[][] = [["a"], ["b"], ["c"], ["Mã xã", "Tên xã"]];
    expect(findHeaderRow(values, score, 3)).toBe(-1);
    expect(findHeaderRow(values, score, 4)).toBe(3);
    const tall: CellValue[][] = [...Array.from({ length: 20 }, () => ["…"]), ["Mã xã"]];
    expect(findHeaderRow(tall, score)).toBe(-1);
  });

  it("picks the row with the highest score, for any scores", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(5), { maxLength: 30 }),
        fc.integer({ min: 0, max: 40 }),
        (scores, maxScan) => {
          const values: CellValue[][] = scores.map((s) => [s]);
          const got = findHeaderRow(values, (cells) => cells[0] as number, maxScan);
          const window = scores.slice(0, maxScan);
          const best = Math.max(0, ...window);
          expect(got).toBe(best === 0 ? -1 : window.indexOf(best));
        },
      ),
    );
  });
});
