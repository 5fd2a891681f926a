import type { Strings } from "../index";

/** Messages of the issues raised by src/domain/funding.ts (key `issue.<code>`). */
export const fundingStrings: Strings = {
  "issue.FUNDING_PARENT_MISMATCH": [
    "Nguồn {code} ghi {given} nhưng tổng các nguồn con là {sum}; đã dùng tổng các nguồn con.",
    "Source {code} says {given} but its sub-sources add up to {sum}; the sub-sources' sum is used.",
  ],
  "issue.FUNDING_NEGATIVE": [
    "Số tiền nguồn {code} bị âm ({value}); đã bỏ qua số này.",
    "The amount for source {code} is negative ({value}); it is ignored.",
  ],
  "issue.FUNDING_NOT_A_NUMBER": [
    "Số tiền nguồn {code} không phải là số; đã bỏ qua.",
    "The amount for source {code} is not a number; it is ignored.",
  ],
  "issue.FUNDING_UNKNOWN_SOURCE": [
    "Nguồn vốn {code} không có trong danh mục nguồn vốn; đã bỏ qua số tiền này.",
    "Funding source {code} is not in the list of sources; the amount is ignored.",
  ],
  "issue.FUNDING_UNKNOWN_LOCALITY": [
    "Mã địa bàn {code} không có trong danh sách đơn vị; đã bỏ qua dòng kinh phí này.",
    "Locality code {code} is not in the list of units; this budget line is skipped.",
  ],
  "issue.FUNDING_AMBIGUOUS_LOCALITY": [
    "Mã địa bàn {code} được dùng cho nhiều cấp; các dòng kinh phí mang mã này được tính cho đơn vị có mã này xuất hiện đầu tiên trong danh sách đơn vị.",
    "Locality code {code} is used at more than one level; budget lines with this code are counted for the first unit with this code in the list of units.",
  ],
};
