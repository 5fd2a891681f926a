/**
 * Which provincial department leads each criterion: a default for the planner to check.
 *
 * No Hà Tĩnh assignment decision was found. The 2021-2025 default follows line-ministry
 * responsibilities (criteria-2021-2025.md §8.3); the 2026-2030 default follows the national division
 * after the 2025 department mergers (period-2026-2030.md §5). Quảng Nam's QĐ 1098/QĐ-UBND (2022)
 * shows the kind of act that would settle it. Department names are those in use for the period: in
 * 2025 several were merged (e.g. Sở Nông nghiệp và Môi trường, Sở Xây dựng taking over transport).
 */
import type { CriteriaSetId, CriterionCode, IndicatorCode } from "../domain/types";
import type { DepartmentAssignment } from "./types";

/** A department row with the reason it is a default only. */
export interface DepartmentEntry extends DepartmentAssignment {
  note: string;
}

/** S36: Quảng Nam example of a department-assignment decision. */
const S36 =
  "https://hethongphapluat.com/quyet-dinh-2428-qd-ubnd-nam-2022-ve-bo-tieu-chi-huyen-nong-thon-moi-nang-cao-giai-doan-2022-2025-thuc-hien-tren-dia-ban-tinh-quang-nam.html";

const SOURCE_2021 = `criteria-2021-2025.md §8.3 (mặc định theo chức năng bộ, ngành; chưa có nguồn Hà Tĩnh) ; so sánh QĐ 1098/QĐ-UBND tỉnh Quảng Nam (2022) ${S36}`;
const SOURCE_2026 = `period-2026-2030.md §5 (suy luận theo phân công bộ, ngành sau sắp xếp 2025; chưa có nguồn Hà Tĩnh) ; so sánh QĐ 1098/QĐ-UBND tỉnh Quảng Nam (2022) ${S36}`;
const DEFAULT_NOTE = "default to check: no Hà Tĩnh assignment decision found";

// Department names (Vietnamese, English).
const XAY_DUNG = ["Sở Xây dựng", "Department of Construction"] as const;
const GTVT = ["Sở Giao thông vận tải", "Department of Transport"] as const;
const NN_PTNT = [
  "Sở Nông nghiệp và Phát triển nông thôn",
  "Department of Agriculture and Rural Development",
] as const;
const NN_MT = ["Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment"] as const;
const CONG_THUONG = ["Sở Công Thương", "Department of Industry and Trade"] as const;
const GD_DT = ["Sở Giáo dục và Đào tạo", "Department of Education and Training"] as const;
const VH_TT_DL = ["Sở Văn hóa, Thể thao và Du lịch", "Department of Culture, Sports and Tourism"] as const;
const TT_TT = ["Sở Thông tin và Truyền thông", "Department of Information and Communications"] as const;
const KH_CN = ["Sở Khoa học và Công nghệ", "Department of Science and Technology"] as const;
const THONG_KE = ["Cục Thống kê tỉnh", "Provincial Statistics Office"] as const;
const LD_TB_XH = [
  "Sở Lao động – Thương binh và Xã hội",
  "Department of Labour, Invalids and Social Affairs",
] as const;
const Y_TE = ["Sở Y tế", "Department of Health"] as const;
const TN_MT = ["Sở Tài nguyên và Môi trường", "Department of Natural Resources and Environment"] as const;
const NOI_VU = ["Sở Nội vụ", "Department of Home Affairs"] as const;
const TU_PHAP = ["Sở Tư pháp", "Department of Justice"] as const;
const QUAN_SU = ["Bộ Chỉ huy Quân sự tỉnh", "Provincial Military Command"] as const;
const CONG_AN = ["Công an tỉnh", "Provincial Police"] as const;
const VP_DIEU_PHOI = [
  "Văn phòng Điều phối nông thôn mới tỉnh",
  "Provincial NTM Coordination Office",
] as const;

type Department = readonly [vi: string, en: string];

function assign(
  source: string,
  criterion: CriterionCode,
  [departmentVi, departmentEn]: Department,
  extra: { indicator?: IndicatorCode; also?: string } = {},
): DepartmentEntry {
  return {
    criterion,
    ...(extra.indicator !== undefined ? { indicator: extra.indicator } : {}),
    departmentVi,
    departmentEn,
    source,
    confirmed: false,
    note: extra.also ? `${DEFAULT_NOTE}. ${extra.also}` : DEFAULT_NOTE,
  };
}

const a21 = (
  criterion: CriterionCode,
  dept: Department,
  extra?: { indicator?: IndicatorCode; also?: string },
) => assign(SOURCE_2021, criterion, dept, extra);
const a26 = (criterion: CriterionCode, dept: Department, also?: string) =>
  assign(SOURCE_2026, criterion, dept, also ? { also } : {});

/** 2021-2025 (QĐ 318 criteria 1-19 and Hà Tĩnh's 20). */
export const DEFAULT_DEPARTMENTS: DepartmentEntry[] = [
  a21("1", XAY_DUNG),
  a21("2", GTVT),
  a21("3", NN_PTNT),
  a21("4", CONG_THUONG),
  a21("5", GD_DT),
  a21("6", VH_TT_DL),
  a21("7", CONG_THUONG),
  a21("8", TT_TT),
  a21("9", XAY_DUNG),
  a21("10", THONG_KE, { also: "Hoặc Sở Nông nghiệp và Phát triển nông thôn." }),
  a21("11", LD_TB_XH),
  a21("12", LD_TB_XH),
  a21("13", NN_PTNT),
  a21("14", GD_DT),
  a21("14", LD_TB_XH, { indicator: "14.3" }),
  a21("15", Y_TE),
  a21("16", VH_TT_DL),
  a21("17", TN_MT, {
    also: "An toàn thực phẩm: Sở Nông nghiệp và Phát triển nông thôn / Sở Y tế / Sở Công Thương.",
  }),
  a21("18", NOI_VU, { also: "Cùng Ban Tổ chức Tỉnh ủy." }),
  a21("18", TU_PHAP, { indicator: "18.4" }),
  a21("19", QUAN_SU, { also: "Cùng Công an tỉnh." }),
  a21("19", QUAN_SU, { indicator: "19.1" }),
  a21("19", CONG_AN, { indicator: "19.2" }),
  a21("20", VP_DIEU_PHOI, { also: "Cùng Ủy ban MTTQ tỉnh." }),
];

/** 2026-2030 (QĐ 51/2025 criteria 1-10), inferred; the lead listed first in the reference. */
export const DEFAULT_DEPARTMENTS_2026_2030: DepartmentEntry[] = [
  a26("1", XAY_DUNG),
  a26(
    "2",
    XAY_DUNG,
    "Sở Xây dựng (giao thông); Sở Nông nghiệp và Môi trường (thủy lợi, PCTT, nước sạch); Sở Công Thương (điện, chợ); Sở Khoa học và Công nghệ (hạ tầng số, viễn thông); Sở Văn hóa, Thể thao và Du lịch (CSVC văn hóa).",
  ),
  a26("3", NN_MT, "Cùng Sở Công Thương (OCOP, thương mại)."),
  a26("4", NOI_VU, "Hoặc Sở Giáo dục và Đào tạo."),
  a26("5", VH_TT_DL, "Cùng Sở Giáo dục và Đào tạo, Sở Y tế."),
  a26("6", NOI_VU, "Hoặc sở được giao chức năng của Sở LĐ-TB&XH cũ."),
  a26("7", KH_CN),
  a26("8", NN_MT),
  a26("9", NOI_VU),
  a26("10", TU_PHAP, "Cùng Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh."),
];

const BY_SET: Record<CriteriaSetId, readonly DepartmentEntry[]> = {
  "2021-2025": DEFAULT_DEPARTMENTS,
  "2026-2030": DEFAULT_DEPARTMENTS_2026_2030,
};

/**
 * The default lead department of an indicator: its own override first, then its criterion's.
 * Undefined for criteria no department is proposed for (recognition conditions, model, district and
 * province requirements).
 */
export function departmentFor(
  criterion: CriterionCode,
  indicator?: IndicatorCode,
  setId: CriteriaSetId = "2021-2025",
): DepartmentAssignment | undefined {
  const rows = BY_SET[setId];
  const override =
    indicator === undefined
      ? undefined
      : rows.find((d) => d.criterion === criterion && d.indicator === indicator);
  return override ?? rows.find((d) => d.criterion === criterion && d.indicator === undefined);
}
