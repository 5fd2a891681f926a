/**
 * Hà Tĩnh: the province the tool is piloted with. Its own criterion 20 (model residential areas and
 * gardens) and the seed targets of a new Hà Tĩnh plan.
 */
import type { RegionCode } from "../domain/types";
import type { ProvincialExtra, SeedTarget } from "./types";

/** S19: Hà Tĩnh status 6/2025 and criterion 20. */
const S19 = "https://vietnamnet.vn/ha-tinh-huong-den-nong-thon-moi-phon-vinh-hanh-phuc-2442705.html";
/** S34: how criterion 20 is appraised. */
const S34 = "https://tinthethaonews.org/tieu-chi-20-nong-thon-moi-tag133478.html";
/** S17, S18: pilot plan drafts (21/5/2020 and 9/3/2021). */
const S17 =
  "https://www.vccinews.com/prode/40113/ha-tinh-completes-pilot-project-to-reach-new-rural-standards-before-2025.html";
const S18 = "https://vccinews.com/prode/43225/ha-tinh-strives-to-boost-rural-development/index.html";

export interface ProvinceInfo {
  /** GSO province code (unchanged by the 2025 reform). */
  code: string;
  name: string;
  nameEn: string;
  /** QĐ 318 region (2021-2025 thresholds). */
  region: RegionCode;
}

export const HA_TINH: ProvinceInfo = {
  code: "42",
  name: "Hà Tĩnh",
  nameEn: "Ha Tinh",
  region: "BTB",
};

const CRITERION_20_SOURCE = `Tiêu chí riêng của tỉnh Hà Tĩnh (quyết định ban hành chưa xác định) ; ${S19} ; ${S34}`;

export const HA_TINH_EXTRA: ProvincialExtra = {
  provinceCode: HA_TINH.code,
  setId: "2021-2025",
  criteria: [
    {
      code: "20",
      nameVi: "Khu dân cư mẫu, vườn mẫu",
      nameEn: "Model residential areas and model gardens",
      level: "commune",
      tier: "ntm",
      national: false,
      source: CRITERION_20_SOURCE,
      confirmed: true,
    },
  ],
  indicators: [
    {
      code: "20",
      criterion: "20",
      nameVi: "Tiêu chí 20 - Khu dân cư mẫu, vườn mẫu (Hà Tĩnh bổ sung; thẩm định cùng lấy ý kiến hài lòng)",
      nameEn: "Hà Tĩnh-only 20th criterion: model residential areas and gardens",
      unit: "",
      kind: "boolean",
      comparator: "pass",
      level: "commune",
      tier: "ntm",
      thresholds: [],
      source: CRITERION_20_SOURCE,
      confirmed: false,
      note: "Đã xác nhận tiêu chí tồn tại (S19, S34): Văn phòng Điều phối NTM tỉnh và Ủy ban MTTQ tỉnh thẩm định cùng khảo sát sự hài lòng. Nội dung và mức đạt chuẩn (bộ tiêu chí khu dân cư kiểu mẫu, vườn mẫu của tỉnh) chưa xác nhận.",
    },
  ],
};

const TARGET_SOURCE = `Hà Tĩnh targets given in the NTM Planner brief (compare the pilot plan drafts S17 ${S17} , S18 ${S18})`;

/**
 * Seed targets for a new Hà Tĩnh plan, as given by the product brief. Values are shares (fractions).
 * The pilot drafts put the dates a year or more later (S17: 100% of communes by end-2023 and every
 * district by end-2024; S18: 100% of communes "from 2023"), so the planner should check them.
 */
export const HA_TINH_TARGETS: SeedTarget[] = [
  {
    metric: "communeNtmShare",
    year: 2022,
    value: 1,
    comparator: ">=",
    noteVi: "100% số xã đạt chuẩn NTM năm 2022",
    noteEn: "100% of communes meet the NTM standard in 2022",
    source: TARGET_SOURCE,
    confirmed: true,
  },
  {
    metric: "districtNtmShare",
    year: 2023,
    value: 1,
    comparator: ">=",
    noteVi: "Cơ bản 100% huyện đạt chuẩn NTM năm 2023",
    noteEn: "Essentially 100% of districts meet the NTM standard in 2023",
    source: TARGET_SOURCE,
    confirmed: true,
  },
  {
    metric: "provinceRequirementsShare",
    year: 2023,
    value: 0.8,
    comparator: ">=",
    noteVi: "Đạt 80% yêu cầu tỉnh NTM ở các cấp năm 2023",
    noteEn: "80% of the NTM province requirements met at every level in 2023",
    source: TARGET_SOURCE,
    confirmed: true,
  },
];
