import type { FundingResult, TargetResult } from "../domain/types";
import { HostError, type HostErrorCode } from "./host";
import { errorMessage } from "./errors";
import { confidenceLevel, fundingView, pct, targetView } from "./viewModel";

const noNames = () => undefined;

describe("confidenceLevel", () => {
  it("calls ≥ 0.9 high, ≥ 0.6 medium, lower low, no column missing, and the planner's choice mapped", () => {
    const c = (column: string | null, confidence: number, mapped = false) => ({ column, confidence, mapped });
    expect(confidenceLevel(c("A", 1))).toBe("high");
    expect(confidenceLevel(c("A", 0.9))).toBe("high");
    expect(confidenceLevel(c("A", 0.89))).toBe("medium");
    expect(confidenceLevel(c("A", 0.6))).toBe("medium");
    expect(confidenceLevel(c("A", 0.59))).toBe("low");
    expect(confidenceLevel(c(null, 0))).toBe("missing");
    expect(confidenceLevel(c("B", 1, true))).toBe("mapped");
    expect(confidenceLevel(c(null, 0, true))).toBe("missing");
  });
});

describe("targetView", () => {
  const target = (over: Partial<TargetResult>): TargetResult => ({
    metric: "communeNtmShare",
    year: 2022,
    value: 1,
    comparator: ">=",
    actual: 0.9615384615,
    status: "behind",
    gap: 0.0384615385,
    ...over,
  });

  it("writes a share target with its gap in percentage points, the Vietnamese way", () => {
    expect(targetView("vi", target({}), noNames, 0)).toMatchObject({
      label: "Tỷ lệ xã đạt chuẩn NTM",
      status: "behind",
      statusText: "Chậm so với mục tiêu",
      values: "Mục tiêu 100% năm 2022; hiện tại 96,2%",
      gap: "còn thiếu 3,8 điểm %",
    });
    expect(targetView("en", target({}), noNames, 0)).toMatchObject({
      values: "Target 100% by 2022; now 96.2%",
      gap: "3.8 percentage points to go",
    });
  });

  it("writes a count target with ≤, names its scope and has no gap once achieved", () => {
    const view = targetView(
      "vi",
      target({
        metric: "communesBelow15",
        comparator: "<=",
        value: 0,
        actual: 0,
        status: "achieved",
        gap: 0,
        scope: "436",
      }),
      (code) => (code === "436" ? "Thành phố Hà Tĩnh" : undefined),
      1,
    );
    expect(view).toMatchObject({
      label: "Số xã dưới 15 tiêu chí – Thành phố Hà Tĩnh",
      statusText: "Đã đạt",
      values: "Mục tiêu ≤ 0 năm 2022; hiện tại 0",
      gap: null,
    });
  });

  it("says when a target cannot be measured yet", () => {
    const view = targetView(
      "vi",
      target({ status: "pending", actual: null, gap: null, year: 2025 }),
      noNames,
      0,
    );
    expect(view.values).toBe("Mục tiêu 100% năm 2025; hiện tại chưa đo được");
    expect(view.statusText).toBe("Chưa đến hạn");
    expect(view.gap).toBeNull();
  });
});

describe("fundingView", () => {
  const funding: FundingResult = {
    code: "42",
    level: "province",
    total: 200,
    bySource: { NSNN: 50, NSTW: 50, TIN_DUNG: 100, TD_CS: 100, NHAN_DAN: 50 },
    shares: { NSNN: 0.25, NSTW: 0.25, TIN_DUNG: 0.5, TD_CS: 0.5, NHAN_DAN: 0.25 },
    sharesExcludingCredit: { NSNN: 0.5, NSTW: 0.5, NHAN_DAN: 0.5 },
    actual: { total: 150, bySource: {}, shares: {}, sharesExcludingCredit: {} },
    disbursementRate: 0.75,
    byCriterion: {},
  };

  it("lists the root sources with and without credit; credit itself has no share without credit", () => {
    const view = fundingView("vi", funding, "triệu đồng", false);
    expect(view.total).toBe("Tổng vốn kế hoạch: 200 triệu đồng");
    expect(view.actual).toBe("Đã thực hiện: 150 triệu đồng (75% kế hoạch)");
    expect(view.rows.every((r) => r.depth === 0)).toBe(true);
    const byCode = Object.fromEntries(view.rows.map((r) => [r.code, r]));
    expect(byCode.NSNN).toMatchObject({ share: 0.25, shareExcludingCredit: 0.5 });
    expect(byCode.TIN_DUNG).toMatchObject({ share: 0.5, shareExcludingCredit: null });
    expect(byCode.KHAC).toMatchObject({ share: 0, shareExcludingCredit: 0 });
    expect(byCode.NSNN.name).toBe("Vốn ngân sách nhà nước (bố trí trực tiếp)");
  });

  it("adds the sub-sources that carry money under their parents", () => {
    const view = fundingView("en", { ...funding, disbursementRate: null }, "million VND", true);
    const codes = view.rows.map((r) => r.code);
    expect(codes.indexOf("NSTW")).toBe(codes.indexOf("NSNN") + 1);
    expect(view.rows.find((r) => r.code === "NSTW")?.depth).toBe(1);
    expect(view.rows.find((r) => r.code === "TD_CS")).toMatchObject({ depth: 1, shareExcludingCredit: null });
    expect(codes).not.toContain("TD_TM");
    expect(view.actual).toBeNull();
  });

  it("formats shares per language", () => {
    expect(pct("vi", 0.9615384615)).toBe("96,2%");
    expect(pct("en", 0.9615384615)).toBe("96.2%");
  });
});

describe("errorMessage", () => {
  const codes: HostErrorCode[] = ["cellEditing", "busy", "tooLarge", "readOnly", "unknown"];

  it("gives every host error code a message in both languages", () => {
    expect(errorMessage("vi", new HostError("cellEditing", "x"))).toBe(
      "Hãy kết thúc chỉnh sửa ô rồi thử lại",
    );
    expect(errorMessage("en", new HostError("cellEditing", "x"))).toBe(
      "Finish editing the cell, then try again",
    );
    for (const code of codes) {
      const vi = errorMessage("vi", new HostError(code, "GeneralException"));
      const en = errorMessage("en", new HostError(code, "GeneralException"));
      expect(vi).not.toBe(en);
      expect(vi.length).toBeGreaterThan(10);
    }
    expect(errorMessage("vi", new HostError("unknown", "GeneralException"))).toBe(
      "Excel báo lỗi: GeneralException",
    );
  });

  it("recognises a host error from another bundle by its shape, and shows any other error's message", () => {
    const foreign = Object.assign(new Error("busy!"), { name: "HostError", code: "busy" });
    expect(errorMessage("en", foreign)).toMatch(/^Excel is busy/);
    expect(errorMessage("vi", new TypeError("Cannot read properties of undefined"))).toBe(
      "Cannot read properties of undefined",
    );
    expect(errorMessage("vi", "lỗi lạ")).toBe("lỗi lạ");
  });
});
