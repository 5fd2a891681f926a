/**
 * Funding-source categories for budget sheets: the 21 codes proposed in funding.md §7, in that order.
 *
 * A category is `confirmed` when it is a heading of the official national reports (VPĐP NTM TW
 * summaries, funding.md §5-6.1) or a capital line of an official act; the finer splits that only
 * the §7 proposal makes are unconfirmed. Parents equal the sum of their children; the grand total is
 * the sum of the roots. Credit is an outstanding balance (a stock), so mixes are shown with and
 * without it.
 */
import type { SourceCode, SourceNode } from "../domain/types";
import type { FundingCategory } from "./types";

/** A category with the reason behind its `confirmed` flag. */
export interface FundingCategoryEntry extends FundingCategory {
  note?: string;
}

/** N3: VPĐP NTM TW 2021-2023 mix ("Vốn NSNN trực tiếp = NSTW + NSĐP đối ứng"; credit = dư nợ). */
const N3 =
  "http://nongthonmoi.daknong.gov.vn/news/tin-tong-hop-nong-thon-moi/tu-2021-2023-huy-dong-khoang-255-trieu-ty-dong-xay-dung-nong-thon-moi/";
/** N5: cumulative 2021-2025 mix, integrated capital split by programme. */
const N5 =
  "https://tracuuquyhoach.com/tin-tuc/ca-nuoc-da-huy-dong-hon-2-9-trieu-ty-dong-xay-dung-nong-thon-moi-51558426";
/** N1: 2021-2022 mix. */
const N1 =
  "https://kinhtenongthon.vn/Ca-nuoc-huy-dong-duoc-621324-ty-dong-xay-dung-nong-thon-moi-post55483.html";
/** H1: Hà Tĩnh 2020 mix (people, sponsorship/patronage lines). */
const H1 = "https://crbuild.vn/tin-tuc/ha-tinh-huy-dong-hon-9-578-ty-dong-xay-dung-nong-thon-moi.html";
/** NQ 25/2021/QH15: NSNN = NSTW + NSĐP. */
const NQ25 =
  "https://english.luatvietnam.vn/resolution-no-25-2021-qh15-dated-july-28-2021-of-the-national-assembly-approving-the-investment-policy-for-the-national-target-program-on-new-countr-207311-doc1.html";
/** CV 1486/BNN-VPĐP (13/3/2023): NSTW ĐTPT 30.000 tỷ + foreign (ADB) 2.050 tỷ. */
const CV1486 = "https://ls1.hethongphapluat.com/cong-van-1486-bnn-vpdp-bf4b42b9ecae86a2b7c0f18e10822a1e.html";
/** TT 53/2022/TT-BTC (NSTW recurrent funds for NTM), cited in Thái Nguyên QĐ 25/2022/QĐ-UBND. */
const TT53 =
  "https://m.thuvienphapluat.vn/van-ban/Thuong-mai/Quyet-dinh-25-2022-QD-UBND-quay-vong-von-ho-tro-phat-trien-san-xuat-cong-dong-Thai-Nguyen-546773.aspx";
/** Hà Tĩnh NQ 44/2021 money, provincial budget line "nguồn chính sách nông thôn mới". */
const HT_NQ44 = "https://baodautu.vn/ha-tinh-chi-157-ty-dong-thuc-hien-chinh-sach-nong-thon-moi-d167761.html";
/** 2026-2030 merged programme capital (policy credit ≈ 23.000 tỷ). */
const CAPITAL_2026 =
  "https://vietnamnet.vn/bo-tri-423-000-ty-dong-cho-chuong-trinh-muc-tieu-quoc-gia-giai-doan-2026-2030-2471465.html";
/** QĐ 1719 capital structure (includes policy credit). */
const QD1719 =
  "https://www.qdnd.vn/xa-hoi/dan-toc-ton-giao/hoi-dap/hoi-dap-phap-luat-nguon-von-du-kien-thuc-hien-chuong-trinh-phat-trien-kinh-te-xa-hoi-vung-dong-bao-dan-toc-thieu-so-va-mien-nui-750289";

const PROPOSAL = "funding.md §7 (đề xuất danh mục nguồn vốn, chưa có căn cứ chính thức)";
const TEMPLATE_2026 =
  "Bố cục Biểu 07/11 của một ứng dụng báo cáo 2026-2030 trên GitHub (funding.md §6.2, căn cứ chính thức chưa xác nhận)";

export const FUNDING_CATEGORIES: FundingCategoryEntry[] = [
  {
    code: "NSNN",
    nameVi: "Vốn ngân sách nhà nước (bố trí trực tiếp)",
    nameEn: "State budget, direct to the programme",
    aliases: ["ngân sách nhà nước", "nsnn", "ngân sách trực tiếp", "vốn đầu tư trực tiếp"],
    partNames: ["ngân sách nhà nước", "nsnn", "vốn ngân sách", "ngân sách"],
    source: `Báo cáo VPĐP NTM TW: "Vốn ngân sách nhà nước bố trí trực tiếp cho Chương trình" ; ${N3} ; ${N5} ; NQ 25/2021/QH15 ${NQ25}`,
    confirmed: true,
    note: "NSNN trực tiếp = NSTW + NSĐP đối ứng (N3). Một số báo cáo ghi NSĐP đối ứng như mục con của NSNN (N1), số khác ghi ngang hàng (N5).",
  },
  {
    code: "NSTW",
    parent: "NSNN",
    nameVi: "Ngân sách trung ương",
    nameEn: "Central budget",
    aliases: ["nstw", "vốn tw", "ngân sách trung ương hỗ trợ"],
    partNames: ["trung ương", "tw", "ngân sách trung ương", "nstw"],
    source: `Báo cáo VPĐP NTM TW: "Vốn ngân sách Trung ương hỗ trợ" ; ${N3} ; ${N5}`,
    confirmed: true,
  },
  {
    code: "NSTW_DTPT",
    parent: "NSTW",
    nameVi: "NSTW - vốn đầu tư phát triển (đầu tư công)",
    nameEn: "Central budget, development investment",
    aliases: ["đtpt", "vốn đầu tư công", "vốn đầu tư"],
    partNames: ["đầu tư phát triển", "đtpt", "vốn đầu tư phát triển"],
    source: `CV 1486/BNN-VPĐP (13/3/2023): vốn ĐTPT NSTW 30.000 tỷ ; ${CV1486}`,
    confirmed: true,
  },
  {
    code: "NSTW_SN",
    parent: "NSTW",
    nameVi: "NSTW - vốn sự nghiệp (kinh phí thường xuyên)",
    nameEn: "Central budget, recurrent",
    aliases: ["sn", "vốn sự nghiệp", "kinh phí thường xuyên"],
    partNames: ["sự nghiệp", "vốn sự nghiệp", "kinh phí sự nghiệp"],
    source: `TT 53/2022/TT-BTC (12/8/2022): kinh phí sự nghiệp NSTW thực hiện Chương trình NTM ; ${TT53}`,
    confirmed: true,
  },
  {
    code: "NSTW_NN",
    parent: "NSTW",
    nameVi: "NSTW - vốn nước ngoài (ODA/vay ADB)",
    nameEn: "Central budget, foreign loan/ODA",
    aliases: ["vốn nước ngoài", "oda", "vốn vay adb"],
    partNames: ["nước ngoài", "vốn nước ngoài", "oda"],
    source: `CV 1486/BNN-VPĐP (13/3/2023): vốn nước ngoài (vay ADB) 2.050 tỷ ; ${CV1486}`,
    confirmed: true,
  },
  {
    code: "NSDP",
    parent: "NSNN",
    nameVi: "Ngân sách địa phương (vốn đối ứng)",
    nameEn: "Local budget (counterpart)",
    aliases: ["nsđp", "vốn đối ứng", "đối ứng ngân sách địa phương"],
    partNames: ["địa phương", "ngân sách địa phương", "nsđp", "đối ứng"],
    source: `Báo cáo VPĐP NTM TW: "Vốn đối ứng từ ngân sách địa phương" ; ${N3} ; ${N5}`,
    confirmed: true,
    note: "Tỷ lệ đối ứng tối thiểu (QĐ 07/2022/QĐ-TTg) chưa xác nhận: là tham số.",
  },
  {
    code: "NS_TINH",
    parent: "NSDP",
    nameVi: "Ngân sách tỉnh",
    nameEn: "Provincial budget",
    aliases: [
      "ngân sách cấp tỉnh",
      "ns tỉnh",
      "nguồn chính sách nông thôn mới",
      "nguồn chính sách nông nghiệp nông thôn",
    ],
    partNames: ["tỉnh", "cấp tỉnh", "ngân sách tỉnh"],
    source: `Hà Tĩnh NQ 44/2021/NQ-HĐND, dòng ngân sách tỉnh "nguồn chính sách nông thôn mới" ; ${HT_NQ44}`,
    confirmed: true,
    note: 'Các bí danh "nguồn chính sách…" là tên dòng ngân sách của Hà Tĩnh (NQ 44/2021, NQ 51/2021).',
  },
  {
    code: "NS_HUYEN",
    parent: "NSDP",
    nameVi: "Ngân sách huyện",
    nameEn: "District budget (until mid-2025)",
    aliases: ["ngân sách cấp huyện", "ns huyện"],
    partNames: ["huyện", "cấp huyện", "ngân sách huyện"],
    source: PROPOSAL,
    confirmed: false,
    note: "Tách NSĐP theo cấp là đề xuất thiết kế. Không còn cấp huyện từ 1/7/2025: để trống với giai đoạn 2026-2030.",
  },
  {
    code: "NS_XA",
    parent: "NSDP",
    nameVi: "Ngân sách xã",
    nameEn: "Commune budget",
    aliases: ["ngân sách cấp xã", "ns xã"],
    partNames: ["xã", "cấp xã", "ngân sách xã"],
    source: `${PROPOSAL} ; ${TEMPLATE_2026}`,
    confirmed: false,
    note: "Tách NSĐP theo cấp là đề xuất thiết kế (bố cục 2026-2030 có dòng Tỉnh/Xã nhưng căn cứ chính thức chưa xác nhận).",
  },
  {
    code: "LONG_GHEP",
    nameVi: "Vốn lồng ghép từ các chương trình, dự án khác",
    nameEn: "Integrated capital from other programmes/projects",
    aliases: ["lồng ghép", "vốn lồng ghép"],
    source: `Báo cáo VPĐP NTM TW: "Lồng ghép từ các Chương trình, dự án khác" ; ${N3} ; ${N5}`,
    confirmed: true,
    note: "Tỷ lệ đóng góp của từng chương trình lồng ghép (NĐ 27/2022 Điều 10 điểm đ) là tham số.",
  },
  {
    code: "LG_GNBV",
    parent: "LONG_GHEP",
    nameVi: "Lồng ghép - CT MTQG giảm nghèo bền vững",
    nameEn: "Integrated: sustainable poverty reduction programme",
    aliases: ["giảm nghèo", "qđ 90"],
    source: `Báo cáo VPĐP NTM TW, vốn lồng ghép theo chương trình (giảm nghèo bền vững) ; ${N5}`,
    confirmed: true,
  },
  {
    code: "LG_DTTS",
    parent: "LONG_GHEP",
    nameVi: "Lồng ghép - CT MTQG phát triển KT-XH vùng đồng bào DTTS&MN (1719)",
    nameEn: "Integrated: ethnic-minority and mountainous areas programme",
    aliases: ["1719", "dtts", "dân tộc thiểu số"],
    source: `Báo cáo VPĐP NTM TW, vốn lồng ghép theo chương trình (vùng đồng bào DTTS&MN) ; ${N5}`,
    confirmed: true,
  },
  {
    code: "LG_KHAC",
    parent: "LONG_GHEP",
    nameVi: "Lồng ghép - chương trình, dự án khác",
    nameEn: "Integrated: other programmes/projects",
    aliases: ["chương trình, dự án khác", "ct mục tiêu"],
    source: `Báo cáo VPĐP NTM TW, vốn lồng ghép theo chương trình (chương trình khác) ; ${N5}`,
    confirmed: true,
  },
  {
    code: "TIN_DUNG",
    nameVi: "Vốn tín dụng",
    nameEn: "Credit",
    aliases: ["tín dụng", "vay", "dư nợ"],
    stock: true,
    source: `Báo cáo VPĐP NTM TW: "Tín dụng" / "Vốn tín dụng" (dư nợ cho vay trên địa bàn các xã) ; ${N3} ; ${N5}`,
    confirmed: true,
    note: "Thường là dư nợ (số dư), không phải dòng vốn trong kỳ: xem cơ cấu vốn cả có và không có tín dụng.",
  },
  {
    code: "TD_CS",
    parent: "TIN_DUNG",
    nameVi: "Tín dụng chính sách (NHCSXH)",
    nameEn: "Policy credit (VBSP)",
    aliases: ["tín dụng chính sách", "nhcsxh"],
    stock: true,
    source: `${PROPOSAL} ; vốn tín dụng chính sách là một dòng vốn của QĐ 1719/QĐ-TTg ${QD1719} và của Chương trình MTQG 2026-2035 ${CAPITAL_2026}`,
    confirmed: false,
    note: "Dòng riêng trong báo cáo NTM 2021-2025 chưa thấy; có trong cơ cấu vốn chương trình 1719 và chương trình hợp nhất 2026-2030.",
  },
  {
    code: "TD_TM",
    parent: "TIN_DUNG",
    nameVi: "Tín dụng thương mại",
    nameEn: "Commercial credit",
    aliases: ["tín dụng thương mại", "ngân hàng thương mại"],
    stock: true,
    source: PROPOSAL,
    confirmed: false,
  },
  {
    code: "DOANH_NGHIEP",
    nameVi: "Vốn doanh nghiệp, hợp tác xã, tổ chức kinh tế",
    nameEn: "Enterprises, cooperatives, economic organisations",
    aliases: ["doanh nghiệp", "dn", "htx", "hợp tác xã", "tổ chức kinh tế"],
    source: `Báo cáo VPĐP NTM TW: "Doanh nghiệp" / "Vốn doanh nghiệp" ; ${N3} ; ${N5} ; ${N1}`,
    confirmed: true,
  },
  {
    code: "NHAN_DAN",
    nameVi: "Cộng đồng và người dân tự nguyện đóng góp",
    nameEn: "Voluntary contributions of people and communities",
    aliases: ["nhân dân đóng góp", "dân góp", "cộng đồng", "huy động từ cộng đồng và người dân"],
    source: `Báo cáo VPĐP NTM TW: "Cộng đồng và người dân tự nguyện đóng góp" / "Nhân dân đóng góp" ; ${N3} ; ${N5} ; ${H1}`,
    confirmed: true,
  },
  {
    code: "ND_TIEN",
    parent: "NHAN_DAN",
    nameVi: "Đóng góp bằng tiền mặt",
    nameEn: "Cash contributions",
    aliases: ["tiền mặt"],
    partNames: ["tiền mặt", "bằng tiền"],
    source: `${PROPOSAL} ; ${TEMPLATE_2026}`,
    confirmed: false,
  },
  {
    code: "ND_HIENVAT",
    parent: "NHAN_DAN",
    nameVi: "Ngày công, hiện vật, hiến đất (quy đổi)",
    nameEn: "Labour days, in-kind goods, donated land (monetised)",
    aliases: ["ngày công", "hiện vật", "hiến đất", "quy đổi"],
    partNames: ["hiện vật", "ngày công", "quy đổi", "hiện vật, ngày công"],
    source: `${PROPOSAL} ; ${TEMPLATE_2026}`,
    confirmed: false,
    note: "Khoản hiện vật/quy đổi nên được loại khỏi các bảng tiền mặt.",
  },
  {
    code: "KHAC",
    nameVi: "Huy động hợp pháp khác (tài trợ, đỡ đầu, con em xa quê…)",
    nameEn: "Other lawful sources (sponsorship, patronage, diaspora…)",
    aliases: ["nguồn khác", "huy động khác", "tài trợ", "đỡ đầu", "xã hội hóa"],
    source: `Báo cáo: "Huy động khác (tài trợ, đỡ đầu…)" / "Vốn huy động từ nguồn khác" ; ${H1}`,
    confirmed: true,
  },
];

/** The root of the credit subtree: a stock, shown apart from the flows. */
export const CREDIT_ROOT: SourceCode = "TIN_DUNG";

/** Top-level categories in table order; the grand total is their sum. */
export const ROOT_SOURCES: readonly SourceCode[] = FUNDING_CATEGORIES.filter(
  (c) => c.parent === undefined,
).map((c) => c.code);

/** The category tree as the domain needs it (code, parent, stock). */
export function toSourceNodes(): SourceNode[] {
  return FUNDING_CATEGORIES.map((c) => ({
    code: c.code,
    ...(c.parent !== undefined ? { parent: c.parent } : {}),
    ...(c.stock ? { stock: true } : {}),
  }));
}
