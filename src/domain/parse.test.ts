import fc from "fast-check";
import {
  detectPercentMode,
  isErrorText,
  parseNumberText,
  readCell,
  toIndicatorValue,
  type NumberStyle,
  type ParsedCell,
} from "./parse";
import type { CellRef } from "./types";

const styles: NumberStyle[] = ["vi", "en"];

/** Groups the digits of a non-negative integer string with `sep`: "1234567" → "1.234.567". */
function group(intDigits: string, sep: string): string {
  let out = "";
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += sep;
    out += intDigits[i];
  }
  return out;
}

/** A decimal number as its integer digits and fraction digits, plus the value they spell. */
const decimal = fc
  .tuple(fc.bigInt({ min: 0n, max: 999_999_999_999n }), fc.stringMatching(/^[0-9]{0,6}$/), fc.boolean())
  .map(([int, frac, negative]) => {
    const intDigits = int.toString();
    const value = Number(`${negative ? "-" : ""}${intDigits}${frac ? "." + frac : ""}`);
    return { intDigits, frac, negative, value: value === 0 ? 0 : value };
  });

function format(
  d: { intDigits: string; frac: string; negative: boolean },
  style: NumberStyle,
  grouped: boolean,
): string {
  const [groupSep, decimalMark] = style === "vi" ? [".", ","] : [",", "."];
  const int = grouped ? group(d.intDigits, groupSep) : d.intDigits;
  return (d.negative ? "-" : "") + int + (d.frac ? decimalMark + d.frac : "");
}

describe("parseNumberText", () => {
  it.each([
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["85,5", 85.5],
    ["0,85", 0.85],
    ["1.234", 1234],
    ["1,234", 1.234],
    ["85.5", 85.5],
    ["1,234.5", 1234.5],
    ["1234", 1234],
    ["1234,56", 1234.56],
  ])("reads %s in Vietnamese style as %d", (text, value) => {
    expect(parseNumberText(text, "vi")).toBe(value);
  });

  it.each([
    ["1,234.5", 1234.5],
    ["85.5", 85.5],
    ["1,234", 1234],
    ["1.234", 1.234],
    ["1,234,567", 1234567],
    ["85,5", 85.5],
    ["1.234,5", 1234.5],
  ])("reads %s in English style as %d", (text, value) => {
    expect(parseNumberText(text, "en")).toBe(value);
  });

  it("reads a lone separator after a 0 or after more than 3 digits as the decimal mark in either style", () => {
    for (const style of styles) {
      expect(parseNumberText("0.850", style)).toBe(0.85);
      expect(parseNumberText("0,850", style)).toBe(0.85);
      expect(parseNumberText("1234.567", style)).toBe(1234.567);
      expect(parseNumberText("1234,567", style)).toBe(1234.567);
      expect(parseNumberText("01.234", style)).toBe(1.234);
    }
  });

  it("accepts a sign and surrounding ordinary, no-break and narrow spaces", () => {
    expect(parseNumberText("  -1.234,5 ", "vi")).toBe(-1234.5);
    expect(parseNumberText("+85,5", "vi")).toBe(85.5);
    expect(parseNumberText("\u00a012\u00a0", "en")).toBe(12);
    expect(parseNumberText("\u202f−3.5\t", "en")).toBe(-3.5);
    expect(Object.is(parseNumberText("-0", "vi"), 0)).toBe(true);
  });

  it("reads a missing integer part before the decimal mark as 0", () => {
    expect(parseNumberText(",5", "vi")).toBe(0.5);
    expect(parseNumberText(".5", "en")).toBe(0.5);
  });

  it.each([
    "",
    "   ",
    "12abc",
    "1.2.3,4,5",
    "12.34,5",
    "1.23.456",
    "1,234,56",
    "1.234.56",
    "85.",
    "85,",
    ".",
    "-",
    "+-5",
    "- 5",
    "85%",
    "1e5",
    "1 234",
    "0x10",
    "Infinity",
    "NaN",
    "1.234,5.6",
    "01.234.567",
  ])("rejects %j", (text) => {
    for (const style of styles) expect(parseNumberText(text, style)).toBeNull();
  });

  it("reads back any number formatted in its own style, grouped or not", () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom(...styles), fc.boolean(), (d, style, grouped) => {
        expect(parseNumberText(format(d, style, grouped), style)).toBe(d.value);
      }),
      { numRuns: 500 },
    );
  });

  it("reads a grouped number with decimals the same in both styles, whichever style wrote it", () => {
    const unambiguous = decimal.filter((d) => d.intDigits.length > 3 && d.frac.length > 0);
    fc.assert(
      fc.property(unambiguous, fc.constantFrom(...styles), fc.constantFrom(...styles), (d, written, read) => {
        expect(parseNumberText(format(d, written, true), read)).toBe(d.value);
      }),
    );
  });

  it("reads a number with a fraction that is not 3 digits long the same in both styles, ungrouped", () => {
    const safe = decimal.filter((d) => d.frac.length > 0 && d.frac.length !== 3);
    fc.assert(
      fc.property(safe, fc.constantFrom(...styles), fc.constantFrom(...styles), (d, written, read) => {
        expect(parseNumberText(format(d, written, false), read)).toBe(d.value);
      }),
    );
  });

  it("reads JavaScript's own spelling of integers and short decimals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(...styles),
        (i, f, style) => {
          const text = f === 0 ? String(i) : `${i}.${String(f).padStart(2, "0")}`;
          expect(parseNumberText(text, style)).toBe(Number(text) === 0 ? 0 : Number(text));
        },
      ),
    );
  });

  it("returns a finite number or null for any text, never throwing", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.stringMatching(/^[-+ ]?[0-9.,]{0,12}$/)),
        fc.constantFrom(...styles),
        (s, style) => {
          const n = parseNumberText(s, style);
          return n === null || Number.isFinite(n);
        },
      ),
    );
  });
});

describe("isErrorText", () => {
  it.each([
    "#N/A",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#NULL!",
    "#SPILL!",
    "#CALC!",
    " #n/a ",
  ])("recognises %j as an Excel error", (s) => expect(isErrorText(s)).toBe(true));

  it.each(["#", "#N/A more", "N/A", "#1", "", "#hashtag"])("does not take %j for an Excel error", (s) => {
    expect(isErrorText(s)).toBe(false);
  });
});

describe("readCell", () => {
  it.each([null, "", "   ", "\u00a0", "-", "–", "—", " - "])("reads %j as blank", (raw) => {
    expect(readCell(raw, null, "vi")).toEqual({ kind: "blank" });
  });

  it("reads error values and error texts as errors with their code", () => {
    expect(readCell({ error: "#DIV/0!" }, null, "vi")).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(readCell("#N/A", null, "vi")).toEqual({ kind: "error", code: "#N/A" });
    expect(readCell(" #ref! ", null, "en")).toEqual({ kind: "error", code: "#REF!" });
    expect(readCell("#SPILL!", "0%", "vi")).toEqual({ kind: "error", code: "#SPILL!" });
  });

  it("keeps text starting with # that is not an error as text", () => {
    expect(readCell("#3 thôn", null, "vi")).toEqual({ kind: "text", text: "#3 thôn" });
  });

  it("reads JS booleans as booleans", () => {
    expect(readCell(true, null, "vi")).toEqual({ kind: "boolean", value: true });
    expect(readCell(false, "0%", "vi")).toEqual({ kind: "boolean", value: false });
  });

  it.each([
    "Đạt",
    "đạt",
    "ĐẠT",
    "dat",
    "x",
    "X",
    "Có",
    "co",
    "yes",
    "YES",
    "true",
    "TRUE",
    "✓",
    "v",
    "V",
    " Đạt ",
  ])("reads %j as true", (word) => {
    expect(readCell(word, null, "vi")).toEqual({ kind: "boolean", value: true });
    expect(readCell(word.normalize("NFD"), null, "en")).toEqual({ kind: "boolean", value: true });
  });

  it.each([
    "Không đạt",
    "KHÔNG ĐẠT",
    "khong dat",
    "Chưa đạt",
    "chua  dat",
    "Không",
    "khong",
    "no",
    "No",
    "false",
    "FALSE",
    "✗",
  ])("reads %j as false", (word) => {
    expect(readCell(word, null, "vi")).toEqual({ kind: "boolean", value: false });
    expect(readCell(word.normalize("NFD"), null, "en")).toEqual({ kind: "boolean", value: false });
  });

  it("does not take words that merely contain a boolean word for a boolean", () => {
    expect(readCell("Đạt chuẩn 2024", null, "vi")).toEqual({ kind: "text", text: "Đạt chuẩn 2024" });
    expect(readCell("Không rõ", null, "vi")).toEqual({ kind: "text", text: "Không rõ" });
    expect(readCell("xã", null, "vi")).toEqual({ kind: "text", text: "xã" });
  });

  it("reads numbers, flagging percent formats that scale as stored fractions", () => {
    expect(readCell(12, null, "vi")).toEqual({ kind: "number", value: 12, percent: false });
    expect(readCell(12, "#,##0.00", "vi")).toEqual({ kind: "number", value: 12, percent: false });
    expect(readCell(0.85, "0%", "vi")).toEqual({
      kind: "number",
      value: 0.85,
      percent: true,
      fromFormat: true,
    });
    expect(readCell(0.855, "0.0%;[Red]-0.0%", "vi")).toEqual({
      kind: "number",
      value: 0.855,
      percent: true,
      fromFormat: true,
    });
  });

  it("reads a literal % in a number format (quoted or escaped) as showing the value itself", () => {
    expect(readCell(85, '0"%"', "vi")).toEqual({ kind: "number", value: 85, percent: true });
    expect(readCell(85, "0\\%", "vi")).toEqual({ kind: "number", value: 85, percent: true });
    expect(readCell(85, '0.0" %"', "en")).toEqual({ kind: "number", value: 85, percent: true });
  });

  it("ignores a % inside a bracketed format section", () => {
    expect(readCell(85, "[$%-409]0", "vi")).toEqual({ kind: "number", value: 85, percent: false });
  });

  it("reads non-finite numbers as #NUM! errors", () => {
    expect(readCell(Number.NaN, null, "vi")).toEqual({ kind: "error", code: "#NUM!" });
    expect(readCell(Infinity, null, "vi")).toEqual({ kind: "error", code: "#NUM!" });
  });

  it.each([
    ["85%", 85],
    ["85 %", 85],
    ["85,5%", 85.5],
    [" 85\u00a0% ", 85],
    ["-2,5%", -2.5],
    ["0,5%", 0.5],
  ])("reads %j as %d percent points", (text, value) => {
    expect(readCell(text, null, "vi")).toEqual({ kind: "number", value, percent: true });
  });

  it("reads numeric text in the given style", () => {
    expect(readCell("1.234", null, "vi")).toEqual({ kind: "number", value: 1234, percent: false });
    expect(readCell("1.234", null, "en")).toEqual({ kind: "number", value: 1.234, percent: false });
    expect(readCell(" 45,6 ", "@", "vi")).toEqual({ kind: "number", value: 45.6, percent: false });
  });

  it("keeps anything else as trimmed text", () => {
    expect(readCell("  Xã Tân Lập ", null, "vi")).toEqual({ kind: "text", text: "Xã Tân Lập" });
    expect(readCell("12abc", null, "vi")).toEqual({ kind: "text", text: "12abc" });
    expect(readCell("%", null, "vi")).toEqual({ kind: "text", text: "%" });
    expect(readCell("85%%", null, "vi")).toEqual({ kind: "text", text: "85%%" });
    expect(readCell("2025-06-30", null, "vi")).toEqual({ kind: "text", text: "2025-06-30" });
  });

  it("reads a number written in either style, or written as a percentage, back to its value", () => {
    fc.assert(
      fc.property(
        decimal,
        fc.constantFrom(...styles),
        fc.boolean(),
        fc.boolean(),
        (d, style, grouped, pct) => {
          const text = format(d, style, grouped) + (pct ? "%" : "");
          expect(readCell(text, null, style)).toEqual({ kind: "number", value: d.value, percent: pct });
        },
      ),
    );
  });

  it("never throws and keeps text trimmed, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.constantFrom(...styles), (s, style) => {
        const cell = readCell(s, null, style);
        return cell.kind !== "text" || (cell.text === cell.text.trim() && cell.text.length > 0);
      }),
    );
  });
});

const ref: CellRef = { sheet: "Số liệu xã", cell: "E7" };
const num = (value: number, percent = false, fromFormat?: boolean): ParsedCell =>
  fromFormat === undefined
    ? { kind: "number", value, percent }
    : { kind: "number", value, percent, fromFormat };

describe("toIndicatorValue", () => {
  it("gives missing for a blank cell, keeping the reference", () => {
    expect(toIndicatorValue({ kind: "blank" }, "percent", "points", ref)).toEqual({ kind: "missing", ref });
  });

  it("gives invalid with the error code for an error cell", () => {
    expect(toIndicatorValue({ kind: "error", code: "#N/A" }, "number", "points", ref)).toEqual({
      kind: "invalid",
      raw: "#N/A",
      ref,
    });
  });

  it("leaves out the reference when none is given", () => {
    expect(toIndicatorValue(num(3), "number", "points")).toStrictEqual({ kind: "value", value: 3 });
  });

  describe("boolean indicators", () => {
    it("take booleans, and 1 / 0 as true / false", () => {
      expect(toIndicatorValue({ kind: "boolean", value: false }, "boolean", "points")).toEqual({
        kind: "value",
        value: false,
      });
      expect(toIndicatorValue(num(1), "boolean", "points")).toEqual({ kind: "value", value: true });
      expect(toIndicatorValue(num(0), "boolean", "points")).toEqual({ kind: "value", value: false });
    });

    it("reject other numbers, percentages and text, echoing what was read", () => {
      expect(toIndicatorValue(num(2), "boolean", "points", ref)).toEqual({ kind: "invalid", raw: "2", ref });
      expect(toIndicatorValue(num(1, true, true), "boolean", "points")).toEqual({
        kind: "invalid",
        raw: "100%",
      });
      expect(toIndicatorValue({ kind: "text", text: "Chưa rõ" }, "boolean", "points")).toEqual({
        kind: "invalid",
        raw: "Chưa rõ",
      });
    });
  });

  describe("number indicators", () => {
    it("take numbers as stored", () => {
      expect(toIndicatorValue(num(45.6), "number", "fraction")).toEqual({ kind: "value", value: 45.6 });
      expect(toIndicatorValue(num(1.5, true, true), "number", "points")).toEqual({
        kind: "value",
        value: 1.5,
      });
    });

    it("take '150%' text as 1.5, as Excel stores a typed percentage", () => {
      expect(toIndicatorValue(num(150, true), "number", "points")).toEqual({ kind: "value", value: 1.5 });
    });

    it("reject booleans and text", () => {
      expect(toIndicatorValue({ kind: "boolean", value: true }, "number", "points")).toEqual({
        kind: "invalid",
        raw: "TRUE",
      });
      expect(toIndicatorValue({ kind: "text", text: "khoảng 40" }, "number", "points")).toEqual({
        kind: "invalid",
        raw: "khoảng 40",
      });
    });
  });

  describe("percent indicators", () => {
    it("take '85%' text as 85 points whatever the column's mode", () => {
      expect(toIndicatorValue(num(85, true), "percent", "points")).toEqual({ kind: "value", value: 85 });
      expect(toIndicatorValue(num(85, true), "percent", "fraction")).toEqual({ kind: "value", value: 85 });
    });

    it("take a percent-formatted cell storing 0.85 as 85 points whatever the column's mode", () => {
      expect(toIndicatorValue(num(0.85, true, true), "percent", "points")).toEqual({
        kind: "value",
        value: 85,
      });
      expect(toIndicatorValue(num(0.85, true, true), "percent", "fraction")).toEqual({
        kind: "value",
        value: 85,
      });
    });

    it("take plain numbers as points, or as fractions × 100 in a fraction column", () => {
      expect(toIndicatorValue(num(0.85), "percent", "points")).toEqual({ kind: "value", value: 0.85 });
      expect(toIndicatorValue(num(0.85), "percent", "fraction")).toEqual({ kind: "value", value: 85 });
    });

    it("round away the binary noise of × 100 (0.1 → 10, 0.07 → 7, 0.575 → 57.5)", () => {
      expect(toIndicatorValue(num(0.1), "percent", "fraction")).toEqual({ kind: "value", value: 10 });
      expect(toIndicatorValue(num(0.07, true, true), "percent", "points")).toEqual({
        kind: "value",
        value: 7,
      });
      expect(toIndicatorValue(num(0.575), "percent", "fraction")).toEqual({ kind: "value", value: 57.5 });
    });

    it("give × 100 of any fraction with at most 8 decimals exactly as its decimal spelling", () => {
      fc.assert(
        fc.property(fc.integer({ min: -1e8, max: 1e8 }), (k) => {
          const fraction = Number((k / 1e8).toFixed(8));
          const points = Number((k / 1e6).toFixed(6));
          const got = toIndicatorValue(num(fraction), "percent", "fraction");
          expect(got).toEqual({ kind: "value", value: points === 0 ? 0 : points });
        }),
      );
    });

    it("reject booleans and text", () => {
      expect(toIndicatorValue({ kind: "boolean", value: true }, "percent", "points")).toEqual({
        kind: "invalid",
        raw: "TRUE",
      });
      expect(toIndicatorValue({ kind: "text", text: "gần 90" }, "percent", "fraction", ref)).toEqual({
        kind: "invalid",
        raw: "gần 90",
        ref,
      });
    });
  });
});

describe("detectPercentMode", () => {
  it("finds fractions when every plain number is in [0, 1] and one lies strictly inside", () => {
    expect(detectPercentMode([num(0.85), num(1), num(0), { kind: "blank" }, num(0.5)])).toBe("fraction");
  });

  it("ignores percent cells and non-numbers when deciding", () => {
    expect(
      detectPercentMode([num(0.9), num(85, true), num(0.7, true, true), { kind: "text", text: "95" }]),
    ).toBe("fraction");
  });

  it("finds points when a plain number lies outside [0, 1]", () => {
    expect(detectPercentMode([num(0.85), num(85)])).toBe("points");
    expect(detectPercentMode([num(0.5), num(-0.1)])).toBe("points");
  });

  it("finds points when the numbers are only 0 and 1, or there are none", () => {
    expect(detectPercentMode([num(0), num(1), num(1)])).toBe("points");
    expect(detectPercentMode([])).toBe("points");
    expect(detectPercentMode([num(85, true), { kind: "blank" }])).toBe("points");
  });

  it("says fraction exactly when the rule holds, for any column", () => {
    const cell = fc.oneof(
      fc.double({ min: -2, max: 2, noNaN: true }).map((v) => num(v)),
      fc.constantFrom(0, 1).map((v) => num(v)),
      fc.double({ min: 0, max: 100, noNaN: true }).map((v) => num(v, true)),
      fc.constant<ParsedCell>({ kind: "blank" }),
    );
    fc.assert(
      fc.property(fc.array(cell), (cells) => {
        const plain = cells.flatMap((c) => (c.kind === "number" && !c.percent ? [c.value] : []));
        const expected =
          plain.every((v) => v >= 0 && v <= 1) && plain.some((v) => v > 0 && v < 1) ? "fraction" : "points";
        expect(detectPercentMode(cells)).toBe(expected);
      }),
    );
  });
});
