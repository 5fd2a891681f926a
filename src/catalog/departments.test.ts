import { SET_2021_2025 } from "./criteria2021_2025";
import { SET_2026_2030 } from "./criteria2026_2030";
import { DEFAULT_DEPARTMENTS, DEFAULT_DEPARTMENTS_2026_2030, departmentFor } from "./departments";

describe("departmentFor (2021-2025)", () => {
  it("gives 14.3 (trained workers) to labour while 14.1 stays with education", () => {
    expect(departmentFor("14", "14.1")?.departmentVi).toBe("Sở Giáo dục và Đào tạo");
    expect(departmentFor("14", "14.3")?.departmentVi).toBe("Sở Lao động – Thương binh và Xã hội");
  });

  it("applies the other indicator overrides of §8.3", () => {
    expect(departmentFor("18", "18.4")?.departmentVi).toBe("Sở Tư pháp");
    expect(departmentFor("18", "18.1")?.departmentVi).toBe("Sở Nội vụ");
    expect(departmentFor("19", "19.1")?.departmentVi).toBe("Bộ Chỉ huy Quân sự tỉnh");
    expect(departmentFor("19", "19.2")?.departmentVi).toBe("Công an tỉnh");
  });

  it("uses full department names in both languages", () => {
    expect(departmentFor("2")).toMatchObject({
      departmentVi: "Sở Giao thông vận tải",
      departmentEn: "Department of Transport",
    });
    expect(departmentFor("3")?.departmentVi).toBe("Sở Nông nghiệp và Phát triển nông thôn");
    expect(departmentFor("20")?.departmentVi).toBe("Văn phòng Điều phối nông thôn mới tỉnh");
  });

  it("falls back to the criterion's default and returns undefined where none is proposed", () => {
    expect(departmentFor("14", "14.9")?.departmentVi).toBe("Sở Giáo dục và Đào tạo");
    expect(departmentFor("T1", "T.1")).toBeUndefined();
    expect(departmentFor("KM")).toBeUndefined();
  });

  it("covers every commune criterion 1-19 and Hà Tĩnh's 20", () => {
    const communeCriteria = SET_2021_2025.criteria.filter((c) => c.level === "commune" && c.tier === "ntm");
    for (const code of [...communeCriteria.map((c) => c.code), "20"])
      expect(departmentFor(code)).toBeDefined();
  });
});

describe("departmentFor (2026-2030)", () => {
  it("covers the ten QĐ 51 criteria with the post-2025 departments", () => {
    for (const c of SET_2026_2030.criteria.filter((x) => x.level === "commune")) {
      expect(departmentFor(c.code, undefined, "2026-2030")).toBeDefined();
    }
    expect(departmentFor("8", undefined, "2026-2030")?.departmentVi).toBe("Sở Nông nghiệp và Môi trường");
  });
});

describe("DEFAULT_DEPARTMENTS", () => {
  it("marks every row as an unconfirmed default to check, citing the reference", () => {
    for (const d of [...DEFAULT_DEPARTMENTS, ...DEFAULT_DEPARTMENTS_2026_2030]) {
      expect(d.confirmed).toBe(false);
      expect(d.note).toContain("default to check: no Hà Tĩnh assignment decision found");
      expect(d.source).toMatch(/§8\.3|§5/);
      expect(d.departmentEn).toMatch(/^(Department|Provincial)/);
    }
  });

  it("has at most one row per (criterion, indicator)", () => {
    const keys = DEFAULT_DEPARTMENTS.map((d) => `${d.criterion}|${d.indicator ?? ""}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
