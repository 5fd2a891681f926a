/**
 * The 2026-2030 national criteria, QĐ 51/2025/QĐ-TTg (29/12/2025, in force 15/02/2026): 10 criteria
 * and 47 indicators for communes, with thresholds for commune groups 1/2/3 instead of regions, and
 * conditions for provinces completing the task. There is no district level.
 *
 * Only the ten criterion names are confirmed (period-2026-2030.md §1.1). The 47 indicators
 * (Phụ lục I) and the province conditions (Phụ lục III) were not obtained, so each criterion carries
 * one placeholder indicator ("Đạt" / "Không đạt" for the whole criterion) until the official text is
 * entered in the criteria sheet. The pilot "xã NTM hiện đại" framework (Phụ lục II) is not modelled.
 */
import type { IndicatorDef } from "../domain/types";
import type { CatalogCriterion, CriteriaSet } from "./types";

/** Full text (opening only was readable). */
const FULL_TEXT =
  "https://xaydungchinhsach.chinhphu.vn/toan-van-quyet-dinh-51-2025-qd-ttg-ban-hanh-bo-tieu-chi-quoc-gia-ve-nong-thon-moi-giai-doan-2026-2030-119251230104614909.htm";
/** The ten criteria, numbered. */
const VIETNAMPLUS =
  "https://www.vietnamplus.vn/ban-hanh-bo-tieu-chi-quoc-gia-ve-nong-thon-moi-giai-doan-2026-2030-post1085735.vnp";
/** "Siết chặt các điều kiện để tỉnh, thành phố được công nhận hoàn thành nhiệm vụ". */
const BAOPHAPLUAT = "https://baophapluat.vn/chuyen-muc/xa-hoi-nong-thon-moi.html";

const QD51_I = "QĐ 51/2025/QĐ-TTg (29/12/2025), Phụ lục I";
const QD51_III = "QĐ 51/2025/QĐ-TTg (29/12/2025), Phụ lục III";

const CRITERIA_2026: ReadonlyArray<readonly [code: string, nameVi: string, nameEn: string]> = [
  ["1", "Quy hoạch", "Planning"],
  ["2", "Hạ tầng kinh tế - xã hội", "Socio-economic infrastructure"],
  ["3", "Phát triển kinh tế nông thôn", "Rural economic development"],
  ["4", "Đào tạo nguồn nhân lực nông thôn", "Rural human-resource training"],
  ["5", "Văn hóa, giáo dục, y tế", "Culture, education and health"],
  ["6", "Giảm nghèo và an sinh xã hội", "Poverty reduction and social security"],
  ["7", "Khoa học công nghệ và chuyển đổi số", "Science, technology and digital transformation"],
  ["8", "Môi trường và cảnh quan nông thôn", "Rural environment and landscape"],
  ["9", "Xây dựng hệ thống chính trị và hành chính công", "Political system and public administration"],
  ["10", "Tiếp cận pháp luật và an ninh, quốc phòng", "Access to law, security and defence"],
];

const PLACEHOLDER_NOTE =
  "Chỉ tiêu tạm (đạt/không đạt cả tiêu chí). 47 chỉ tiêu của QĐ 51/2025/QĐ-TTg và ngưỡng cho xã nhóm 1, 2, 3 chưa thu thập được: cần nhập từ văn bản chính thức (Phụ lục I) trước khi đánh giá.";

const COMMUNE_CRITERIA: CatalogCriterion[] = CRITERIA_2026.map(([code, nameVi, nameEn]) => ({
  code,
  nameVi,
  nameEn,
  level: "commune",
  tier: "ntm",
  national: true,
  source: `${QD51_I} ; ${VIETNAMPLUS} ; ${FULL_TEXT}`,
  confirmed: true,
}));

const COMMUNE_PLACEHOLDERS: IndicatorDef[] = CRITERIA_2026.map(([code, nameVi, nameEn]) => ({
  code,
  criterion: code,
  nameVi: `Đạt tiêu chí ${code} - ${nameVi}`,
  nameEn: `Criterion ${code} (${nameEn}) met`,
  unit: "",
  kind: "boolean",
  comparator: "pass",
  level: "commune",
  tier: "ntm",
  thresholds: [],
  source: `${QD51_I} (danh mục chỉ tiêu chưa đọc được) ; ${FULL_TEXT}`,
  confirmed: false,
  note: PLACEHOLDER_NOTE,
}));

const PROVINCE_CRITERION: CatalogCriterion = {
  code: "T1",
  nameVi: "Tỉnh, thành phố hoàn thành nhiệm vụ xây dựng NTM",
  nameEn: "Province completing the NTM task",
  level: "province",
  tier: "ntm",
  national: true,
  source: `${QD51_III} ; ${FULL_TEXT}`,
  confirmed: true,
};

const PROVINCE_PLACEHOLDER: IndicatorDef = {
  code: "T.1",
  criterion: "T1",
  nameVi: "Đạt các điều kiện tỉnh, thành phố hoàn thành nhiệm vụ xây dựng NTM (Phụ lục III)",
  nameEn: "Meets the conditions for a province completing the NTM task (Annex III)",
  unit: "",
  kind: "boolean",
  comparator: "pass",
  level: "province",
  tier: "ntm",
  thresholds: [],
  source: `${QD51_III} (chưa đọc được) ; ${FULL_TEXT} ; ${BAOPHAPLUAT}`,
  confirmed: false,
  note: "Chỉ tiêu tạm. Các điều kiện của Phụ lục III QĐ 51/2025/QĐ-TTg (được siết chặt so với giai đoạn trước) chưa thu thập được: cần nhập từ văn bản chính thức.",
};

export const SET_2026_2030: CriteriaSet = {
  id: "2026-2030",
  nameVi: "Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2026-2030",
  nameEn: "National New Rural Development criteria 2026-2030",
  source: `QĐ 51/2025/QĐ-TTg (29/12/2025, hiệu lực 15/02/2026) ; ${FULL_TEXT}`,
  thresholdScope: "group",
  levels: ["province", "commune"],
  criteria: [...COMMUNE_CRITERIA, PROVINCE_CRITERION],
  indicators: [...COMMUNE_PLACEHOLDERS, PROVINCE_PLACEHOLDER],
};
