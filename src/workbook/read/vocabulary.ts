/**
 * How much a cell reads like a column header of ANY input table (criteria list, locality data,
 * budget, targets): the anchor for finding a header band before the sheet's role is known. Built once
 * from the field tables, the funding categories, the threshold-header grammar and the words forms use
 * ("STT", "Tổng số", "Trong đó", "Kết quả thực hiện các tiêu chí"). Pure.
 */
import { FUNDING_CATEGORIES } from "../../catalog/fundingCategories";
import { foldText } from "../../domain/text";
import {
  BUDGET_FIELDS,
  CRITERIA_FIELDS,
  LOCALITY_FIELDS,
  parseThresholdHeader,
  TARGET_FIELDS,
} from "../layout";
import { looksLikeCode } from "./sheet";

/** Words of forms that only ever appear in headers. */
const FORM_HEADER_WORDS = [
  "stt",
  "tt",
  "so tt",
  "so thu tu",
  "tong so",
  "tong cong",
  "trong do",
  "chia ra",
  "bao gom",
  "ghi chu",
  "ket qua",
  "ket qua thuc hien",
  "ket qua thuc hien cac tieu chi",
  "ket qua danh gia",
  "so tieu chi dat",
  "tong so tieu chi dat",
  "so tieu chi dat chuan",
  "so xa dat chuan",
  "don vi",
  "don vi tinh",
  "dvt",
  "ten don vi",
  "ke hoach",
  "thuc hien",
  "giai ngan",
  "von huy dong",
  "nguon von",
  "tieu chi",
  "chi tieu",
  "noi dung",
  "ty le",
];

function buildVocabulary(): { exact: Set<string>; phrases: string[] } {
  const exact = new Set<string>(FORM_HEADER_WORDS);
  const fields = [
    ...CRITERIA_FIELDS,
    ...Object.values(LOCALITY_FIELDS).flat(),
    ...BUDGET_FIELDS,
    ...TARGET_FIELDS,
  ];
  for (const f of fields) for (const a of [f.vi, f.en, ...f.aliases]) exact.add(foldText(a));
  for (const c of FUNDING_CATEGORIES)
    for (const a of [c.nameVi, c.nameEn, ...c.aliases]) exact.add(foldText(a));
  exact.delete("");
  // Phrases of two words or more also count when a longer header contains them.
  const phrases = [...exact].filter((p) => p.includes(" ") && p.length >= 5);
  return { exact, phrases };
}

let vocabulary: ReturnType<typeof buildVocabulary> | undefined;

/** Texts longer than this are titles or notes, not headers. */
const MAX_HEADER_LENGTH = 90;

/**
 * 1 for a known header ("Mã xã", "Ngân sách tỉnh", "Ngưỡng BTB", "STT"), 0.8 for a header naming an
 * indicator code ("2.1 Đường xã (%)", "TC 3"), 0.5 when a known phrase occurs in it, else 0.
 */
export function headerScore(text: string): number {
  if (text.length === 0 || text.length > MAX_HEADER_LENGTH) return 0;
  vocabulary ??= buildVocabulary();
  const folded = foldText(text);
  if (folded.length === 0) return 0;
  if (vocabulary.exact.has(folded)) return 1;
  if (parseThresholdHeader(text) !== undefined) return 1;
  if (looksLikeCode(text) && /\p{L}/u.test(text)) return 0.8;
  const padded = ` ${folded} `;
  for (const p of vocabulary.phrases) if (padded.includes(` ${p} `)) return 0.5;
  return 0;
}
