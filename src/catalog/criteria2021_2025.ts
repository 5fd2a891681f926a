/**
 * The 2021-2025 national criteria (thresholds keyed by QĐ 318 region):
 * - commune NTM (QĐ 318 Phụ lục I): 19 criteria and their indicators;
 * - recognition conditions (QĐ 18/2022/QĐ-TTg) that every commune status needs;
 * - the part of the advanced commune set (QĐ 318 Phụ lục II) that is known;
 * - model commune (QĐ 319), district (QĐ 320 Phụ lục I) and province (QĐ 321) requirements.
 *
 * Facts come from /work/shared/reference (criteria-2021-2025.md, criteria-commune-2021-2025.tsv);
 * S-numbers below are that file's source IDs. No threshold of QĐ 318 is confirmed there, so the
 * commune rows carry none: the planner enters the province's thresholds in the criteria sheet.
 * Provincial values seen in sources (Quảng Bình, Bình Phước, Vĩnh Long) are quoted in `note` as
 * PROXY and never used as thresholds. QĐ 211/QĐ-TTg (01/3/2024) amended QĐ 318 and QĐ 320; which
 * indicators it changed is not in the reference.
 */
import type { IndicatorDef, ThresholdRule, ValueKind } from "../domain/types";
import type { CatalogCriterion, CriteriaSet } from "./types";

// ---------- Sources ----------

/** S1: QĐ 318 summary (19 criteria, 5 groups, 7 regions, ĐBKK rule, in force 08/3/2022). */
const S1 =
  "http://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/39774/ban-hanh-bo-tieu-chi-xa-nong-thon-moi-giai-doan-2021-2025";
/** S2: QĐ 318 grouping and the advanced traffic indicator. */
const S2 =
  "https://baogialai.com.vn/channel/12381/202204/ban-hanh-cac-bo-tieu-chi-quoc-gia-ve-nong-thon-moi-giai-doan-2021-2025-5771871/";
/** S3: Quảng Bình's provincial commune set (PROXY values). */
const S3 =
  "https://nongthon.vn/nongnghiep360/quang-binh-ban-hanh-bo-tieu-chi-xa-nong-thon-moi-giai-doan-2021-2025.html";
/** S4: Bình Phước QĐ 1360/QĐ-UBND (PROXY values, income keyed by year). */
const S4 =
  "https://sldtbxh.binhphuoc.gov.vn/en/news/news/the-criteria-for-new-rural-communes-in-binh-phuoc-province-shall-range-from-2021-2025-207.html";
/** S5: Vĩnh Long housing (PROXY values). */
const S5 = "https://baovinhlong.com.vn/xa-hoi/202506/tren-97-can-nha-kien-co-va-ban-kien-co-7d004cf";
/** S6: QĐ 319 model commune. */
const S6 =
  "https://baoquangnam.vn/thoi-su-nong-thon-moi/quy-dinh-xa-nong-thon-moi-kieu-mau-giai-doan-2021-2025-124590.html";
/** S7: QĐ 320 Phụ lục I preconditions for districts. */
const S7 =
  "http://118.69.201.250:801/phap-luat/ho-tro-phap-luat/tieu-chi-ve-huyen-nong-thon-moi-quy-dinh-thi-xa-thanh-pho-truc-thuoc-cap-tinh-hoan-thanh-nhiem-vu-x-1493.html";
/** S8, S9: QĐ 321 province conditions. */
const S8 =
  "http://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/39797/quy-dinh-tinh-hoan-thanh-xay-dung-nong-thon-moi-giai-doan-2021-2025";
const S9 =
  "https://m.thuvienphapluat.vn/van-ban/Xay-dung-Do-thi/Quyet-dinh-321-QD-TTg-2022-tinh-hoan-thanh-nhiem-vu-xay-dung-nong-thon-moi-2021-2025-505884.aspx";
/** S11: QĐ 18/2022/QĐ-TTg recognition conditions. */
const S11 =
  "https://langngheviet.com.vn/nong-thon-moi/nhung-dieu-kien-de-cong-nhan-dia-phuong-dat-chuan-nong-thon-moi-giai-doan-2021-2025.html33991";
/** S16: NĐ 07/2021 multidimensional poverty standard. */
const S16 = "https://laodongthudo.vn/quy-dinh-chuan-ngheo-da-chieu-giai-doan-2021-2025-119787.html";

const QD318_I = "QĐ 318/QĐ-TTg (08/3/2022), Phụ lục I";
const QD318_II = "QĐ 318/QĐ-TTg (08/3/2022), Phụ lục II";
const QD18 = "QĐ 18/2022/QĐ-TTg, Điều 4";
const QD319 = "QĐ 319/QĐ-TTg (08/3/2022)";
const QD320 = "QĐ 320/QĐ-TTg (08/3/2022), Phụ lục I";
const QD321 = "QĐ 321/QĐ-TTg (08/3/2022)";

function cite(decision: string, urls: readonly string[], unread?: string): string {
  if (urls.length === 0) return `${decision} (${unread ?? "phụ lục chưa đọc được"})`;
  return [decision, ...urls].join(" ; ");
}

// ---------- Notes ----------

const WORDING_UNVERIFIED =
  "Nội dung chỉ tiêu chưa đối chiếu với phụ lục chính thức của QĐ 318 (khung tham khảo).";
const ENTER_THRESHOLD = "Chưa có ngưỡng quốc gia đã xác nhận: nhập ngưỡng theo quyết định của tỉnh.";
const PROXY_IS_NOT_NATIONAL = "Giá trị PROXY là mức của tỉnh khác, không phải mức quốc gia.";

// ---------- Commune NTM (QĐ 318 Phụ lục I) ----------

const COMMUNE_CRITERIA: ReadonlyArray<readonly [code: string, nameVi: string, nameEn: string]> = [
  ["1", "Quy hoạch", "Planning"],
  ["2", "Giao thông", "Transport"],
  ["3", "Thủy lợi và phòng, chống thiên tai", "Irrigation and disaster prevention"],
  ["4", "Điện", "Electricity"],
  ["5", "Trường học", "Schools"],
  ["6", "Cơ sở vật chất văn hóa", "Cultural facilities"],
  ["7", "Cơ sở hạ tầng thương mại nông thôn", "Rural commercial infrastructure"],
  ["8", "Thông tin và Truyền thông", "Information and communications"],
  ["9", "Nhà ở dân cư", "Residential housing"],
  ["10", "Thu nhập", "Income"],
  ["11", "Nghèo đa chiều", "Multidimensional poverty"],
  ["12", "Lao động", "Labour"],
  [
    "13",
    "Tổ chức sản xuất và phát triển kinh tế nông thôn",
    "Production organisation and rural economic development",
  ],
  ["14", "Giáo dục và Đào tạo", "Education and training"],
  ["15", "Y tế", "Health"],
  ["16", "Văn hóa", "Culture"],
  ["17", "Môi trường và an toàn thực phẩm", "Environment and food safety"],
  ["18", "Hệ thống chính trị và tiếp cận pháp luật", "Political system and access to law"],
  ["19", "Quốc phòng và An ninh", "National defence and security"],
];

interface CommuneRow {
  code: string;
  vi: string;
  en: string;
  cmp: "pass" | ">=" | "<=";
  /** Defaults: "%" for a comparison, "" for pass. */
  unit?: string;
  /** Defaults: "percent" for "%", "number" for another unit, "boolean" for pass. */
  kind?: ValueKind;
  /** URLs read for this row; none = the annex itself was not read. */
  urls?: readonly string[];
  /** Wording status and PROXY values, in Vietnamese. */
  note: string;
  year?: number;
}

function communeIndicator(row: CommuneRow): IndicatorDef {
  const unit = row.unit ?? (row.cmp === "pass" ? "" : "%");
  const kind: ValueKind = row.kind ?? (row.cmp === "pass" ? "boolean" : unit === "%" ? "percent" : "number");
  const note = row.cmp === "pass" ? row.note : `${row.note} ${ENTER_THRESHOLD}`;
  return {
    code: row.code,
    criterion: row.code.split(".")[0],
    nameVi: row.vi,
    nameEn: row.en,
    unit,
    kind,
    comparator: row.cmp,
    level: "commune",
    tier: "ntm",
    ...(row.year !== undefined ? { year: row.year } : {}),
    thresholds: [],
    source: cite(QD318_I, row.urls ?? []),
    confirmed: false,
    note,
  };
}

const COMMUNE_ROWS: CommuneRow[] = [
  {
    code: "1.1",
    vi: "Có quy hoạch chung xây dựng xã được phê duyệt (phù hợp định hướng phát triển KT-XH của xã giai đoạn 2021-2025) và được công bố công khai đúng thời hạn",
    en: "Approved and publicly announced commune master plan",
    cmp: "pass",
    urls: [S3],
    note: "Nội dung đã xác nhận qua S3; mã 1.1 chưa xác nhận. PROXY Quảng Bình (BTB): Đạt.",
  },
  {
    code: "1.2",
    vi: "Ban hành quy định quản lý quy hoạch chung xây dựng xã và tổ chức thực hiện theo quy hoạch",
    en: "Plan-management regulation issued and applied",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "2.1",
    vi: "Tỷ lệ đường xã được nhựa hóa hoặc bê tông hóa, đảm bảo ô tô đi lại thuận tiện quanh năm",
    en: "% commune roads asphalted/concreted, car-passable all year",
    cmp: ">=",
    urls: [S3, S4],
    note: `Nội dung đã xác nhận (S3, S4). PROXY Quảng Bình (BTB): 100%; PROXY Bình Phước (ĐNB): 100%. ${PROXY_IS_NOT_NATIONAL}`,
  },
  {
    code: "2.2",
    vi: "Tỷ lệ đường thôn, bản và đường liên thôn, bản ít nhất được cứng hóa, đảm bảo ô tô đi lại thuận tiện quanh năm",
    en: "% village and inter-village roads at least hardened",
    cmp: ">=",
    urls: [S4],
    note: `Nội dung xác nhận qua bản tiếng Anh (S4). PROXY Bình Phước (ĐNB), bản tiếng Anh: ">=80% ... for communes with special difficulties" (không rõ nghĩa). ${PROXY_IS_NOT_NATIONAL}`,
  },
  {
    code: "2.3",
    vi: "Tỷ lệ đường ngõ, xóm sạch và đảm bảo đi lại thuận tiện quanh năm",
    en: "% alleys clean and passable all year",
    cmp: ">=",
    urls: [S4],
    note: `Nội dung xác nhận qua bản tiếng Anh (S4). PROXY Bình Phước (ĐNB): ">=50% ... ĐBKK" (không rõ nghĩa). ${PROXY_IS_NOT_NATIONAL}`,
  },
  {
    code: "2.4",
    vi: "Tỷ lệ đường trục chính nội đồng đảm bảo vận chuyển hàng hóa thuận tiện quanh năm",
    en: "% main field roads usable for goods transport",
    cmp: ">=",
    urls: [S4],
    note: `Nội dung xác nhận qua bản tiếng Anh (S4). PROXY Bình Phước (ĐNB): ">=70% ... ĐBKK" (không rõ nghĩa). ${PROXY_IS_NOT_NATIONAL}`,
  },
  {
    code: "3.1",
    vi: "Tỷ lệ diện tích đất sản xuất nông nghiệp được tưới và tiêu nước chủ động",
    en: "% farmland with active irrigation and drainage",
    cmp: ">=",
    urls: [S3],
    note: `Nội dung đã xác nhận (S3). PROXY Quảng Bình (BTB): >=80% ("đạt từ 80% trở lên"). ${PROXY_IS_NOT_NATIONAL}`,
  },
  {
    code: "3.2",
    vi: "Đảm bảo yêu cầu chủ động về phòng, chống thiên tai theo phương châm 4 tại chỗ",
    en: 'Disaster preparedness ("4 on-the-spot")',
    cmp: "pass",
    urls: [S3],
    note: "Nội dung đã xác nhận (S3). PROXY Quảng Bình: Đạt.",
  },
  {
    code: "4.1",
    vi: "Hệ thống điện đạt chuẩn",
    en: "Power system meets standard",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "4.2",
    vi: "Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện thường xuyên, an toàn từ các nguồn",
    en: "% households with direct, regular, safe electricity",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "5",
    vi: "Tỷ lệ trường học các cấp (mầm non, tiểu học, THCS hoặc trường phổ thông nhiều cấp có cấp cao nhất là THCS) có cơ sở vật chất và thiết bị dạy học đạt tiêu chuẩn theo quy định",
    en: "% schools with standard facilities and equipment",
    cmp: ">=",
    urls: [S3],
    note: `Nội dung xác nhận một phần (S3). PROXY Quảng Bình (BTB): 100% (có thể cao hơn mức quốc gia). ${PROXY_IS_NOT_NATIONAL}`,
  },
  {
    code: "6.1",
    vi: "Xã có nhà văn hóa (Trung tâm VH-TT) hoặc hội trường đa năng và sân thể thao phục vụ sinh hoạt văn hóa, thể thao của toàn xã",
    en: "Commune cultural house/hall and sports ground",
    cmp: "pass",
    urls: [S3],
    note: "Nội dung đã xác nhận (S3). PROXY Quảng Bình: Đạt.",
  },
  {
    code: "6.2",
    vi: "Xã có điểm vui chơi, giải trí và thể thao cho trẻ em và người cao tuổi theo quy định",
    en: "Recreation spot for children and elderly",
    cmp: "pass",
    urls: [S3],
    note: "Nội dung đã xác nhận (S3). PROXY Quảng Bình: Đạt.",
  },
  {
    code: "6.3",
    vi: "Tỷ lệ thôn, bản có nhà văn hóa hoặc nơi sinh hoạt văn hóa, thể thao phục vụ cộng đồng",
    en: "% villages with cultural/sports venue",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "7",
    vi: "Xã có chợ nông thôn hoặc nơi mua bán, trao đổi hàng hóa",
    en: "Rural market or retail point",
    cmp: "pass",
    urls: [S3],
    note: 'Nội dung đã xác nhận (S3). Quảng Bình ghi thêm "hoặc cơ sở bán lẻ khác đạt chuẩn". PROXY Quảng Bình: Đạt.',
  },
  {
    code: "8.1",
    vi: "Xã có điểm phục vụ bưu chính",
    en: "Postal service point",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "8.2",
    vi: "Xã có dịch vụ viễn thông, internet",
    en: "Telecom/internet service",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "8.3",
    vi: "Xã có đài truyền thanh và hệ thống loa đến các thôn",
    en: "Commune radio with loudspeakers to villages",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "8.4",
    vi: "Xã có ứng dụng công nghệ thông tin trong công tác quản lý, điều hành",
    en: "IT in commune administration",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  // 9.1 is built separately below: it is the one row with a structural threshold.
  {
    code: "9.2",
    vi: "Tỷ lệ hộ có nhà ở kiên cố hoặc bán kiên cố",
    en: "% households in solid/semi-solid houses",
    cmp: ">=",
    urls: [S3, S5],
    note: `Nội dung đã xác nhận (S3, S5). PROXY Quảng Bình (BTB): >85% ("trên 85%"); PROXY Vĩnh Long (ĐBSCL): >=85%. ${PROXY_IS_NOT_NATIONAL}`,
  },
  // Income (criterion 10): one row per year, all on data column "10"; thresholds differ by region and year.
  {
    code: "10",
    year: 2022,
    vi: "Thu nhập bình quân đầu người khu vực nông thôn năm 2022",
    en: "Rural per-capita income, 2022",
    cmp: ">=",
    unit: "triệu đồng/người/năm",
    urls: [S4],
    note: `Ngưỡng theo vùng và theo năm (S4 xác nhận cách tính theo năm). PROXY Bình Phước QĐ 1360/QĐ-UBND: xã ĐBKK >=39 (xã ĐBKK dùng mức TDMNPB, nên mức TDMNPB 2022 có thể là 39: SUY LUẬN, chưa xác nhận); các xã khác của Bình Phước (ĐNB) >=59. ${PROXY_IS_NOT_NATIONAL}`,
  },
  ...[2023, 2024, 2025].map((year): CommuneRow => ({
    code: "10",
    year,
    vi: `Thu nhập bình quân đầu người khu vực nông thôn năm ${year}`,
    en: `Rural per-capita income, ${year}`,
    cmp: ">=",
    unit: "triệu đồng/người/năm",
    note: `Ngưỡng theo vùng và theo năm. ${WORDING_UNVERIFIED}`,
  })),
  {
    code: "11",
    vi: "Tỷ lệ nghèo đa chiều giai đoạn 2021-2025",
    en: "Multidimensional poverty rate",
    cmp: "<=",
    urls: [S1, S16],
    note: "Tên tiêu chí và chuẩn nghèo đã xác nhận (S1, S16): chuẩn nghèo NĐ 07/2021, hộ nghèo nông thôn có thu nhập <=1,5 triệu đồng/người/tháng và thiếu hụt >=3 chỉ số dịch vụ xã hội cơ bản.",
  },
  {
    code: "12",
    vi: "Tỷ lệ người có việc làm trên dân số trong độ tuổi lao động có khả năng tham gia lao động",
    en: "Employment rate among working-age population able to work",
    cmp: ">=",
    note: `${WORDING_UNVERIFIED} Có thể được chia thành các chỉ tiêu 12.x.`,
  },
  {
    code: "13.1",
    vi: "Xã có hợp tác xã hoạt động hiệu quả và theo đúng quy định của Luật Hợp tác xã",
    en: "Effective cooperative",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "13.2",
    vi: "Xã có mô hình liên kết sản xuất gắn với tiêu thụ nông sản chủ lực đảm bảo bền vững",
    en: "Production–consumption linkage for key product",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "13.3",
    vi: "Thực hiện truy xuất nguồn gốc các sản phẩm chủ lực của xã gắn với xây dựng vùng nguyên liệu và được chứng nhận VietGAP hoặc tương đương",
    en: "Traceability / VietGAP for key products",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "13.4",
    vi: "Có kế hoạch và triển khai kế hoạch bảo tồn, phát huy nghề truyền thống (nếu có)",
    en: "Craft preservation plan (if any)",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "13.5",
    vi: "Có tổ khuyến nông cộng đồng hoạt động hiệu quả",
    en: "Effective community extension team",
    cmp: "pass",
    note: `${WORDING_UNVERIFIED} Chỉ tiêu OCOP có thể nằm ở tiêu chí này hoặc chỉ ở bộ xã NTM nâng cao.`,
  },
  {
    code: "14.1",
    vi: "Phổ cập giáo dục mầm non cho trẻ 5 tuổi; xóa mù chữ; phổ cập giáo dục tiểu học; phổ cập giáo dục THCS",
    en: "Universal preschool/primary/lower-secondary, literacy",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "14.2",
    vi: "Tỷ lệ học sinh tốt nghiệp THCS được tiếp tục học trung học (phổ thông, giáo dục thường xuyên, trung cấp)",
    en: "% lower-secondary graduates continuing",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "14.3",
    vi: "Tỷ lệ lao động có việc làm qua đào tạo",
    en: "% employed workers with training",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "15.1",
    vi: "Tỷ lệ người dân tham gia bảo hiểm y tế",
    en: "Health-insurance coverage",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "15.2",
    vi: "Xã đạt tiêu chí quốc gia về y tế",
    en: "National commune-health standard met",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "15.3",
    vi: "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi (chiều cao theo tuổi)",
    en: "Under-5 stunting rate",
    cmp: "<=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "15.4",
    vi: "Tỷ lệ dân số có sổ khám chữa bệnh điện tử",
    en: "% population with electronic health record",
    cmp: ">=",
    note: `${WORDING_UNVERIFIED} Có thể chỉ thuộc bộ xã NTM nâng cao.`,
  },
  {
    code: "16",
    vi: "Tỷ lệ thôn, bản, ấp đạt chuẩn văn hóa theo quy định",
    en: '% villages recognised as "cultural"',
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "17.1",
    vi: "Tỷ lệ hộ được sử dụng nước sạch / hợp vệ sinh theo quy chuẩn",
    en: "% households using clean/hygienic water",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "17.2",
    vi: "Tỷ lệ cơ sở sản xuất, kinh doanh, nuôi trồng thủy sản, làng nghề đảm bảo quy định về bảo vệ môi trường",
    en: "% businesses/aquaculture/craft villages compliant",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "17.3",
    vi: "Xây dựng cảnh quan, môi trường xanh - sạch - đẹp, an toàn; không để xảy ra tồn đọng nước thải sinh hoạt tại các khu dân cư tập trung",
    en: "Green–clean–safe landscape; no standing wastewater",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "17.4",
    vi: "Đất cây xanh sử dụng công cộng tại điểm dân cư nông thôn",
    en: "Public green land per capita",
    cmp: ">=",
    unit: "m²/người",
    note: `${WORDING_UNVERIFIED} QĐ 321 dùng >=4 m²/người ở cấp tỉnh (cấp khác, không áp dụng cho xã).`,
  },
  {
    code: "17.5",
    vi: "Mai táng, hỏa táng phù hợp với quy định và theo quy hoạch",
    en: "Burial/cremation per regulation and plan",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "17.6",
    vi: "Chất thải rắn trên địa bàn và nước thải khu dân cư tập trung, cơ sở sản xuất - kinh doanh được thu gom, xử lý theo quy định",
    en: "Solid waste and wastewater collected/treated",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "17.7",
    vi: "Tỷ lệ bao gói thuốc bảo vệ thực vật sau sử dụng và chất thải rắn y tế được thu gom, xử lý đáp ứng yêu cầu về bảo vệ môi trường",
    en: "% pesticide packaging and medical waste handled",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "17.8",
    vi: "Tỷ lệ hộ có nhà tiêu, nhà tắm, thiết bị chứa nước sinh hoạt hợp vệ sinh và đảm bảo 3 sạch",
    en: "% households with hygienic toilet, bath and water storage",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "17.9",
    vi: "Tỷ lệ cơ sở chăn nuôi đảm bảo các quy định về vệ sinh thú y, chăn nuôi và bảo vệ môi trường",
    en: "% livestock farms compliant",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "17.10",
    vi: "Tỷ lệ hộ gia đình và cơ sở sản xuất, kinh doanh thực phẩm tuân thủ các quy định về đảm bảo an toàn thực phẩm",
    en: "% food producers complying with food safety",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "17.11",
    vi: "Tỷ lệ hộ gia đình thực hiện phân loại chất thải rắn tại nguồn",
    en: "% households sorting waste at source",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "17.12",
    vi: "Tỷ lệ chất thải nhựa phát sinh trên địa bàn được thu gom, tái sử dụng, tái chế, xử lý theo quy định",
    en: "% plastic waste handled",
    cmp: ">=",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "18.1",
    vi: "Cán bộ, công chức xã đạt chuẩn",
    en: "Commune officials meet standards",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "18.2",
    vi: "Đảng bộ, chính quyền xã được xếp loại chất lượng hoàn thành tốt nhiệm vụ trở lên",
    en: 'Party cell and government rated "good" or better',
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "18.3",
    vi: "Tổ chức chính trị - xã hội của xã được xếp loại chất lượng hoàn thành tốt nhiệm vụ trở lên",
    en: 'Mass organisations rated "good" or better',
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "18.4",
    vi: "Tổ chức xây dựng xã đạt chuẩn tiếp cận pháp luật theo quy định",
    en: "Legal-access standard",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "18.5",
    vi: "Đảm bảo bình đẳng giới và phòng chống bạo lực gia đình; phòng chống bạo lực trên cơ sở giới; phòng chống xâm hại trẻ em; bảo vệ, hỗ trợ người dễ bị tổn thương",
    en: "Gender equality and protection against violence",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "18.6",
    vi: "Có kế hoạch và triển khai kế hoạch bồi dưỡng kiến thức về xây dựng NTM cho người dân, nâng cao năng lực cộng đồng gắn với hoạt động của Ban phát triển thôn",
    en: "NTM capacity building for residents",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "19.1",
    vi: 'Xây dựng lực lượng dân quân "vững mạnh, rộng khắp" và hoàn thành các chỉ tiêu quốc phòng',
    en: "Militia and defence targets",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
  {
    code: "19.2",
    vi: "Xã đạt chuẩn an toàn về an ninh, trật tự xã hội và đảm bảo bình yên",
    en: "Commune security/order standard",
    cmp: "pass",
    note: WORDING_UNVERIFIED,
  },
];

/**
 * 9.1 "Nhà tạm, dột nát": the value is whether the commune still has temporary or dilapidated houses,
 * and the requirement is "không" (none). `false` is therefore the structure of the indicator, not a
 * number taken from a province; it stays unconfirmed until read in the annex.
 */
const HOUSING_9_1: IndicatorDef = {
  code: "9.1",
  criterion: "9",
  nameVi: "Nhà tạm, dột nát",
  nameEn: "Temporary/dilapidated houses",
  unit: "",
  kind: "boolean",
  comparator: "=",
  level: "commune",
  tier: "ntm",
  thresholds: [{ value: false, confirmed: false }],
  source: cite(QD318_I, [S3, S5]),
  confirmed: false,
  note: 'Yêu cầu là "Không" (không còn nhà tạm, dột nát): nhập Có/Không; mức "không" là cấu trúc của chỉ tiêu, chưa đọc trong phụ lục QĐ 318. PROXY Quảng Bình (BTB): "không còn"; PROXY Vĩnh Long (ĐBSCL): "không".',
};

/** Position of 9.1 in the table: after the last row of criterion 8. */
function withHousing(rows: IndicatorDef[]): IndicatorDef[] {
  const at = rows.findIndex((r) => r.code === "9.2");
  return [...rows.slice(0, at), HOUSING_9_1, ...rows.slice(at)];
}

const COMMUNE_NTM_INDICATORS: IndicatorDef[] = withHousing(COMMUNE_ROWS.map(communeIndicator));

// ---------- Recognition conditions (QĐ 18/2022/QĐ-TTg) ----------
// Condition 1 ("fully meets the applicable set": 318 Phụ lục I, Phụ lục II or QĐ 319) is the status rule
// itself, so it has no row. Conditions 2-4 apply to every commune status.

const CONDITION_INDICATORS: IndicatorDef[] = [
  {
    code: "DK.2",
    criterion: "DK",
    nameVi: "Không có nợ đọng xây dựng cơ bản thuộc CTMTQG xây dựng NTM",
    nameEn: "No outstanding capital-construction debt under the NTM programme",
    unit: "",
    kind: "boolean",
    comparator: "pass",
    level: "commune",
    tier: "condition",
    thresholds: [],
    source: cite(QD18, [S11]),
    confirmed: true,
  },
  {
    code: "DK.3",
    criterion: "DK",
    nameVi: "Tỷ lệ hài lòng của người dân đối với kết quả xây dựng NTM của xã",
    nameEn: "Resident satisfaction with the commune's NTM results",
    unit: "%",
    kind: "percent",
    comparator: ">=",
    level: "commune",
    tier: "condition",
    thresholds: [],
    source: cite(QD18, [S11, S7]),
    confirmed: false,
    note: 'QĐ 18 yêu cầu tỷ lệ hài lòng "đáp ứng yêu cầu theo quy định"; mức % cấp xã chưa xác nhận. Mức của huyện (QĐ 320, S7) là >=90% toàn huyện và >=80% ở từng xã với từng nội dung: không phải mức cấp xã.',
  },
  {
    code: "DK.4",
    criterion: "DK",
    nameVi: "Xã không phức tạp về an ninh, trật tự theo quy định của Bộ Công an",
    nameEn: "Commune not a security/order hotspot",
    unit: "",
    kind: "boolean",
    comparator: "pass",
    level: "commune",
    tier: "condition",
    thresholds: [],
    source: cite(QD18, [S11]),
    confirmed: true,
  },
];

// ---------- Advanced commune (QĐ 318 Phụ lục II) ----------
// The full Phụ lục II is not in the reference: only the advanced traffic indicator (S2) and the fact
// that the advanced set has its own income level (used by QĐ 319) are known. The planner adds the
// other advanced indicators in the criteria sheet.

const ADVANCED_INDICATORS: IndicatorDef[] = [
  {
    code: "NC.2",
    criterion: "2",
    nameVi:
      "Tỷ lệ đường xã được bảo trì hàng năm, đảm bảo sáng - xanh - sạch - đẹp và có các hạng mục cần thiết",
    nameEn: "% commune roads maintained annually, lit, green, clean and with the necessary items",
    unit: "%",
    kind: "percent",
    comparator: ">=",
    level: "commune",
    tier: "advanced",
    thresholds: [],
    source: cite(QD318_II, [S2]),
    confirmed: false,
    note: `Nội dung đã xác nhận (S2); ngưỡng chưa xác nhận. ${ENTER_THRESHOLD}`,
  },
  ...[2022, 2023, 2024, 2025].map((year): IndicatorDef => ({
    code: "NC.10",
    criterion: "10",
    nameVi: `Thu nhập bình quân đầu người khu vực nông thôn năm ${year} (xã NTM nâng cao)`,
    nameEn: `Rural per-capita income, ${year} (advanced commune)`,
    unit: "triệu đồng/người/năm",
    kind: "number",
    comparator: ">=",
    level: "commune",
    tier: "advanced",
    year,
    thresholds: [],
    dataCode: "10",
    source: cite(QD318_II, [S1, S6]),
    confirmed: false,
    note: `Mức thu nhập xã NTM nâng cao theo vùng và năm chưa xác nhận (QĐ 319 dùng mức này làm gốc cho xã kiểu mẫu). ${ENTER_THRESHOLD}`,
  })),
];

// ---------- Model commune (QĐ 319) ----------
// K1 (the commune is advanced under the 2021-2025 set) is the status rule itself, so it has no row.

const MODEL_INDICATORS: IndicatorDef[] = [
  {
    code: "KM.2",
    criterion: "KM",
    nameVi:
      "Thu nhập bình quân đầu người tại thời điểm xét công nhận cao hơn ít nhất 10% so với mức thu nhập của xã NTM nâng cao",
    nameEn: "Per-capita income at least 10% above the advanced-commune income level",
    unit: "triệu đồng/người/năm",
    kind: "number",
    comparator: ">=",
    level: "commune",
    tier: "model",
    thresholds: [],
    derived: { factor: 1.1, from: "NC.10" },
    dataCode: "10",
    source: cite(QD319, [S6]),
    confirmed: true,
    note: "Ngưỡng = 110% mức thu nhập xã NTM nâng cao (NC.10) cùng vùng, cùng năm.",
  },
  {
    code: "KM.3",
    criterion: "KM",
    nameVi: "Số thôn thông minh",
    nameEn: "Number of smart villages",
    unit: "thôn",
    kind: "number",
    comparator: ">=",
    level: "commune",
    tier: "model",
    thresholds: [{ value: 1, confirmed: true }],
    source: cite(QD319, [S6]),
    confirmed: true,
    note: "Tiêu chí thôn thông minh do UBND tỉnh quy định.",
  },
  {
    code: "KM.4",
    criterion: "KM",
    nameVi: "Số lĩnh vực nổi trội đạt chuẩn kiểu mẫu",
    nameEn: "Number of outstanding fields meeting the model standard",
    unit: "lĩnh vực",
    kind: "number",
    comparator: ">=",
    level: "commune",
    tier: "model",
    thresholds: [{ value: 1, confirmed: true }],
    source: cite(QD319, [S6]),
    confirmed: true,
    note: "Lĩnh vực nổi trội (sản xuất, giáo dục, văn hóa…) và tiêu chí của từng lĩnh vực do UBND tỉnh quy định.",
  },
];

// ---------- District (QĐ 320 Phụ lục I) ----------
// "@" data codes are computed metrics; shares are fractions (0..1) while percent thresholds are in
// percentage points, so the engine scales a share by 100 before comparing.

function confirmedValue(value: number): ThresholdRule[] {
  return [{ value, confirmed: true }];
}

const DISTRICT_INDICATORS: IndicatorDef[] = [
  {
    code: "H.1",
    criterion: "H1",
    nameVi: "Tỷ lệ xã trên địa bàn đạt chuẩn NTM",
    nameEn: "Share of communes meeting the NTM standard",
    unit: "%",
    kind: "percent",
    comparator: ">=",
    level: "district",
    tier: "ntm",
    thresholds: confirmedValue(100),
    dataCode: "@communeNtmShare",
    source: cite(QD320, [S7]),
    confirmed: true,
  },
  {
    code: "H.2",
    criterion: "H2",
    nameVi: "Tỷ lệ xã đạt chuẩn NTM nâng cao",
    nameEn: "Share of communes meeting the advanced NTM standard",
    unit: "%",
    kind: "percent",
    comparator: ">=",
    level: "district",
    tier: "ntm",
    thresholds: confirmedValue(10),
    dataCode: "@communeAdvancedShare",
    source: cite(QD320, [S7]),
    confirmed: true,
  },
  {
    code: "H.3",
    criterion: "H3",
    nameVi: "Tỷ lệ thị trấn đạt chuẩn đô thị văn minh",
    nameEn: 'Share of townships recognised as "civilised urban areas"',
    unit: "%",
    kind: "percent",
    comparator: ">=",
    level: "district",
    tier: "ntm",
    thresholds: confirmedValue(100),
    source: cite(QD320, [S7]),
    confirmed: true,
  },
  {
    code: "H.4",
    criterion: "H4",
    nameVi: "Tỷ lệ hài lòng của người dân trên địa bàn với kết quả xây dựng NTM của huyện",
    nameEn: "Resident satisfaction with the district's NTM results",
    unit: "%",
    kind: "percent",
    comparator: ">=",
    level: "district",
    tier: "ntm",
    thresholds: confirmedValue(90),
    source: cite(QD320, [S7]),
    confirmed: true,
    note: "Đồng thời tỷ lệ hài lòng ở từng xã với từng nội dung phải >=80% (QĐ 320, S7).",
  },
  {
    code: "H.5",
    criterion: "H5",
    nameVi: "Đạt các tiêu chí huyện NTM (9 tiêu chí, QĐ 320)",
    nameEn: "Meets the district NTM criteria (9 criteria, Decision 320)",
    unit: "",
    kind: "boolean",
    comparator: "pass",
    level: "district",
    tier: "ntm",
    thresholds: [],
    source: cite(QD320, [S7]),
    confirmed: false,
    note: "Đã xác nhận có bảng 9 tiêu chí huyện (S7) nhưng nội dung chưa xác nhận (dự kiến: Quy hoạch; Giao thông; Thủy lợi và phòng, chống thiên tai; Điện; Y tế - Văn hóa - Giáo dục; Kinh tế; Môi trường; Chất lượng môi trường sống; Hệ thống chính trị - An ninh trật tự - Hành chính công). QĐ 211/2024 đã sửa bộ tiêu chí huyện.",
  },
];

// ---------- Province (QĐ 321) ----------

const PROVINCE_INDICATORS: IndicatorDef[] = [
  {
    code: "T.1",
    criterion: "T1",
    nameVi: "Tỷ lệ huyện đạt chuẩn NTM giai đoạn 2021-2025",
    nameEn: "Share of districts meeting the 2021-2025 NTM standard",
    unit: "%",
    kind: "percent",
    comparator: ">=",
    level: "province",
    tier: "ntm",
    thresholds: confirmedValue(100),
    dataCode: "@districtNtmShare",
    source: cite(QD321, [S8, S9]),
    confirmed: true,
    note: "Huyện đạt chuẩn giai đoạn 2010-2020 phải được rà soát, đáp ứng đầy đủ QĐ 320.",
  },
  {
    code: "T.2",
    criterion: "T2",
    nameVi: "Tỷ lệ thị xã, thành phố thuộc tỉnh hoàn thành nhiệm vụ xây dựng NTM giai đoạn 2021-2025",
    nameEn: "Share of provincial towns and cities that completed the NTM task",
    unit: "%",
    kind: "percent",
    comparator: ">=",
    level: "province",
    tier: "ntm",
    thresholds: confirmedValue(100),
    dataCode: "@townNtmShare",
    source: cite(QD321, [S8, S9]),
    confirmed: true,
  },
  {
    code: "T.3",
    criterion: "T3",
    nameVi: "Tỷ lệ huyện đạt chuẩn NTM nâng cao giai đoạn 2021-2025",
    nameEn: "Share of districts meeting the advanced NTM standard",
    unit: "%",
    kind: "percent",
    comparator: ">=",
    level: "province",
    tier: "ntm",
    thresholds: confirmedValue(20),
    dataCode: "@districtAdvancedShare",
    source: cite(QD321, [S8, S9]),
    confirmed: true,
  },
  {
    code: "T.4",
    criterion: "T4",
    nameVi: "Tỷ lệ xã đạt chuẩn NTM nâng cao giai đoạn 2021-2025",
    nameEn: "Share of communes meeting the advanced NTM standard",
    unit: "%",
    kind: "percent",
    comparator: ">=",
    level: "province",
    tier: "ntm",
    thresholds: confirmedValue(40),
    dataCode: "@communeAdvancedShare",
    source: cite(QD321, [S8, S9]),
    confirmed: true,
  },
  {
    code: "T.5",
    criterion: "T5",
    nameVi: "Có Đề án xây dựng NTM giai đoạn 2021-2025 toàn tỉnh được HĐND tỉnh thông qua",
    nameEn: "Province-wide NTM scheme 2021-2025 passed by the provincial People's Council",
    unit: "",
    kind: "boolean",
    comparator: "pass",
    level: "province",
    tier: "ntm",
    thresholds: [],
    source: cite(QD321, [S8, S9]),
    confirmed: true,
  },
  {
    code: "T.6",
    criterion: "T6",
    nameVi: "Tỷ lệ km đường huyện, đường tỉnh, quốc lộ trên địa bàn tỉnh được trồng cây xanh dọc tuyến",
    nameEn: "% km of district, provincial and national roads planted with trees",
    unit: "%",
    kind: "percent",
    comparator: ">=",
    level: "province",
    tier: "ntm",
    thresholds: confirmedValue(70),
    source: cite(QD321, [S8, S9]),
    confirmed: true,
  },
  {
    code: "T.7",
    criterion: "T7",
    nameVi: "Đất cây xanh sử dụng công cộng trên địa bàn tỉnh",
    nameEn: "Public green land in the province",
    unit: "m²/người",
    kind: "number",
    comparator: ">=",
    level: "province",
    tier: "ntm",
    thresholds: confirmedValue(4),
    source: cite(QD321, [S8, S9]),
    confirmed: true,
  },
  {
    code: "T.8",
    criterion: "T8",
    nameVi: "Chỉ số hài lòng của người dân, tổ chức đối với cơ quan hành chính nhà nước cấp tỉnh",
    nameEn: "Satisfaction index with the provincial state administrative agencies",
    unit: "%",
    kind: "percent",
    comparator: ">=",
    level: "province",
    tier: "ntm",
    thresholds: confirmedValue(90),
    source: cite(QD321, [S8, S9]),
    confirmed: true,
  },
];

// ---------- Criteria ----------

const CRITERIA: CatalogCriterion[] = [
  ...COMMUNE_CRITERIA.map(([code, nameVi, nameEn]): CatalogCriterion => ({
    code,
    nameVi,
    nameEn,
    level: "commune",
    tier: "ntm",
    national: true,
    source: cite(QD318_I, [S1, S2]),
    confirmed: true,
  })),
  {
    code: "DK",
    nameVi: "Điều kiện công nhận (QĐ 18/2022/QĐ-TTg)",
    nameEn: "Recognition conditions (Decision 18/2022/QĐ-TTg)",
    level: "commune",
    tier: "condition",
    national: true,
    source: cite(QD18, [S11]),
    confirmed: true,
  },
  {
    code: "KM",
    nameVi: "Xã NTM kiểu mẫu (QĐ 319)",
    nameEn: "Model NTM commune (Decision 319)",
    level: "commune",
    tier: "model",
    national: true,
    source: cite(QD319, [S6]),
    confirmed: true,
  },
  ...(
    [
      ["H1", "Xã đạt chuẩn NTM", "Communes meeting the NTM standard"],
      ["H2", "Xã đạt chuẩn NTM nâng cao", "Communes meeting the advanced NTM standard"],
      ["H3", "Thị trấn đạt chuẩn đô thị văn minh", 'Townships recognised as "civilised urban areas"'],
      ["H4", "Sự hài lòng của người dân", "Resident satisfaction"],
      ["H5", "Tiêu chí huyện NTM", "District NTM criteria"],
    ] as const
  ).map(([code, nameVi, nameEn]): CatalogCriterion => ({
    code,
    nameVi,
    nameEn,
    level: "district",
    tier: "ntm",
    national: true,
    source: cite(QD320, [S7]),
    confirmed: true,
  })),
  ...(
    [
      ["T1", "Huyện đạt chuẩn NTM", "Districts meeting the NTM standard"],
      [
        "T2",
        "Thị xã, thành phố hoàn thành nhiệm vụ xây dựng NTM",
        "Towns and cities that completed the NTM task",
      ],
      ["T3", "Huyện đạt chuẩn NTM nâng cao", "Districts meeting the advanced NTM standard"],
      ["T4", "Xã đạt chuẩn NTM nâng cao", "Communes meeting the advanced NTM standard"],
      ["T5", "Đề án xây dựng NTM toàn tỉnh", "Province-wide NTM scheme"],
      ["T6", "Cây xanh dọc tuyến đường", "Trees along roads"],
      ["T7", "Đất cây xanh công cộng", "Public green land"],
      [
        "T8",
        "Sự hài lòng với cơ quan hành chính nhà nước cấp tỉnh",
        "Satisfaction with provincial administration",
      ],
    ] as const
  ).map(([code, nameVi, nameEn]): CatalogCriterion => ({
    code,
    nameVi,
    nameEn,
    level: "province",
    tier: "ntm",
    national: true,
    source: cite(QD321, [S8, S9]),
    confirmed: true,
  })),
];

export const SET_2021_2025: CriteriaSet = {
  id: "2021-2025",
  nameVi: "Bộ tiêu chí quốc gia về nông thôn mới giai đoạn 2021-2025",
  nameEn: "National New Rural Development criteria 2021-2025",
  source:
    "QĐ 318, 319, 320, 321/QĐ-TTg (08/3/2022); QĐ 18/2022/QĐ-TTg (02/8/2022); sửa đổi bởi QĐ 211/QĐ-TTg (01/3/2024), nội dung sửa đổi chưa xác nhận",
  thresholdScope: "region",
  levels: ["province", "district", "commune"],
  criteria: CRITERIA,
  indicators: [
    ...COMMUNE_NTM_INDICATORS,
    ...CONDITION_INDICATORS,
    ...ADVANCED_INDICATORS,
    ...MODEL_INDICATORS,
    ...DISTRICT_INDICATORS,
    ...PROVINCE_INDICATORS,
  ],
};
