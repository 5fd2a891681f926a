import fc from "fast-check";
import { parseThresholdText, type ThresholdText } from "./thresholdText";

const vi = (text: string) => parseThresholdText(text, "vi");
const pct = (comparator: ThresholdText["comparator"], value: number, extra: Partial<ThresholdText> = {}) => ({
  ...(comparator === undefined ? {} : { comparator }),
  value,
  percent: true,
  ...extra,
});

describe("parseThresholdText", () => {
  it.each(["≥ 80%", ">=80%", "≥80%", "=> 80%", "⩾ 80%", "≧80%"])(
    "reads the sign %s as at least 80%%",
    (t) => {
      expect(vi(t)).toEqual(pct(">=", 80));
    },
  );

  it("reads ≥ without a percent sign as a plain number", () => {
    expect(vi("≥80")).toEqual({ comparator: ">=", value: 80, percent: false });
    expect(vi("=> 80")).toEqual({ comparator: ">=", value: 80, percent: false });
  });

  it.each([
    "từ 80% trở lên",
    "80% trở lên",
    "tối thiểu 80%",
    "ít nhất 80%",
    "đạt từ 80% trở lên",
    "Đạt từ 80% trở lên",
    "không thấp hơn 80%",
    "không nhỏ hơn 80%",
    "không dưới 80%",
    "lớn hơn hoặc bằng 80%",
    "từ 80%",
    "Tối thiểu 80% trở lên",
    "at least 80%",
    "Tỷ lệ ≥ 80%",
  ])("reads the Vietnamese words %s as at least 80%%", (t) => {
    expect(vi(t)).toEqual(pct(">=", 80));
  });

  it.each(["≤ 5%", "<=5%", "=< 5%", "không quá 5%", "tối đa 5%", "Không vượt quá 5%", "không lớn hơn 5%"])(
    "reads %s as at most 5%%",
    (t) => {
      expect(vi(t)).toEqual(pct("<=", 5));
    },
  );

  it("reads at most without a percent sign", () => {
    expect(vi("<= 5")).toEqual({ comparator: "<=", value: 5, percent: false });
    expect(vi("nhỏ hơn hoặc bằng 13")).toEqual({ comparator: "<=", value: 13, percent: false });
    expect(vi("không vượt quá 13%")).toEqual(pct("<=", 13));
  });

  it("reads 'từ … trở xuống' as at most: the tail overrides the weak 'từ'", () => {
    expect(vi("từ 5% trở xuống")).toEqual(pct("<=", 5));
  });

  it.each([
    ["dưới 5%", "<=", 5],
    ["Dưới 5%", "<=", 5],
    ["< 5%", "<=", 5],
    ["nhỏ hơn 5%", "<=", 5],
    ["thấp hơn 5%", "<=", 5],
    ["trên 50%", ">=", 50],
    ["> 50%", ">=", 50],
    ["lớn hơn 50%", ">=", 50],
    ["cao hơn 50%", ">=", 50],
    ["hơn 50%", ">=", 50],
  ] as const)("reads the strict %s as %s %d and flags it strict", (t, comparator, value) => {
    expect(vi(t)).toEqual(pct(comparator, value, { strict: true }));
  });

  it("reads an equality and values without a comparator", () => {
    expect(vi("= 100%")).toEqual(pct("=", 100));
    expect(vi("bằng 100%")).toEqual(pct("=", 100));
    expect(vi("100%")).toEqual(pct(undefined, 100));
    expect(vi("100 %")).toEqual(pct(undefined, 100));
    expect(vi("100")).toEqual({ value: 100, percent: false });
  });

  it("reads numbers in the workbook's number style", () => {
    expect(vi("0,85")).toEqual({ value: 0.85, percent: false });
    expect(vi("≥ 1.250")).toEqual({ comparator: ">=", value: 1250, percent: false });
    expect(parseThresholdText("≥ 1,250", "en")).toEqual({ comparator: ">=", value: 1250, percent: false });
    expect(parseThresholdText("0.85", "en")).toEqual({ value: 0.85, percent: false });
    expect(vi("≥ 1.234,5 m")).toEqual({ comparator: ">=", value: 1234.5, percent: false, unit: "m" });
  });

  it("keeps the unit after the number as typed", () => {
    expect(vi("2,5 km")).toEqual({ value: 2.5, percent: false, unit: "km" });
    expect(vi("≥ 45 triệu đồng/người/năm")).toEqual({
      comparator: ">=",
      value: 45,
      percent: false,
      unit: "triệu đồng/người/năm",
    });
    expect(vi("≥ 1,2 lần")).toEqual({ comparator: ">=", value: 1.2, percent: false, unit: "lần" });
    expect(vi("100% số hộ")).toEqual(pct(undefined, 100, { unit: "số hộ" }));
    expect(vi("≥ 25 m2/người")).toEqual({ comparator: ">=", value: 25, percent: false, unit: "m2/người" });
    expect(vi("≥ 80% số hộ trở lên")).toEqual(pct(">=", 80, { unit: "số hộ" }));
  });

  it.each(["Đạt", "đạt", "ĐẠT", "Đạt chuẩn", "Có", "x", "X", "✓", "Đạt yêu cầu", "Hoàn thành", "Dat"])(
    "reads the pass word %s as pass",
    (t) => {
      expect(vi(t)).toEqual({ comparator: "pass", value: true, percent: false });
    },
  );

  it("reads a pass word with a bracketed remark as pass", () => {
    expect(vi("Đạt (theo hướng dẫn của Bộ Y tế)")).toEqual({
      comparator: "pass",
      value: true,
      percent: false,
    });
  });

  it("lets the number win over a pass word beside it", () => {
    expect(vi("Đạt (≥ 90%)")).toEqual(pct(">=", 90));
    expect(vi("Đạt chuẩn ≥ 90%")).toEqual(pct(">=", 90));
  });

  it.each(["Không còn", "không có", "KHÔNG CÒN", "Không còn (hộ nghèo)"])(
    "reads %s as nothing may remain: at most 0, flagged absence",
    (t) => {
      expect(vi(t)).toEqual({ comparator: "<=", value: 0, percent: false, absence: true });
    },
  );

  it.each([
    "",
    "   ",
    "Theo quy định",
    "Xem ghi chú",
    "Xem ghi chú mục 3",
    "17/19",
    "từ 50% đến 80%",
    "≥ 80% (vùng BTB ≥ 75%)",
    "≥ 80% trở xuống",
    "Không",
    "Có kế hoạch và triển khai thực hiện đúng quy định của tỉnh",
    "12.34,5",
    "≥ 80% số hộ được sử dụng nước sạch hợp vệ sinh theo quy chuẩn",
  ])("reads %j as no threshold", (t) => {
    expect(vi(t)).toBeNull();
  });
});

describe("parseThresholdText properties", () => {
  const lead = fc.constantFrom(
    "",
    "≥ ",
    ">=",
    "=> ",
    "từ ",
    "tối thiểu ",
    "không quá ",
    "dưới ",
    "trên ",
    "= ",
  );
  const num = fc.constantFrom("80", "5", "0,85", "1.250", "45", "2,5", "100");
  const pctSign = fc.constantFrom("", "%", " %");
  const tail = fc.constantFrom("", " trở lên", " km", " triệu đồng/người/năm", " số hộ", " lần");
  const word = fc.constantFrom(
    "Đạt",
    "Đạt chuẩn",
    "Có",
    "x",
    "Không còn",
    "không có",
    "Theo quy định",
    "Xem ghi chú",
  );
  const threshold = fc.oneof(
    fc.tuple(lead, num, pctSign, tail).map((parts) => parts.join("")),
    word,
    fc.tuple(word, fc.constantFrom(" (≥ 90%)", " (theo hướng dẫn)")).map(([w, r]) => w + r),
  );
  const comparable = (r: ThresholdText | null) => (r && r.unit ? { ...r, unit: r.unit.toLowerCase() } : r);

  it("reads NFD text exactly like NFC text", () => {
    fc.assert(
      fc.property(threshold, (t) => {
        expect(vi(t.normalize("NFD"))).toEqual(vi(t.normalize("NFC")));
      }),
    );
  });

  it("reads upper- and lower-case alike (the unit keeps its case)", () => {
    fc.assert(
      fc.property(threshold, (t) => {
        expect(comparable(vi(t.toUpperCase()))).toEqual(comparable(vi(t)));
        expect(comparable(vi(t.toLowerCase()))).toEqual(comparable(vi(t)));
      }),
    );
  });

  it("ignores extra spaces around and between words", () => {
    fc.assert(
      fc.property(threshold, fc.constantFrom(" ", "  ", "\u00a0", "\t"), (t, pad) => {
        expect(vi(pad + t.replace(/ /g, "  ") + pad)).toEqual(vi(t));
      }),
    );
  });

  it("never throws and gives a finite value for any text", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom("vi" as const, "en" as const), (t, style) => {
        const r = parseThresholdText(t, style);
        if (r !== null && typeof r.value === "number") expect(Number.isFinite(r.value)).toBe(true);
      }),
    );
  });

  it("reads back any comparator sign and number it is given", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(["≥", ">="], ["≤", "<="], ["=", "="]),
        fc.integer({ min: 0, max: 999 }),
        fc.boolean(),
        ([sign, comparator], n, percent) => {
          expect(vi(`${sign} ${n}${percent ? "%" : ""}`)).toEqual({ comparator, value: n, percent });
        },
      ),
    );
  });
});
