import type { Strings } from "../index";

/** Messages for issues raised by the engine (src/domain). */
export const domainStrings: Strings = {
  "issue.placeCell": ["Trang “{sheet}”, ô {cell}", "Sheet “{sheet}”, cell {cell}"],
  "issue.placeSheet": ["Trang “{sheet}”", "Sheet “{sheet}”"],
  "issue.placeFile": ["Tệp “{file}”", "File “{file}”"],
  "issue.DUPLICATE_LOCALITY": [
    "Mã địa bàn {code} ({name}) bị trùng; đã dùng dòng đầu tiên ({first}) và bỏ qua dòng này.",
    "Locality code {code} ({name}) is listed twice; the first row ({first}) is used and this row is ignored.",
  ],
  "issue.UNKNOWN_PARENT": [
    "Không tìm thấy đơn vị cấp trên «{parent}» của {name} ({code}); địa bàn này chỉ được tính vào tổng của tỉnh.",
    "Parent unit “{parent}” of {name} ({code}) was not found; this locality is counted only in the province totals.",
  ],
  "issue.DUPLICATE_INDICATOR": [
    "Chỉ tiêu {code} được khai báo hai lần cho năm {year}; đã dùng dòng đầu tiên.",
    "Indicator {code} is defined twice for {year}; the first row is used.",
  ],
};
