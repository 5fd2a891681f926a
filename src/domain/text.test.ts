import fc from "fast-check";
import { foldText, sameText, slugify } from "./text";

/** Vietnamese letters in NFC, upper and lower case, plus a few separators. */
const VI_CHARS = [
  ..."aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ",
];
const VI_ALPHABET = [...VI_CHARS, ...VI_CHARS.map((c) => c.toUpperCase()), "0", "1", "2", "9"];
const viWord = fc
  .array(fc.constantFrom(...VI_ALPHABET), { minLength: 1, maxLength: 8 })
  .map((cs) => cs.join(""));
const separator = fc.constantFrom(" ", "  ", " – ", "-", "/", "(", ") ", ", ", "\u00a0", "\t", "_");
const viText = fc
  .array(fc.tuple(viWord, separator), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([w, s]) => w + s).join(""));
/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));
const anyText = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: codeUnit }),
  viText,
);

describe("foldText", () => {
  it("folds an indicator header to lower-case words without diacritics, keeping '.' and '%'", () => {
    expect(foldText("Chỉ tiêu 2.1 – Đường xã (%)")).toBe("chi tieu 2.1 duong xa %");
  });

  it("folds NFD-encoded text exactly like NFC text", () => {
    const nfc = "Chỉ tiêu Đạt chuẩn nông thôn mới kiểu mẫu";
    expect(nfc.normalize("NFD")).not.toBe(nfc);
    expect(foldText(nfc.normalize("NFD"))).toBe(foldText(nfc));
    expect(foldText(nfc.normalize("NFD"))).toBe("chi tieu dat chuan nong thon moi kieu mau");
  });

  it("turns đ and Đ, and the look-alike eth ð/Ð from legacy fonts, into d", () => {
    expect(foldText("Đạt đủ")).toBe("dat du");
    expect(foldText("ÐẠT")).toBe("dat");
    expect(foldText("ðường")).toBe("duong");
  });

  it("turns every run of punctuation and spaces (no-break spaces, tabs) into one space and trims", () => {
    expect(foldText("  Mã\u00a0\u00a0xã / phường\t(GSO) ")).toBe("ma xa phuong gso");
    expect(foldText("Thu nhập (triệu đồng/người/năm)")).toBe("thu nhap trieu dong nguoi nam");
    expect(foldText("—")).toBe("");
  });

  it("removes every Vietnamese tone and vowel mark", () => {
    expect(foldText("ẮẰẲẴẶ ẤẦẨẪẬ ẾỀỂỄỆ ỐỒỔỖỘ ỚỜỞỠỢ ỨỪỬỮỰ ÝỲỶỸỴ")).toBe(
      "aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy",
    );
  });

  it("agrees with the plain regular-expression definition for any text", () => {
    const reference = (t: string) =>
      t
        .toLowerCase()
        .normalize("NFD")
        .replace(/\p{M}+/gu, "")
        .replace(/[đð]/g, "d")
        .replace(/[^\p{L}\p{N}.%]+/gu, " ")
        .trim();
    fc.assert(
      fc.property(anyText, (t) => {
        expect(foldText(t)).toBe(reference(t));
      }),
      { numRuns: 1000 },
    );
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(anyText, (s) => foldText(foldText(s)) === foldText(s)),
      { numRuns: 1000 },
    );
  });

  it("gives the same result for NFC, NFD and any capitalisation of Vietnamese text", () => {
    fc.assert(
      fc.property(viText, (s) => {
        const folded = foldText(s);
        return (
          foldText(s.normalize("NFD")) === folded &&
          foldText(s.normalize("NFC")) === folded &&
          foldText(s.toUpperCase()) === folded &&
          foldText(s.toLowerCase()) === folded
        );
      }),
    );
  });

  it("leaves only plain a–z letters, digits and single inner spaces from Vietnamese text", () => {
    fc.assert(fc.property(viText, (s) => /^([a-z0-9]+( [a-z0-9]+)*)?$/.test(foldText(s))));
  });

  it("never leaves combining marks, double spaces or edge spaces in any text", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const f = foldText(s);
        return !/\p{M}/u.test(f) && !f.includes("  ") && f === f.trim();
      }),
    );
  });
});

describe("sameText", () => {
  it("treats diacritics, case, Unicode form and punctuation as the same text", () => {
    expect(sameText("Đạt", "dat")).toBe(true);
    expect(sameText("Không đạt".normalize("NFD"), "KHONG DAT")).toBe(true);
    expect(sameText("Mã xã", "ma-xa")).toBe(true);
  });

  it("tells different words apart", () => {
    expect(sameText("Đạt", "Không đạt")).toBe(false);
    expect(sameText("2.1", "2.10")).toBe(false);
  });
});

describe("slugify", () => {
  it("joins words with '-' keeping capitalisation without diacritics", () => {
    expect(slugify("Sở Giao thông vận tải")).toBe("So-Giao-thong-van-tai");
    expect(slugify("Huyện Đức Thọ")).toBe("Huyen-Duc-Tho");
    expect(slugify("  Báo cáo: KQ xã (2025)/Hà Tĩnh  ")).toBe("Bao-cao-KQ-xa-2025-Ha-Tinh");
  });

  it("splits at '.' and '%' too, so no dot or forbidden character reaches a file name", () => {
    expect(slugify("Chỉ tiêu 2.1 (85%)")).toBe("Chi-tieu-2-1-85");
    expect(slugify('a\\b:c*d?e"f<g>h|i')).toBe("a-b-c-d-e-f-g-h-i");
  });

  it("gives an empty slug for text without letters or digits", () => {
    expect(slugify(" – / ")).toBe("");
  });

  it("gives the same slug for NFC and NFD input", () => {
    fc.assert(fc.property(viText, (s) => slugify(s.normalize("NFD")) === slugify(s.normalize("NFC"))));
  });

  it("holds the words of foldText, in order, in their original capitalisation", () => {
    fc.assert(
      fc.property(viText, (s) => {
        const slug = slugify(s);
        const words = foldText(s)
          .split(/[ .%]+/)
          .filter((w) => w.length > 0);
        return slug.toLowerCase() === words.join("-") && /^([A-Za-z0-9]+(-[A-Za-z0-9]+)*)?$/.test(slug);
      }),
    );
  });
});
