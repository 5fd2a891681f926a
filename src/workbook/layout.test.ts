import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import { readerStrings } from "../i18n/strings/reader";
import {
  BUDGET_FIELDS,
  BUDGET_KIND_LABELS,
  COMPARATOR_LABELS,
  CRITERIA_FIELDS,
  GROUP_LABELS,
  INPUT_ROLES,
  KIND_LABELS,
  LANG_LABELS,
  LEVEL_LABELS,
  LOCALITY_FIELDS,
  METRIC_LABELS,
  normKey,
  NUMBER_STYLE_LABELS,
  parseLabel,
  parseThresholdHeader,
  parseThresholdKey,
  PASS_LABELS,
  REGION_LABELS,
  roleOfSheetName,
  ROLES,
  SET_LABELS,
  SETTING_FIELDS,
  SHEET_NAMES,
  TARGET_FIELDS,
  thresholdHeader,
  thresholdKey,
  TIER_LABELS,
  YES_NO_LABELS,
  type Labelled,
  type ThresholdScope,
} from "./layout";
import { METRIC_KEYS, REGION_CODES } from "../domain/types";

describe("normKey", () => {
  it("compares NFC and NFD spellings, case and spacing alike", () => {
    expect(normKey("Dữ liệu  XÃ")).toBe(normKey("Dữ liệu xã".normalize("NFD")));
    expect(normKey("Dữ liệu xã")).toBe("du lieu xa");
  });

  it("spells comparison signs as words, so ≥ and >= agree", () => {
    expect(normKey("≥")).toBe(normKey(">="));
    expect(normKey("≤")).toBe("lte");
    expect(normKey("=")).toBe("eq");
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string(), (s) => normKey(normKey(s)) === normKey(s)));
  });
});

describe("sheet roles", () => {
  it.each([
    ["Dữ liệu xã", "communes"],
    ["du lieu xa", "communes"],
    ["DỮ LIỆU  XÃ", "communes"],
    ["Dữ liệu xã".normalize("NFD"), "communes"],
    ["Commune data", "communes"],
    ["3. Dữ liệu xã", "communes"],
    ["Dữ liệu xã 2025", "communes"],
    ["Settings", "settings"],
    ["Cài đặt", "settings"],
    ["Chi tieu", "criteria"],
    ["Indicators", "criteria"],
    ["Nguon von", "budget"],
    ["Mục tiêu", "targets"],
    ["Huong dan", "instructions"],
  ])("reads the sheet name %j as %s", (name, role) => {
    expect(roleOfSheetName(name)).toBe(role);
  });

  it("ignores other sheets", () => {
    expect(roleOfSheetName("Kết quả xã")).toBeUndefined();
    expect(roleOfSheetName("Sheet1")).toBeUndefined();
  });

  it("gives every role a valid Excel sheet name in both languages, and every alias one role only", () => {
    const seen = new Map<string, string>();
    for (const role of ROLES) {
      const n = SHEET_NAMES[role];
      for (const name of [n.vi, n.en, ...n.aliases]) {
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[[\]:*?/\\]/);
        expect(roleOfSheetName(name)).toBe(role);
        const key = normKey(name);
        expect(seen.get(key) ?? role).toBe(role);
        seen.set(key, role);
      }
    }
    expect(INPUT_ROLES).not.toContain("instructions");
  });
});

describe("fields", () => {
  it("gives every table unique keys and unique headers in each language", () => {
    const tables = [
      CRITERIA_FIELDS,
      BUDGET_FIELDS,
      TARGET_FIELDS,
      SETTING_FIELDS,
      ...Object.values(LOCALITY_FIELDS),
    ];
    for (const fields of tables) {
      expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
      for (const lang of ["vi", "en"] as const)
        expect(new Set(fields.map((f) => normKey(f[lang]))).size).toBe(fields.length);
    }
  });

  it("marks the code column required on every table that has one", () => {
    for (const fields of Object.values(LOCALITY_FIELDS))
      expect(fields.find((f) => f.key === "code")?.required).toBe(true);
    expect(CRITERIA_FIELDS.find((f) => f.key === "code")?.required).toBe(true);
  });
});

describe("label tables", () => {
  const tables: [string, readonly Labelled<unknown>[]][] = [
    ["tier", TIER_LABELS],
    ["level", LEVEL_LABELS],
    ["comparator", COMPARATOR_LABELS],
    ["kind", KIND_LABELS],
    ["region", REGION_LABELS],
    ["group", GROUP_LABELS],
    ["yes/no", YES_NO_LABELS],
    ["pass", PASS_LABELS],
    ["budget kind", BUDGET_KIND_LABELS],
    ["metric", METRIC_LABELS],
    ["set", SET_LABELS],
    ["lang", LANG_LABELS],
    ["number style", NUMBER_STYLE_LABELS],
  ];

  it.each(tables)("reads every %s label back, in both languages and from every alias", (_name, table) => {
    for (const row of table) {
      for (const text of [row.vi, row.en, ...row.aliases]) expect(parseLabel(table, text)).toBe(row.value);
      expect(parseLabel(table, row.vi.toUpperCase())).toBe(row.value);
    }
  });

  it("covers every region and metric", () => {
    expect(REGION_LABELS.map((r) => r.value)).toEqual([...REGION_CODES]);
    expect(METRIC_LABELS.map((r) => r.value)).toEqual([...METRIC_KEYS]);
  });

  it("understands the spellings planners type", () => {
    expect(parseLabel(COMPARATOR_LABELS, "≥")).toBe(">=");
    expect(parseLabel(COMPARATOR_LABELS, "=<")).toBe("<=");
    expect(parseLabel(KIND_LABELS, "Đạt - Không")).toBe("boolean");
    expect(parseLabel(KIND_LABELS, "tỷ lệ (%)")).toBe("percent");
    expect(parseLabel(TIER_LABELS, "ntm nang cao")).toBe("advanced");
    expect(parseLabel(REGION_LABELS, "Bắc Trung Bộ")).toBe("BTB");
    expect(parseLabel(REGION_LABELS, "dbscl")).toBe("DBSCL");
    expect(parseLabel(LEVEL_LABELS, "cấp xã")).toBe("commune");
    expect(parseLabel(BUDGET_KIND_LABELS, "Giải ngân")).toBe("actual");
    expect(parseLabel(TIER_LABELS, "Xuất sắc")).toBeUndefined();
    expect(parseLabel(COMPARATOR_LABELS, "")).toBeUndefined();
  });
});

describe("threshold columns", () => {
  const scopes: ThresholdScope[] = [
    ...REGION_CODES.map((region) => ({ region })),
    { group: 1 },
    { group: 2 },
    { group: 3 },
    { any: true },
  ];

  it("reads back the header and the mapping key of every scope, in both languages", () => {
    for (const scope of scopes) {
      expect(parseThresholdKey(thresholdKey(scope))).toEqual(scope);
      for (const lang of ["vi", "en"] as const)
        expect(parseThresholdHeader(thresholdHeader(scope, lang))).toEqual(scope);
    }
  });

  it.each([
    ["BTB", { region: "BTB" }],
    ["Ngưỡng vùng Bắc Trung Bộ", { region: "BTB" }],
    ["ĐBSH", { region: "DBSH" }],
    ["Nhóm 2", { group: 2 }],
    ["Group 3", { group: 3 }],
    ["Ngưỡng chung", { any: true }],
    ["Threshold", { any: true }],
  ])("reads the header %j", (header, scope) => {
    expect(parseThresholdHeader(header)).toEqual(scope);
  });

  it("does not take other criteria columns for thresholds", () => {
    for (const h of ["Ngưỡng tính từ", "Nguồn", "Năm áp dụng", "Nhóm xã (1/2/3)", "Tiêu chí"])
      expect(parseThresholdHeader(h)).toBeUndefined();
  });
});

describe("docs/TEMPLATE.md", () => {
  const doc = readFileSync(join(__dirname, "../../docs/TEMPLATE.md"), "utf8");

  it("names every sheet and every header of the layout, in both languages", () => {
    for (const role of ROLES) {
      expect(doc).toContain(SHEET_NAMES[role].vi);
      expect(doc).toContain(SHEET_NAMES[role].en);
    }
    const tables = [
      CRITERIA_FIELDS,
      BUDGET_FIELDS,
      TARGET_FIELDS,
      SETTING_FIELDS,
      ...Object.values(LOCALITY_FIELDS),
    ];
    for (const field of tables.flat()) {
      expect(doc).toContain(field.vi);
      expect(doc).toContain(field.en);
    }
    for (const m of METRIC_LABELS) expect(doc).toContain(m.vi);
  });

  it("documents every issue code the reader can raise (here or in docs/READING.md)", () => {
    const reading = readFileSync(join(__dirname, "../../docs/READING.md"), "utf8");
    const codes = Object.keys(readerStrings)
      .filter((k) => /^issue\.[A-Z_]+$/.test(k))
      .map((k) => k.slice("issue.".length));
    for (const code of codes) expect(doc + reading).toContain(`\`${code}\``);
  });
});
