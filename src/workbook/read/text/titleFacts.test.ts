import fc from "fast-check";
import { lineFacts, moneyPerMillion, titleFacts, type LineFacts } from "./titleFacts";

const yearOf = (line: string) => {
  const f = lineFacts(line);
  return f.year === undefined ? undefined : { year: f.year, strength: f.yearStrength };
};

describe("lineFacts: the year", () => {
  it.each([
    ["KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2022", 2022],
    ["Tổng hợp kết quả thực hiện năm 2022", 2022],
    ["Kế hoạch năm 2024", 2024],
    ["BÁO CÁO 6 tháng đầu năm 2023", 2023],
    ["Số liệu tính đến 31/12/2022", 2022],
    ["(Số liệu tính đến ngày 31/12/2022)", 2022],
    ["đến ngày 30/6/2023", 2023],
    ["Tính đến hết ngày 30 tháng 6 năm 2023", 2023],
    ["Báo cáo tháng 6 năm 2023", 2023],
    ["BIỂU TỔNG HỢP NĂM 2022 (theo Quyết định số 318/QĐ-TTg ngày 08/3/2022)", 2022],
  ])("reads the title year from %s", (line, year) => {
    expect(yearOf(line)).toEqual({ year, strength: "title" });
  });

  it("takes the first title year of a line: the year reported on, not the next year's plan", () => {
    expect(yearOf("BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2022 VÀ KẾ HOẠCH NĂM 2023")).toEqual({
      year: 2022,
      strength: "title",
    });
  });

  it("gives no year for the date a decision was signed", () => {
    expect(yearOf("Quyết định số 318/QĐ-TTg ngày 08/3/2022")).toBeUndefined();
    expect(yearOf("theo Quyết định số 318/QĐ-TTg ngày 08 tháng 3 năm 2022 của Thủ tướng")).toBeUndefined();
    expect(yearOf("Quyết định số 318/QĐ-TTg của Thủ tướng Chính phủ ngày 08/3/2022")).toBeUndefined();
  });

  it("gives a report's date as a weak year, strength 'date'", () => {
    expect(yearOf("(Kèm theo Báo cáo số 123/BC-UBND ngày 15/12/2022)")).toEqual({
      year: 2022,
      strength: "date",
    });
    expect(yearOf("(Kèm theo Báo cáo số 123/BC-UBND ngày 15 tháng 12 năm 2022 của UBND tỉnh)")).toEqual({
      year: 2022,
      strength: "date",
    });
  });

  it("gives a place-and-date line's year with strength 'date'", () => {
    expect(yearOf("Hà Tĩnh, ngày 15 tháng 12 năm 2022")).toEqual({ year: 2022, strength: "date" });
  });

  it("reads the year in a decision's number as part of the decision, not as a year", () => {
    const f = lineFacts("theo Quyết định số 51/2025/QĐ-TTg");
    expect(f.year).toBeUndefined();
    expect(f.decisions).toEqual(["51/2025/QĐ-TTg"]);
  });

  it.each([
    "giai đoạn 2021-2025",
    "GIAI ĐOẠN 2021 - 2025",
    "giai đoạn 2021–2025",
    "từ năm 2021 đến năm 2025",
  ])("reads %s as a period, not a year", (line) => {
    const f = lineFacts(line);
    expect(f.period).toEqual({ from: 2021, to: 2025 });
    expect(f.year).toBeUndefined();
    expect(f.setHint).toBe("2021-2025");
  });

  it("reads a year and a period on the same line apart", () => {
    const f = lineFacts("KẾ HOẠCH NĂM 2024 THỰC HIỆN CHƯƠNG TRÌNH MTQG XÂY DỰNG NTM GIAI ĐOẠN 2021-2025");
    expect(f).toMatchObject({ year: 2024, yearStrength: "title", period: { from: 2021, to: 2025 } });
  });

  it("reads no year from a line without one", () => {
    expect(lineFacts("UBND TỈNH HÀ TĨNH").year).toBeUndefined();
    expect(lineFacts("Độc lập - Tự do - Hạnh phúc").year).toBeUndefined();
    expect(lineFacts("ngày … tháng … năm 20…").year).toBeUndefined();
  });
});

describe("lineFacts: decisions and the criteria set", () => {
  it("normalises decision numbers: spaces removed, the kind's đ restored, TTg kept", () => {
    expect(lineFacts("Quyết định số 318 / QĐ - TTg").decisions).toEqual(["318/QĐ-TTg"]);
    expect(lineFacts("QĐ số 318/QD-TTG").decisions).toEqual(["318/QĐ-TTg"]);
    expect(lineFacts("Công văn số 1027/CTK-CSCL ngày 2/6/2023").decisions).toEqual(["1027/CTK-CSCL"]);
    expect(lineFacts("Nghị quyết số 25/2021/NQ-HĐND").decisions).toEqual(["25/2021/NQ-HĐND"]);
  });

  it("lists every document of a line once, in order", () => {
    expect(lineFacts("Căn cứ QĐ 318/QĐ-TTg, 320/QĐ-TTg và 318/QĐ-TTg").decisions).toEqual([
      "318/QĐ-TTg",
      "320/QĐ-TTg",
    ]);
  });

  it.each([
    ["Quyết định số 318/QĐ-TTg ngày 08/3/2022", "2021-2025"],
    ["Quyết định số 319/QĐ-TTg", "2021-2025"],
    ["Quyết định số 320/QĐ-TTg ngày 08/3/2022", "2021-2025"],
    ["Quyết định số 211/QĐ-TTg ngày 01/3/2024", "2021-2025"],
    ["theo Quyết định số 51/2025/QĐ-TTg", "2026-2030"],
    ["giai đoạn 2026-2030", "2026-2030"],
    ["giai đoạn 2022 - 2025", "2021-2025"],
  ] as const)("gives the criteria set from %s", (line, set) => {
    expect(lineFacts(line).setHint).toBe(set);
  });

  it("gives no set from a province's decision of the same number or another year's", () => {
    expect(lineFacts("Quyết định số 318/QĐ-UBND ngày 08/3/2022").setHint).toBeUndefined();
    expect(lineFacts("Quyết định số 318/QĐ-TTg ngày 08/3/2019").setHint).toBeUndefined();
    expect(lineFacts("Quyết định số 51/QĐ-TTg").setHint).toBeUndefined();
    expect(lineFacts("giai đoạn 2021-2030").setHint).toBeUndefined();
  });
});

describe("lineFacts: the unit line", () => {
  it.each([
    ["ĐVT: triệu đồng", "triệu đồng", 1],
    ["Đơn vị tính: tỷ đồng", "tỷ đồng", 1000],
    ["(ĐVT: Tr.đ)", "Tr.đ", 1],
    ["ĐVT: trđ", "trđ", 1],
    ["ĐVT: tr.đồng", "tr.đồng", 1],
    ["Đơn vị: 1.000 đồng", "1.000 đồng", 0.001],
    ["Đơn vị tính: nghìn đồng", "nghìn đồng", 0.001],
    ["ĐVT: ngàn đồng", "ngàn đồng", 0.001],
    ["ĐVT: đồng", "đồng", 0.000001],
    ["BIỂU 03: NGUỒN VỐN (Đơn vị tính: Triệu đồng)", "Triệu đồng", 1],
    ["dvt: trieu dong; ty le %", "trieu dong", 1],
  ])("reads the money unit of %s", (line, text, perMillion) => {
    expect(lineFacts(line).moneyUnit).toEqual({ text, perMillion });
  });

  it("keeps a unit line that is no money apart, without a money unit", () => {
    const f = lineFacts("ĐVT: Xã");
    expect(f.unitText).toBe("Xã");
    expect(f.moneyUnit).toBeUndefined();
    expect(lineFacts("Đơn vị tính: %").moneyUnit).toBeUndefined();
  });

  it("does not take 'Đơn vị' without a colon for a unit line", () => {
    expect(lineFacts("Đơn vị thực hiện UBND huyện").unitText).toBeUndefined();
  });
});

describe("moneyPerMillion", () => {
  it("says how many triệu đồng a money unit is", () => {
    expect(moneyPerMillion("Triệu đồng")).toBe(1);
    expect(moneyPerMillion("Tỷ đồng")).toBe(1000);
    expect(moneyPerMillion("1.000.000 đồng")).toBe(1);
    expect(moneyPerMillion("1,000 VNĐ")).toBe(0.001);
    expect(moneyPerMillion("km")).toBeUndefined();
    expect(moneyPerMillion("Xã")).toBeUndefined();
  });
});

describe("lineFacts: the place", () => {
  it.each([
    ["UBND TỈNH HÀ TĨNH", "HÀ TĨNH", "province"],
    ["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "HÀ TĨNH", "province"],
    ["SỞ NÔNG NGHIỆP VÀ PTNT TỈNH NGHỆ AN", "NGHỆ AN", "province"],
    ["UBND TỈNH BÀ RỊA - VŨNG TÀU", "BÀ RỊA - VŨNG TÀU", "province"],
    ["UBND HUYỆN CAN LỘC", "CAN LỘC", "district"],
    ["UBND THỊ XÃ KỲ ANH", "KỲ ANH", "town"],
    ["UBND THÀNH PHỐ HÀ TĨNH", "HÀ TĨNH", "city"],
    ["UBND TP. HỒ CHÍ MINH", "HỒ CHÍ MINH", "city"],
    ["KẾT QUẢ XÂY DỰNG NTM TỈNH HÀ TĨNH NĂM 2022", "HÀ TĨNH", "province"],
    ["Kết quả trên địa bàn tỉnh Hà Tĩnh năm 2022", "Hà Tĩnh", "province"],
    ["Kết quả của huyện Đoan Hùng, tỉnh Phú Thọ", "Đoan Hùng", "district"],
  ])("reads the place of %s", (line, placeText, placeKind) => {
    expect(lineFacts(line)).toMatchObject({ placeText, placeKind });
  });

  it.each([
    "BỘ TIÊU CHÍ HUYỆN NÔNG THÔN MỚI",
    "Đơn vị tính: triệu đồng",
    "Số liệu tính đến 31/12/2022",
    "Tỷ lệ xã đạt chuẩn của tỉnh",
    "CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ",
    "TỈNH ỦY HÀ TĨNH",
  ])("reads no place from %s", (line) => {
    expect(lineFacts(line).placeText).toBeUndefined();
  });
});

describe("titleFacts", () => {
  const block = [
    "BIỂU 01: KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NTM NĂM 2022",
    "(Kèm theo Báo cáo số 123/BC-UBND ngày 15/12/2022 của UBND tỉnh)",
    "theo Quyết định số 318/QĐ-TTg ngày 08/3/2022",
    "ĐVT: triệu đồng",
    "UBND TỈNH HÀ TĨNH",
  ];

  it("combines a title block's lines into one set of facts", () => {
    expect(titleFacts(block)).toEqual({
      year: 2022,
      yearStrength: "title",
      decisions: ["123/BC-UBND", "318/QĐ-TTg"],
      setHint: "2021-2025",
      unitText: "triệu đồng",
      moneyUnit: { text: "triệu đồng", perMillion: 1 },
      placeText: "HÀ TĨNH",
      placeKind: "province",
    });
  });

  it("prefers a title year on a later line to a report's date on an earlier one", () => {
    const f = titleFacts(["(Kèm theo Báo cáo số 123/BC-UBND ngày 15/12/2023)", "KẾT QUẢ NĂM 2022"]);
    expect(f).toMatchObject({ year: 2022, yearStrength: "title" });
  });

  it("falls back on a report's date when no line says the year", () => {
    const f = titleFacts(["TỔNG HỢP KẾT QUẢ", "(Kèm theo Báo cáo số 123/BC-UBND ngày 15/12/2022)"]);
    expect(f).toMatchObject({ year: 2022, yearStrength: "date" });
  });

  it("takes each fact from the most specific line first", () => {
    const f = titleFacts(["ĐVT: tỷ đồng", "UBND HUYỆN CAN LỘC", "ĐVT: triệu đồng", "UBND TỈNH HÀ TĨNH"]);
    expect(f).toMatchObject({ moneyUnit: { perMillion: 1000 }, placeText: "CAN LỘC", placeKind: "district" });
  });

  it("gives only an empty list of decisions for no lines", () => {
    expect(titleFacts([])).toEqual({ decisions: [] });
  });

  const viLine = fc.constantFrom(
    ...block,
    "giai đoạn 2021-2025",
    "Kế hoạch năm 2024",
    "ĐVT: Tr.đ",
    "Độc lập",
  );
  const same = (a: LineFacts, b: LineFacts) => expect(a).toEqual(b);

  it("reads NFD text like NFC text", () => {
    fc.assert(
      fc.property(fc.array(viLine, { maxLength: 5 }), (lines) => {
        same(titleFacts(lines.map((l) => l.normalize("NFD"))), titleFacts(lines));
      }),
    );
  });

  it("reads lines with extra spaces like lines without", () => {
    fc.assert(
      fc.property(fc.array(viLine, { maxLength: 5 }), (lines) => {
        same(titleFacts(lines.map((l) => `  ${l.replace(/ /g, "  ")} `)), titleFacts(lines));
      }),
    );
  });

  it("reads years, periods, decisions and sets alike in either case", () => {
    fc.assert(
      fc.property(viLine, (line) => {
        const pick = (f: LineFacts) => [
          f.year,
          f.yearStrength,
          f.period,
          f.decisions,
          f.setHint,
          f.moneyUnit?.perMillion,
        ];
        expect(pick(lineFacts(line.toUpperCase()))).toEqual(pick(lineFacts(line)));
      }),
    );
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.string(), (t) => {
        expect(Array.isArray(lineFacts(t).decisions)).toBe(true);
      }),
    );
  });
});
