/**
 * The workbook layout: one typed description of the input sheets (roles, names in Vietnamese and
 * English, aliases) and of their columns (fields), plus the label tables for the small vocabularies
 * planners type into cells (tiers, levels, comparators, value kinds, regions, metrics…).
 *
 * The template builder writes exactly these names and headers; the reader recognises them, their
 * other-language equivalents and the aliases (compared with `foldText`, so case, spacing and
 * diacritics never matter). docs/TEMPLATE.md documents the same contract for planners.
 */
import type {
  BudgetKind,
  Comparator,
  CommuneGroup,
  CriteriaSetId,
  Level,
  MetricKey,
  RegionCode,
  Tier,
  ValueKind,
} from "../domain/types";
import { foldText } from "../domain/text";
import type { Lang } from "../i18n";
import type { NumberStyle } from "../domain/parse";

// ---------------------------------------------------------------- text keys

/**
 * A comparison key for labels, headers and sheet names: `foldText` (no case, no diacritics, đ → d,
 * punctuation other than "." and "%" turned into spaces), with comparison signs spelled as words
 * (">=" and "≥" → "gte", "<=" and "≤" → "lte", "=" → "eq") and dots at word edges dropped.
 */
export function normKey(text: string): string {
  const spelled = text
    .replace(/≥|>=|=>/g, " gte ")
    .replace(/≤|<=|=</g, " lte ")
    .replace(/==?/g, " eq ")
    .replace(/>/g, " gt ")
    .replace(/</g, " lt ");
  return foldText(spelled)
    .replace(/(^|\s)\.+|\.+(?=\s|$)/g, "$1")
    .replace(/ {2,}/g, " ")
    .trim();
}

// ---------------------------------------------------------------- roles and sheets

export type InputRole =
  | "instructions"
  | "settings"
  | "criteria"
  | "communes"
  | "districts"
  | "province"
  | "villages"
  | "budget"
  | "targets";

/** Every role, in the order the template lays the sheets out. */
export const ROLES: readonly InputRole[] = [
  "instructions",
  "settings",
  "criteria",
  "communes",
  "districts",
  "province",
  "villages",
  "budget",
  "targets",
];

/** Roles the reader reads (the instructions sheet is never read). */
export const INPUT_ROLES: readonly Exclude<InputRole, "instructions">[] = [
  "settings",
  "criteria",
  "communes",
  "districts",
  "province",
  "villages",
  "budget",
  "targets",
];

/** Roles whose sheet holds localities, with the level of their rows. */
export const LOCALITY_ROLES = {
  province: "province",
  districts: "district",
  communes: "commune",
  villages: "village",
} as const satisfies Partial<Record<InputRole, Level>>;
export type LocalityRole = keyof typeof LOCALITY_ROLES;
export const LOCALITY_ROLE_OF_LEVEL: Record<Level, LocalityRole> = {
  province: "province",
  district: "districts",
  commune: "communes",
  village: "villages",
};

export interface SheetNames {
  vi: string;
  en: string;
  /** Other names planners use; matched folded, like vi and en. */
  aliases: readonly string[];
}

export const SHEET_NAMES: Record<InputRole, SheetNames> = {
  instructions: { vi: "Hướng dẫn", en: "Instructions", aliases: ["Đọc trước", "README", "Read me", "Guide"] },
  settings: {
    vi: "Thiết lập",
    en: "Settings",
    aliases: ["Cài đặt", "Thông tin chung", "Tham số", "Cấu hình", "Parameters", "Setup", "Config"],
  },
  criteria: {
    vi: "Chỉ tiêu",
    en: "Indicators",
    aliases: [
      "Bộ tiêu chí",
      "Tiêu chí",
      "Danh mục chỉ tiêu",
      "Chỉ tiêu NTM",
      "Tiêu chí NTM",
      "Criteria",
      "Indicator list",
    ],
  },
  communes: {
    vi: "Dữ liệu xã",
    en: "Commune data",
    aliases: ["Số liệu xã", "Xã", "Cấp xã", "Dữ liệu cấp xã", "Communes", "Commune"],
  },
  districts: {
    vi: "Dữ liệu huyện",
    en: "District data",
    aliases: ["Số liệu huyện", "Huyện", "Cấp huyện", "Dữ liệu cấp huyện", "Districts", "District"],
  },
  province: {
    vi: "Dữ liệu tỉnh",
    en: "Province data",
    aliases: ["Số liệu tỉnh", "Tỉnh", "Cấp tỉnh", "Dữ liệu cấp tỉnh", "Province"],
  },
  villages: {
    vi: "Dữ liệu thôn",
    en: "Village data",
    aliases: ["Số liệu thôn", "Thôn", "Thôn bản", "Dữ liệu thôn bản", "Villages", "Village"],
  },
  budget: {
    vi: "Nguồn vốn",
    en: "Budget",
    aliases: ["Vốn", "Kinh phí", "Nguồn lực", "Huy động vốn", "Nguồn vốn NTM", "Funding", "Funds"],
  },
  targets: {
    vi: "Mục tiêu",
    en: "Targets",
    aliases: ["Mục tiêu kế hoạch", "Chỉ tiêu kế hoạch", "Kế hoạch mục tiêu", "Goals"],
  },
};

/** Excel table names of the template (ASCII, unique in the workbook). */
export const TABLE_NAMES: Record<InputRole, string> = {
  instructions: "tblHuongDan",
  settings: "tblThietLap",
  criteria: "tblChiTieu",
  communes: "tblDuLieuXa",
  districts: "tblDuLieuHuyen",
  province: "tblDuLieuTinh",
  villages: "tblDuLieuThon",
  budget: "tblNguonVon",
  targets: "tblMucTieu",
};

export function sheetName(role: InputRole, lang: Lang): string {
  return SHEET_NAMES[role][lang];
}

/** Sheet name without a leading numbering such as "3. " or "03_". */
function sheetKey(name: string): string {
  return normKey(name).replace(/^\d{1,2}\s+/, "");
}

/**
 * Which role a sheet name plays, or undefined. Matches the vi/en names and aliases folded; as a
 * second chance, a name that starts with a two-word-or-longer vi/en name ("Dữ liệu xã 2025").
 */
export function roleOfSheetName(name: string): InputRole | undefined {
  const key = sheetKey(name);
  if (!key) return undefined;
  for (const role of ROLES) {
    const n = SHEET_NAMES[role];
    for (const candidate of [n.vi, n.en, ...n.aliases]) {
      const c = normKey(candidate);
      if (c === key || c.replace(/ /g, "") === key.replace(/ /g, "")) return role;
    }
  }
  for (const role of ROLES) {
    const n = SHEET_NAMES[role];
    for (const candidate of [n.vi, n.en]) {
      const c = normKey(candidate);
      if (c.includes(" ") && key.startsWith(c + " ")) return role;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- fields

/** How the template formats a column (the reader parses by field, not by this). */
export type ColumnFormat = "text" | "integer" | "year" | "number" | "percent" | "amount" | "general";

/** Name of a label table a column's list validation comes from. */
export type ListName =
  | "yesNo"
  | "mark"
  | "pass"
  | "comparator"
  | "kind"
  | "level"
  | "tier"
  | "region"
  | "group"
  | "communeType"
  | "districtType"
  | "budgetKind"
  | "metric"
  | "targetComparator";

export interface FieldDef {
  key: string;
  vi: string;
  en: string;
  /** Other headers recognised (any language), matched folded. */
  aliases: readonly string[];
  /** The reader cannot read the sheet without this column. */
  required?: boolean;
  width?: number;
  format?: ColumnFormat;
  list?: ListName;
}

const f = (
  key: string,
  vi: string,
  en: string,
  aliases: string[],
  extra: Omit<FieldDef, "key" | "vi" | "en" | "aliases"> = {},
): FieldDef => ({ key, vi, en, aliases, ...extra });

/** Columns of the criteria sheet, in template order; the threshold columns come after `year`. */
export const CRITERIA_FIELDS: readonly FieldDef[] = [
  f("code", "Mã chỉ tiêu", "Indicator code", ["Mã CT", "Mã số chỉ tiêu", "Số hiệu chỉ tiêu", "Code"], {
    required: true,
    width: 11,
    format: "text",
  }),
  f("criterion", "Tiêu chí", "Criterion", ["Mã tiêu chí", "Số tiêu chí", "TC", "Criterion code"], {
    width: 9,
    format: "text",
  }),
  f("criterionName", "Tên tiêu chí", "Criterion (Vietnamese)", ["Tiêu chí (tên)", "Criterion name"], {
    width: 24,
  }),
  f(
    "criterionNameEn",
    "Criterion (English)",
    "Criterion (English)",
    ["Tên tiêu chí (tiếng Anh)", "Tên tiêu chí tiếng Anh"],
    {
      width: 22,
    },
  ),
  f(
    "nameVi",
    "Nội dung chỉ tiêu",
    "Indicator (Vietnamese)",
    ["Tên chỉ tiêu", "Chỉ tiêu", "Nội dung", "Indicator", "Indicator name"],
    {
      width: 60,
    },
  ),
  f(
    "nameEn",
    "Indicator (English)",
    "Indicator (English)",
    ["Nội dung chỉ tiêu (tiếng Anh)", "Tên chỉ tiêu tiếng Anh", "English"],
    {
      width: 40,
    },
  ),
  f("unit", "Đơn vị", "Unit", ["Đơn vị tính", "ĐVT", "Units"], { width: 14 }),
  f("kind", "Kiểu giá trị", "Value type", ["Kiểu", "Loại giá trị", "Kiểu dữ liệu", "Value kind", "Kind"], {
    width: 13,
    list: "kind",
  }),
  f(
    "comparator",
    "So sánh",
    "Comparator",
    ["Phép so sánh", "Toán tử", "Điều kiện so sánh", "Comparison", "Operator"],
    {
      width: 9,
      list: "comparator",
    },
  ),
  f("level", "Cấp", "Level", ["Cấp áp dụng", "Cấp đánh giá", "Cấp đơn vị"], { width: 9, list: "level" }),
  f("tier", "Loại", "Tier", ["Loại chỉ tiêu", "Loại hình", "Mức chuẩn", "Hạng", "Type"], {
    width: 11,
    list: "tier",
  }),
  f("year", "Năm áp dụng", "Year", ["Năm", "Áp dụng năm", "Applies in year"], { width: 9, format: "year" }),
  f(
    "derived",
    "Ngưỡng tính từ",
    "Derived threshold",
    ["Công thức ngưỡng", "Ngưỡng phụ thuộc", "Derived from"],
    {
      width: 16,
    },
  ),
  f("dataCode", "Cột số liệu", "Data column", ["Mã số liệu", "Cột dữ liệu", "Data code"], {
    width: 12,
    format: "text",
  }),
  f("national", "Thuộc bộ quốc gia", "National set", ["Bộ quốc gia", "Tiêu chí quốc gia", "National"], {
    width: 11,
    list: "yesNo",
  }),
  f(
    "department",
    "Sở/ngành phụ trách",
    "Lead department",
    ["Sở ngành phụ trách", "Sở phụ trách", "Cơ quan phụ trách", "Đơn vị phụ trách", "Department"],
    {
      width: 22,
    },
  ),
  f("source", "Nguồn", "Source", ["Căn cứ", "Văn bản", "Nguồn văn bản", "Căn cứ pháp lý"], { width: 30 }),
  f("confirmed", "Đã xác nhận", "Confirmed", ["Xác nhận", "Đã kiểm tra", "Verified"], {
    width: 11,
    list: "yesNo",
  }),
  f("note", "Ghi chú", "Note", ["Notes", "Remark", "Remarks"], { width: 40 }),
];

/** Template position of the threshold columns: right after this field. */
export const THRESHOLD_COLUMNS_AFTER = "year";

/** A threshold column: one region, one commune group, or any scope. */
export type ThresholdScope = { region: RegionCode } | { group: CommuneGroup } | { any: true };

/** Field key of a threshold column ("threshold.BTB", "threshold.group1", "threshold.any"), used by ColumnMapping. */
export function thresholdKey(scope: ThresholdScope): string {
  if ("region" in scope) return `threshold.${scope.region}`;
  if ("group" in scope) return `threshold.group${scope.group}`;
  return "threshold.any";
}

export function parseThresholdKey(key: string): ThresholdScope | undefined {
  const m = /^threshold\.(?:group([123])|(any)|([A-Z]+))$/.exec(key);
  if (!m) return undefined;
  if (m[1]) return { group: Number(m[1]) as CommuneGroup };
  if (m[2]) return { any: true };
  const region = m[3] as RegionCode;
  return REGION_LABELS.some((r) => r.value === region) ? { region } : undefined;
}

export function thresholdHeader(scope: ThresholdScope, lang: Lang): string {
  if ("region" in scope)
    return `${lang === "vi" ? "Ngưỡng" : "Threshold"} ${labelOf(REGION_LABELS, scope.region, lang)}`;
  if ("group" in scope)
    return lang === "vi" ? `Ngưỡng nhóm ${scope.group}` : `Threshold group ${scope.group}`;
  return lang === "vi" ? "Ngưỡng" : "Threshold";
}

/**
 * Recognises a threshold column header: "Ngưỡng BTB", "BTB", "Bắc Trung Bộ", "Threshold DBSH",
 * "Ngưỡng nhóm 2", "Nhóm 2", "Group 2", and the generic "Ngưỡng" / "Threshold" / "Ngưỡng chung".
 */
export function parseThresholdHeader(header: string): ThresholdScope | undefined {
  let key = normKey(header);
  if (GENERIC_THRESHOLD_HEADERS.has(key)) return { any: true };
  const prefix = THRESHOLD_PREFIX.exec(key)?.[1];
  if (prefix !== undefined) key = key.slice(prefix.length).trim();
  key = key.replace(/^(vung|region)\s+/, "");
  // "Chỉ tiêu" alone is the indicator's name; only "Chỉ tiêu chung", "Chỉ tiêu BTB"… are thresholds.
  if (prefix !== undefined && prefix !== "chi tieu" && GENERIC_THRESHOLD_SUFFIXES.has(key))
    return { any: true };
  if (prefix === "chi tieu" && key !== "" && GENERIC_THRESHOLD_SUFFIXES.has(key)) return { any: true };
  const group = /^(?:nhom|group|nhom xa|commune group)\s*([123])$/.exec(key);
  if (group) return { group: Number(group[1]) as CommuneGroup };
  const region = parseLabel(REGION_LABELS, key);
  if (region) return { region };
  return undefined;
}

const THRESHOLD_PREFIX = /^(nguong|threshold|muc dat|muc chuan|chi tieu)(?=\s|$)/;
/** What may follow "Ngưỡng" / "Mức đạt" for a threshold that applies everywhere. */
const GENERIC_THRESHOLD_SUFFIXES: ReadonlySet<string> = new Set([
  "",
  "chung",
  "ap dung",
  "any",
  "general",
  "chuan",
  "dat chuan",
  "quy dinh",
  "cua tinh",
  "can dat",
]);
/** Headers of a criteria list's one threshold column, as provinces' decisions write them. */
const GENERIC_THRESHOLD_HEADERS: ReadonlySet<string> = new Set([
  "yeu cau",
  "yeu cau dat chuan",
  "muc yeu cau",
  "tieu chuan",
  "tieu chuan dat chuan",
  "muc quy dinh",
  "chuan",
  "muc can dat",
  "gia tri nguong",
  "chi tieu dat chuan",
  "chi tieu chung",
  "chi tieu can dat",
  "muc dat chuan",
  "nguong dat chuan",
  "dat chuan",
]);

/** Fields of a locality sheet, by role, in template order. Data columns follow them. */
export const LOCALITY_FIELDS: Record<LocalityRole, readonly FieldDef[]> = {
  communes: [
    f("code", "Mã xã", "Commune code", ["Mã xã/phường", "Mã đơn vị", "Mã ĐVHC", "Mã số xã", "Commune ID"], {
      required: true,
      width: 10,
      format: "text",
    }),
    f("name", "Tên xã", "Commune", ["Tên xã/phường", "Tên đơn vị", "Xã", "Xã/phường", "Commune name"], {
      width: 22,
    }),
    f("parent", "Mã huyện", "District code", ["Mã quận/huyện", "Mã huyện/thị xã", "District ID"], {
      width: 10,
      format: "text",
    }),
    f("unitType", "Loại đơn vị", "Unit type", ["Loại", "Loại hình đơn vị", "Cấp đơn vị", "Type"], {
      width: 11,
      list: "communeType",
    }),
    f("region", "Vùng", "Region", ["Vùng KT-XH", "Vùng kinh tế - xã hội", "Vùng áp dụng"], {
      width: 10,
      list: "region",
    }),
    f(
      "dbkk",
      "ĐBKK (x)",
      "Especially disadvantaged (x)",
      ["ĐBKK", "Xã ĐBKK", "Đặc biệt khó khăn", "Xã đặc biệt khó khăn"],
      {
        width: 9,
        list: "mark",
      },
    ),
    f(
      "atkPoorDistrict",
      "ATK huyện nghèo (x)",
      "Safe zone in poor district (x)",
      ["ATK huyện nghèo", "ATK", "Xã ATK", "An toàn khu", "ATK thuộc huyện nghèo"],
      {
        width: 12,
        list: "mark",
      },
    ),
    f("group", "Nhóm xã (1/2/3)", "Commune group (1/2/3)", ["Nhóm xã", "Nhóm", "Commune group", "Group"], {
      width: 10,
      list: "group",
    }),
  ],
  districts: [
    f(
      "code",
      "Mã huyện",
      "District code",
      ["Mã quận/huyện", "Mã huyện/thị xã", "Mã đơn vị", "Mã ĐVHC", "District ID"],
      {
        required: true,
        width: 10,
        format: "text",
      },
    ),
    f(
      "name",
      "Tên huyện",
      "District",
      ["Tên quận/huyện", "Tên đơn vị", "Huyện", "Huyện/thị xã", "District name"],
      { width: 22 },
    ),
    f("unitType", "Loại đơn vị", "Unit type", ["Loại", "Loại hình đơn vị", "Type"], {
      width: 12,
      list: "districtType",
    }),
    f("parent", "Mã tỉnh", "Province code", ["Province ID"], { width: 9, format: "text" }),
  ],
  province: [
    f("code", "Mã tỉnh", "Province code", ["Mã đơn vị", "Province ID"], {
      required: true,
      width: 9,
      format: "text",
    }),
    f("name", "Tên tỉnh", "Province", ["Tỉnh", "Tỉnh/thành phố", "Province name"], { width: 18 }),
  ],
  villages: [
    f(
      "code",
      "Mã thôn",
      "Village code",
      ["Mã thôn/bản", "Mã thôn, tổ dân phố", "Mã khu dân cư", "Village ID"],
      {
        required: true,
        width: 10,
        format: "text",
      },
    ),
    f("name", "Tên thôn", "Village", ["Tên thôn/bản", "Thôn", "Thôn/bản", "Khu dân cư", "Village name"], {
      width: 22,
    }),
    f("parent", "Mã xã", "Commune code", ["Mã xã/phường", "Commune ID"], { width: 10, format: "text" }),
  ],
};

export const BUDGET_FIELDS: readonly FieldDef[] = [
  f(
    "locality",
    "Mã địa bàn",
    "Area code",
    ["Mã đơn vị", "Mã địa phương", "Mã xã", "Mã huyện", "Mã ĐVHC", "Locality code"],
    {
      required: true,
      width: 10,
      format: "text",
    },
  ),
  f("localityName", "Tên địa bàn", "Area", ["Địa bàn", "Tên đơn vị", "Địa phương", "Locality"], {
    width: 20,
  }),
  f("year", "Năm", "Year", ["Năm kế hoạch", "Năm ngân sách"], { width: 7, format: "year" }),
  f("kind", "Loại", "Type", ["Loại số liệu", "Kế hoạch/Thực hiện", "KH/TH", "Kind"], {
    width: 11,
    list: "budgetKind",
  }),
  f("programme", "Chương trình", "Programme", ["Chương trình MTQG", "Program", "Programme name"], {
    width: 16,
  }),
  f("criterion", "Tiêu chí", "Criterion", ["Mã tiêu chí", "TC"], { width: 8, format: "text" }),
  f(
    "description",
    "Nội dung",
    "Description",
    ["Nội dung đầu tư", "Hạng mục", "Công trình", "Dự án", "Công trình, dự án"],
    {
      width: 30,
    },
  ),
];

export const TARGET_FIELDS: readonly FieldDef[] = [
  f("metric", "Chỉ số", "Metric", ["Chỉ tiêu", "Nội dung mục tiêu", "Indicator"], {
    required: true,
    width: 30,
    list: "metric",
  }),
  f("scope", "Phạm vi", "Scope", ["Địa bàn", "Mã địa bàn", "Áp dụng cho", "Locality"], {
    width: 10,
    format: "text",
  }),
  f("year", "Năm", "Year", ["Năm mục tiêu", "Đến năm", "Target year"], { width: 8, format: "year" }),
  f("comparator", "So sánh", "Comparator", ["Phép so sánh", "Toán tử"], {
    width: 9,
    list: "targetComparator",
  }),
  f("value", "Giá trị", "Value", ["Giá trị mục tiêu", "Mục tiêu", "Chỉ tiêu giao", "Target"], { width: 10 }),
  f("note", "Ghi chú/Nguồn", "Note/Source", ["Ghi chú", "Nguồn", "Note", "Source"], { width: 50 }),
];

/** Columns of the settings sheet's small table (label | value | explanation). */
export const SETTINGS_TABLE_HEADERS: Record<Lang, readonly [string, string, string]> = {
  vi: ["Mục", "Giá trị", "Giải thích"],
  en: ["Item", "Value", "Explanation"],
};

export type SettingKey =
  | "provinceName"
  | "provinceCode"
  | "region"
  | "year"
  | "setId"
  | "nearMargin"
  | "lang"
  | "numberStyle"
  | "moneyUnit"
  | "counterpartRatio"
  | "dataNote"
  | "issuer"
  | "signerTitle"
  | "signer"
  | "recipients";

export interface SettingDef extends FieldDef {
  key: SettingKey;
}

/** Label/value rows of the settings sheet, in template order. */
export const SETTING_FIELDS: readonly SettingDef[] = [
  f("provinceName", "Tỉnh", "Province", ["Tên tỉnh", "Tỉnh/thành phố", "Province name"]),
  f("provinceCode", "Mã tỉnh", "Province code", ["Mã tỉnh/thành phố", "Province ID"], { format: "text" }),
  f("region", "Vùng", "Region", ["Vùng KT-XH", "Vùng kinh tế - xã hội", "Vùng của tỉnh"], { list: "region" }),
  f("year", "Năm đánh giá", "Evaluation year", ["Năm", "Năm báo cáo", "Year"], { format: "year" }),
  f("setId", "Bộ tiêu chí", "Criteria set", ["Giai đoạn", "Bộ tiêu chí áp dụng", "Period"]),
  f("nearMargin", "Biên độ gần đạt", "Near-miss margin", ["Gần đạt", "Ngưỡng gần đạt", "Near margin"]),
  f("lang", "Ngôn ngữ", "Language", ["Ngôn ngữ báo cáo", "Lang"]),
  f("numberStyle", "Định dạng số", "Number style", ["Kiểu số", "Cách viết số", "Number format"]),
  f("moneyUnit", "Đơn vị tiền", "Money unit", ["Đơn vị tính tiền", "Đơn vị vốn", "Currency unit"]),
  f(
    "counterpartRatio",
    "Tỷ lệ đối ứng tối thiểu NSĐP/NSTW",
    "Minimum counterpart ratio (local/central budget)",
    ["Tỷ lệ đối ứng tối thiểu", "Tỷ lệ đối ứng", "Counterpart ratio"],
  ),
  f("dataNote", "Ghi chú dữ liệu", "Data note", ["Ghi chú", "Lưu ý dữ liệu", "Note"]),
  f("issuer", "Cơ quan ban hành", "Issuing agency", ["Cơ quan", "Đơn vị ban hành", "Issuer"]),
  f("signerTitle", "Chức danh người ký", "Signer's title", ["Chức vụ người ký", "Chức danh", "Signer title"]),
  f("signer", "Người ký", "Signer", ["Họ tên người ký", "Signed by"]),
  f("recipients", "Nơi nhận", "Recipients", ["Gửi", "Distribution"]),
] as SettingDef[];

/** The fields of a role's table (the settings sheet is label/value rows: see SETTING_FIELDS). */
export function fieldsOf(role: Exclude<InputRole, "instructions" | "settings">): readonly FieldDef[] {
  switch (role) {
    case "criteria":
      return CRITERIA_FIELDS;
    case "budget":
      return BUDGET_FIELDS;
    case "targets":
      return TARGET_FIELDS;
    default:
      return LOCALITY_FIELDS[role];
  }
}

/** Every header a field answers to: vi, en and aliases. */
export function fieldHeaders(field: FieldDef): string[] {
  return [field.vi, field.en, ...field.aliases];
}

export function fieldHeader(field: FieldDef, lang: Lang): string {
  return field[lang];
}

// ---------------------------------------------------------------- label tables

export interface Labelled<T> {
  value: T;
  vi: string;
  en: string;
  aliases: readonly string[];
}

export function labelOf<T>(table: readonly Labelled<T>[], value: T, lang: Lang): string {
  const row = table.find((r) => r.value === value);
  return row ? row[lang] : String(value);
}

/** The value a typed label stands for (vi, en, alias or the value itself, compared folded), or undefined. */
export function parseLabel<T>(table: readonly Labelled<T>[], text: string): T | undefined {
  const key = normKey(text);
  if (!key) return undefined;
  const squeezed = key.replace(/ /g, "");
  for (const row of table) {
    for (const candidate of [row.vi, row.en, String(row.value), ...row.aliases]) {
      const c = normKey(candidate);
      if (c === key || c.replace(/ /g, "") === squeezed) return row.value;
    }
  }
  return undefined;
}

export function listOf<T>(table: readonly Labelled<T>[], lang: Lang): string[] {
  return table.map((r) => r[lang]);
}

const l = <T>(value: T, vi: string, en: string, aliases: string[] = []): Labelled<T> => ({
  value,
  vi,
  en,
  aliases,
});

export const TIER_LABELS: readonly Labelled<Tier>[] = [
  l<Tier>("ntm", "NTM", "NTM", ["Nông thôn mới", "Cơ bản", "Chuẩn NTM", "Base", "Standard", "New rural"]),
  l<Tier>("advanced", "Nâng cao", "Advanced", [
    "NC",
    "NTM nâng cao",
    "Nông thôn mới nâng cao",
    "Advanced NTM",
  ]),
  l<Tier>("model", "Kiểu mẫu", "Model", ["KM", "NTM kiểu mẫu", "Nông thôn mới kiểu mẫu", "Model NTM"]),
  l<Tier>("condition", "Điều kiện", "Condition", [
    "ĐK",
    "Điều kiện công nhận",
    "Recognition condition",
    "Conditions",
  ]),
];

export const LEVEL_LABELS: readonly Labelled<Level>[] = [
  l<Level>("province", "Tỉnh", "Province", ["Cấp tỉnh", "Tỉnh/thành phố"]),
  l<Level>("district", "Huyện", "District", ["Cấp huyện", "Quận/huyện", "Huyện/thị xã"]),
  l<Level>("commune", "Xã", "Commune", ["Cấp xã", "Xã/phường"]),
  l<Level>("village", "Thôn", "Village", ["Cấp thôn", "Thôn/bản", "Thôn, bản", "Bản", "Khu dân cư"]),
];

export const COMPARATOR_LABELS: readonly Labelled<Comparator>[] = [
  l<Comparator>(">=", ">=", ">=", [
    "≥",
    "=>",
    "Lớn hơn hoặc bằng",
    "Tối thiểu",
    "Trở lên",
    "At least",
    "gte",
  ]),
  l<Comparator>("<=", "<=", "<=", ["≤", "=<", "Nhỏ hơn hoặc bằng", "Tối đa", "Không quá", "At most", "lte"]),
  l<Comparator>("=", "=", "=", ["==", "Bằng", "Equal", "eq"]),
  l<Comparator>("pass", "Đạt", "Pass", ["Đạt/Không", "Đạt/Không đạt", "Met", "BOOL", "Yes/No"]),
];

export const TARGET_COMPARATOR_LABELS: readonly Labelled<">=" | "<=">[] = COMPARATOR_LABELS.filter(
  (c): c is Labelled<">=" | "<="> => c.value === ">=" || c.value === "<=",
);

export const KIND_LABELS: readonly Labelled<ValueKind>[] = [
  l<ValueKind>("percent", "Tỷ lệ %", "Percent", ["%", "Tỷ lệ", "Tỷ lệ (%)", "Phần trăm", "Percentage"]),
  l<ValueKind>("number", "Số", "Number", ["Số lượng", "Giá trị số", "Con số", "Numeric", "Count"]),
  l<ValueKind>("boolean", "Đạt/Không", "Yes/No", [
    "Đạt-Không",
    "Đạt/Không đạt",
    "Đạt",
    "Có/Không",
    "Boolean",
    "Bool",
    "Pass/Fail",
  ]),
];

/** Region labels: the Vietnamese abbreviation (with Đ) in Vietnamese, the ASCII code in English. */
export const REGION_LABELS: readonly Labelled<RegionCode>[] = [
  l<RegionCode>("TDMNPB", "TDMNPB", "TDMNPB", [
    "Trung du và miền núi phía Bắc",
    "Trung du miền núi phía Bắc",
    "Northern Midlands and Mountains",
    "Northern Midlands and Mountainous Areas",
  ]),
  l<RegionCode>("DBSH", "ĐBSH", "DBSH", ["Đồng bằng sông Hồng", "Red River Delta"]),
  l<RegionCode>("BTB", "BTB", "BTB", ["Bắc Trung Bộ", "North Central", "North Central Coast"]),
  l<RegionCode>("DHNTB", "DHNTB", "DHNTB", ["Duyên hải Nam Trung Bộ", "South Central Coast"]),
  l<RegionCode>("TN", "TN", "TN", ["Tây Nguyên", "Central Highlands"]),
  l<RegionCode>("DNB", "ĐNB", "DNB", ["Đông Nam Bộ", "South East", "Southeast"]),
  l<RegionCode>("DBSCL", "ĐBSCL", "DBSCL", ["Đồng bằng sông Cửu Long", "Mekong Delta", "Mekong River Delta"]),
];

export const GROUP_LABELS: readonly Labelled<CommuneGroup>[] = [
  l<CommuneGroup>(1, "1", "1", ["Nhóm 1", "Group 1", "I"]),
  l<CommuneGroup>(2, "2", "2", ["Nhóm 2", "Group 2", "II"]),
  l<CommuneGroup>(3, "3", "3", ["Nhóm 3", "Group 3", "III"]),
];

export const YES_NO_LABELS: readonly Labelled<boolean>[] = [
  l(true, "Có", "Yes", ["x", "c", "y", "True", "1", "Đúng", "Rồi", "Đã xác nhận", "Confirmed"]),
  l(false, "Không", "No", ["k", "n", "False", "0", "Sai", "Chưa", "Chưa xác nhận", "Unconfirmed"]),
];

/** Marks for flag columns (ĐBKK, ATK): "x" or blank. */
export const MARK_LABELS: readonly Labelled<boolean>[] = [
  l(true, "x", "x", ["Có", "Yes", "c", "y", "True", "1", "v", "✓", "✔"]),
  l(false, "", "", ["Không", "No", "k", "n", "False", "0", "-"]),
];

/**
 * Values of pass/fail cells. Both languages use words `readCell` understands (Đạt, Không đạt, Yes,
 * No, Có, Không, x…), so every label the template offers reads back.
 */
export const PASS_LABELS: readonly Labelled<boolean>[] = [
  l(true, "Đạt", "Yes", ["Có", "x", "True", "Đạt chuẩn"]),
  l(false, "Không đạt", "No", ["Không", "Chưa đạt", "False"]),
];

export const BUDGET_KIND_LABELS: readonly Labelled<BudgetKind>[] = [
  l<BudgetKind>("plan", "Kế hoạch", "Plan", ["KH", "Dự toán", "Kế hoạch vốn", "Giao kế hoạch", "Planned"]),
  l<BudgetKind>("actual", "Thực hiện", "Actual", [
    "TH",
    "Giải ngân",
    "Đã giải ngân",
    "Thực hiện giải ngân",
    "Quyết toán",
    "Disbursed",
    "Spent",
  ]),
];

export const METRIC_LABELS: readonly Labelled<MetricKey>[] = [
  l<MetricKey>("communeNtmShare", "Tỷ lệ xã đạt chuẩn NTM", "Share of communes meeting NTM", [
    "Tỷ lệ xã NTM",
    "Xã đạt chuẩn NTM",
    "Communes NTM (%)",
  ]),
  l<MetricKey>("communeAdvancedShare", "Tỷ lệ xã NTM nâng cao", "Share of advanced NTM communes", [
    "Tỷ lệ xã đạt chuẩn NTM nâng cao",
    "Xã NTM nâng cao",
  ]),
  l<MetricKey>("communeModelShare", "Tỷ lệ xã NTM kiểu mẫu", "Share of model NTM communes", [
    "Tỷ lệ xã đạt chuẩn NTM kiểu mẫu",
    "Xã NTM kiểu mẫu",
  ]),
  l<MetricKey>("communesBelow15", "Số xã dưới 15 tiêu chí", "Communes below 15 criteria", [
    "Xã dưới 15 tiêu chí",
    "Số xã đạt dưới 15 tiêu chí",
  ]),
  l<MetricKey>("averageCriteria", "Bình quân tiêu chí/xã", "Average criteria per commune", [
    "Số tiêu chí bình quân/xã",
    "Bình quân số tiêu chí",
    "Average criteria",
  ]),
  l<MetricKey>("districtNtmShare", "Tỷ lệ huyện đạt chuẩn NTM", "Share of districts meeting NTM", [
    "Tỷ lệ huyện NTM",
    "Huyện đạt chuẩn NTM",
  ]),
  l<MetricKey>("districtAdvancedShare", "Tỷ lệ huyện NTM nâng cao", "Share of advanced NTM districts", [
    "Tỷ lệ huyện đạt chuẩn NTM nâng cao",
    "Huyện NTM nâng cao",
  ]),
  l<MetricKey>("townNtmShare", "Tỷ lệ thị xã/TP hoàn thành NV", "Share of towns/cities done", [
    "Tỷ lệ thị xã, thành phố hoàn thành nhiệm vụ",
    "Thị xã/thành phố hoàn thành nhiệm vụ",
    "Towns and cities completing the task",
  ]),
  l<MetricKey>(
    "provinceRequirementsShare",
    "Tỷ lệ yêu cầu cấp tỉnh đạt",
    "Share of province requirements met",
    ["Yêu cầu cấp tỉnh đạt", "Province requirements met"],
  ),
];

export const COMMUNE_TYPES: Record<Lang, readonly string[]> = {
  vi: ["Xã", "Phường", "Thị trấn"],
  en: ["Commune", "Ward", "Township"],
};
export const DISTRICT_TYPES: Record<Lang, readonly string[]> = {
  vi: ["Huyện", "Thị xã", "Thành phố"],
  en: ["District", "Town", "City"],
};

export const SET_LABELS: readonly Labelled<CriteriaSetId>[] = [
  l<CriteriaSetId>("2021-2025", "2021-2025", "2021-2025", [
    "2021 2025",
    "2021–2025",
    "QĐ 318",
    "318/QĐ-TTg",
    "318",
  ]),
  l<CriteriaSetId>("2026-2030", "2026-2030", "2026-2030", [
    "2026 2030",
    "2026–2030",
    "QĐ 51/2025",
    "51/2025/QĐ-TTg",
    "51/2025",
  ]),
];

export const LANG_LABELS: readonly Labelled<Lang>[] = [
  l<Lang>("vi", "vi", "vi", ["Tiếng Việt", "Việt", "VN", "Vietnamese"]),
  l<Lang>("en", "en", "en", ["English", "Tiếng Anh", "Anh"]),
];

export const NUMBER_STYLE_LABELS: readonly Labelled<NumberStyle>[] = [
  l<NumberStyle>("vi", "vi", "vi", [
    "1.234,5",
    "Việt Nam",
    "Tiếng Việt",
    "Dấu phẩy thập phân",
    "Decimal comma",
  ]),
  l<NumberStyle>("en", "en", "en", [
    "1,234.5",
    "English",
    "Tiếng Anh",
    "Dấu chấm thập phân",
    "Decimal point",
  ]),
];

/** The list values of a column validation in the given language. */
export function listValues(list: ListName, lang: Lang): string[] {
  switch (list) {
    case "yesNo":
      return listOf(YES_NO_LABELS, lang);
    case "mark":
      return ["x"];
    case "pass":
      return listOf(PASS_LABELS, lang);
    case "comparator":
      return listOf(COMPARATOR_LABELS, lang);
    case "targetComparator":
      return listOf(TARGET_COMPARATOR_LABELS, lang);
    case "kind":
      return listOf(KIND_LABELS, lang);
    case "level":
      return listOf(LEVEL_LABELS, lang);
    case "tier":
      return listOf(TIER_LABELS, lang);
    case "region":
      return listOf(REGION_LABELS, lang);
    case "group":
      return listOf(GROUP_LABELS, lang);
    case "communeType":
      return [...COMMUNE_TYPES[lang]];
    case "districtType":
      return [...DISTRICT_TYPES[lang]];
    case "budgetKind":
      return listOf(BUDGET_KIND_LABELS, lang);
    case "metric":
      return listOf(METRIC_LABELS, lang);
  }
}

/** Header of a funding-category column: "<Vietnamese name> (<CODE>)" (English name in an English template). */
export function sourceHeader(category: { code: string; nameVi: string; nameEn: string }, lang: Lang): string {
  return `${lang === "vi" ? category.nameVi : category.nameEn} (${category.code})`;
}
