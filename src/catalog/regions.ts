/**
 * The seven socio-economic regions of QĐ 318/QĐ-TTg (08/3/2022), used to pick the commune
 * thresholds of the 2021-2025 set, and the rule that sends especially disadvantaged communes to the
 * Northern Midlands and Mountains thresholds.
 *
 * Only Bắc Trung Bộ's province list is read in a source (S1). The other six lists follow the usual
 * NTM regional split (the one behind the QĐ 263 regional targets); they are marked unconfirmed until
 * checked against the text of QĐ 318.
 *
 * Province codes are GSO codes of the list of 01/11/2024 (63 provinces), as in
 * data/units/vietnam-units-2024-11.tsv.
 */
import type { Locality, RegionCode } from "../domain/types";
import type { RegionDef } from "./types";

/** A region row with the reason it is (not) confirmed. */
export interface RegionEntry extends RegionDef {
  note?: string;
}

/** S1: thuvienphapluat summary of QĐ 318 (19 criteria, 7 regions, BTB province list, ĐBKK rule). */
const QD318_SUMMARY =
  "http://tintuc.thuvienphapluat.com/thong-bao-van-ban-moi/email/39774/ban-hanh-bo-tieu-chi-xa-nong-thon-moi-giai-doan-2021-2025";
/** S3: Quảng Bình's provincial set, which applies the TDMNPB levels to Minh Hóa district. */
const QUANG_BINH_SET =
  "https://nongthon.vn/nongnghiep360/quang-binh-ban-hanh-bo-tieu-chi-xa-nong-thon-moi-giai-doan-2021-2025.html";
/** S4: Bình Phước's provincial set, which calls Bình Phước a Đông Nam Bộ province. */
const BINH_PHUOC_SET =
  "https://sldtbxh.binhphuoc.gov.vn/en/news/news/the-criteria-for-new-rural-communes-in-binh-phuoc-province-shall-range-from-2021-2025-207.html";
/** S5: Vĩnh Long press item, which calls Vĩnh Long a Đồng bằng sông Cửu Long province. */
const VINH_LONG_ITEM =
  "https://baovinhlong.com.vn/xa-hoi/202506/tren-97-can-nha-kien-co-va-ban-kien-co-7d004cf";

const REGION_NAMES = `QĐ 318/QĐ-TTg, Điều 1 (7 vùng); ${QD318_SUMMARY}`;
const UNCONFIRMED_LIST =
  "Danh sách tỉnh theo cách chia vùng NTM thông dụng, chưa đối chiếu với văn bản QĐ 318 (tên vùng đã xác nhận qua S1).";

export const REGIONS: RegionEntry[] = [
  {
    code: "TDMNPB",
    nameVi: "Trung du và miền núi phía Bắc",
    nameEn: "Northern Midlands and Mountains",
    // Hà Giang, Cao Bằng, Bắc Kạn, Tuyên Quang, Lào Cai, Điện Biên, Lai Châu, Sơn La, Yên Bái,
    // Hòa Bình, Thái Nguyên, Lạng Sơn, Bắc Giang, Phú Thọ
    provinceCodes: ["02", "04", "06", "08", "10", "11", "12", "14", "15", "17", "19", "20", "24", "25"],
    source: REGION_NAMES,
    confirmed: false,
    note: UNCONFIRMED_LIST,
  },
  {
    code: "DBSH",
    nameVi: "Đồng bằng sông Hồng",
    nameEn: "Red River Delta",
    // Hà Nội, Quảng Ninh, Vĩnh Phúc, Bắc Ninh, Hải Dương, Hải Phòng, Hưng Yên, Thái Bình, Hà Nam,
    // Nam Định, Ninh Bình
    provinceCodes: ["01", "22", "26", "27", "30", "31", "33", "34", "35", "36", "37"],
    source: REGION_NAMES,
    confirmed: false,
    note: `${UNCONFIRMED_LIST} Quảng Ninh được xếp vào Đồng bằng sông Hồng (một số cách chia cũ xếp vào vùng Đông Bắc).`,
  },
  {
    code: "BTB",
    nameVi: "Bắc Trung Bộ",
    nameEn: "North Central",
    // Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Quảng Trị, Thừa Thiên Huế
    provinceCodes: ["38", "40", "42", "44", "45", "46"],
    source: REGION_NAMES,
    confirmed: true,
  },
  {
    code: "DHNTB",
    nameVi: "Duyên hải Nam Trung Bộ",
    nameEn: "South Central Coast",
    // Đà Nẵng, Quảng Nam, Quảng Ngãi, Bình Định, Phú Yên, Khánh Hòa, Ninh Thuận, Bình Thuận
    provinceCodes: ["48", "49", "51", "52", "54", "56", "58", "60"],
    source: REGION_NAMES,
    confirmed: false,
    note: UNCONFIRMED_LIST,
  },
  {
    code: "TN",
    nameVi: "Tây Nguyên",
    nameEn: "Central Highlands",
    // Kon Tum, Gia Lai, Đắk Lắk, Đắk Nông, Lâm Đồng
    provinceCodes: ["62", "64", "66", "67", "68"],
    source: REGION_NAMES,
    confirmed: false,
    note: UNCONFIRMED_LIST,
  },
  {
    code: "DNB",
    nameVi: "Đông Nam Bộ",
    nameEn: "South East",
    // Bình Phước, Tây Ninh, Bình Dương, Đồng Nai, Bà Rịa - Vũng Tàu, TP Hồ Chí Minh
    provinceCodes: ["70", "72", "74", "75", "77", "79"],
    source: `${REGION_NAMES} ; Bình Phước thuộc ĐNB: ${BINH_PHUOC_SET}`,
    confirmed: false,
    note: `${UNCONFIRMED_LIST} Riêng Bình Phước được nguồn S4 ghi là tỉnh Đông Nam Bộ.`,
  },
  {
    code: "DBSCL",
    nameVi: "Đồng bằng sông Cửu Long",
    nameEn: "Mekong River Delta",
    // Long An, Tiền Giang, Bến Tre, Trà Vinh, Vĩnh Long, Đồng Tháp, An Giang, Kiên Giang, Cần Thơ,
    // Hậu Giang, Sóc Trăng, Bạc Liêu, Cà Mau
    provinceCodes: ["80", "82", "83", "84", "86", "87", "89", "91", "92", "93", "94", "95", "96"],
    source: `${REGION_NAMES} ; Vĩnh Long thuộc ĐBSCL: ${VINH_LONG_ITEM}`,
    confirmed: false,
    note: `${UNCONFIRMED_LIST} Riêng Vĩnh Long được nguồn S5 ghi là tỉnh ĐBSCL.`,
  },
];

/** The locality flags that switch a commune to the TDMNPB thresholds. */
export type RegionRuleFlag = keyof Pick<Locality, "dbkk" | "atkPoorDistrict">;

export interface RegionRule {
  code: string;
  /** Any of these flags set → the commune is evaluated with `region`'s thresholds. */
  whenAny: readonly RegionRuleFlag[];
  region: RegionCode;
  descriptionVi: string;
  descriptionEn: string;
  source: string;
  confirmed: boolean;
}

/**
 * QĐ 318 Điều 1: especially disadvantaged communes (ĐBKK) and safe-zone communes (ATK) of poor
 * districts or of districts that left poverty in 2018-2020 use the TDMNPB thresholds, whatever their
 * geographic region. Quảng Bình applies it to every commune of Minh Hóa district (S3).
 */
export const REGION_RULE: RegionRule = {
  code: "REGION.1",
  whenAny: ["dbkk", "atkPoorDistrict"],
  region: "TDMNPB",
  descriptionVi:
    "Xã đặc biệt khó khăn, xã an toàn khu thuộc huyện nghèo và huyện vừa thoát nghèo giai đoạn 2018-2020 áp dụng mức đạt chuẩn của vùng Trung du và miền núi phía Bắc.",
  descriptionEn:
    "Especially disadvantaged communes, and safe-zone communes of poor districts or districts that left poverty in 2018-2020, use the Northern Midlands and Mountains thresholds.",
  source: `QĐ 318/QĐ-TTg, Điều 1; ${QD318_SUMMARY} ; ${QUANG_BINH_SET}`,
  confirmed: true,
};

const REGION_BY_PROVINCE: ReadonlyMap<string, RegionCode> = new Map(
  REGIONS.flatMap((r) => r.provinceCodes.map((p) => [p, r.code] as const)),
);

/**
 * The QĐ 318 region of a province, by its GSO code in the 2024 list ("42"; "2" is read as "02");
 * undefined for any other code.
 */
export function regionOfProvince(code: string): RegionCode | undefined {
  const trimmed = code.trim();
  const normalised = /^\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
  return REGION_BY_PROVINCE.get(normalised);
}
