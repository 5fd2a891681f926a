import type { Strings } from "../index";

/** Command line and summary strings. */
export const cliStrings: Strings = {
  "summary.title": [
    "{province} – năm {year} – Bộ tiêu chí {set}",
    "{province} – {year} – criteria set {set}",
  ],
  "summary.communesNtm": [
    "Xã đạt chuẩn NTM: {ntm}/{communes} ({share})",
    "Communes meeting the NTM standard: {ntm}/{communes} ({share})",
  ],
  "summary.targetRemaining": [
    "mục tiêu {target} năm {year}: còn {remaining} xã",
    "target {target} in {year}: {remaining} communes to go",
  ],
  "summary.targetReached": ["đạt mục tiêu {target} năm {year}", "target {target} for {year} reached"],
  "summary.advancedModel": [
    "Xã NTM nâng cao: {advanced} ({advancedShare}); xã NTM kiểu mẫu: {model} ({modelShare}); xã dưới 15 tiêu chí: {below15}",
    "Advanced communes: {advanced} ({advancedShare}); model communes: {model} ({modelShare}); communes below 15 criteria: {below15}",
  ],
  "summary.districts": [
    "Huyện đạt chuẩn NTM/hoàn thành nhiệm vụ: {ntm}/{districts}",
    "Districts meeting the NTM standard / completing the task: {ntm}/{districts}",
  ],
  "summary.bottlenecks": ["Chỉ tiêu khó đạt nhất: {list}", "Hardest indicators: {list}"],
  "summary.funding": [
    "Tổng vốn kế hoạch: {total} {unit}; ngân sách nhà nước chiếm {state} (không tính tín dụng)",
    "Planned funding: {total} {unit}; state budget {state} of it (credit excluded)",
  ],
  "summary.noIssues": ["Không có lỗi dữ liệu.", "No data problems."],
  "summary.issues": [
    "Dữ liệu có {errors} lỗi và {warnings} cảnh báo – xem sheet cảnh báo.",
    "The data has {errors} errors and {warnings} warnings – see the issues sheet.",
  ],
  "cli.description": [
    "NTM Planner – tính mức đạt tiêu chí nông thôn mới và cơ cấu nguồn vốn từ sổ Excel",
    "NTM Planner – New Rural Development attainment and funding mix from Excel workbooks",
  ],
  "cli.step.read": ["Đang đọc dữ liệu…", "Reading the workbook…"],
  "cli.step.evaluate": ["Đang đánh giá tiêu chí…", "Evaluating criteria…"],
  "cli.step.render": ["Đang lập bảng kết quả…", "Building result sheets…"],
  "cli.step.write": ["Đang ghi kết quả vào sổ…", "Writing results…"],
  "cli.step.save": ["Đang lưu tệp {file}…", "Saving {file}…"],
  "cli.step.sample": ["Đang tạo sổ dữ liệu mẫu Hà Tĩnh…", "Building the Hà Tĩnh sample workbook…"],
  "cli.wrote": ["Đã ghi {file}", "Wrote {file}"],
  "cli.templateWritten": [
    "Đã tạo mẫu nhập liệu {file} (bộ tiêu chí {set}, năm {year})",
    "Template written to {file} (criteria set {set}, year {year})",
  ],
  "cli.error.open": ["Không mở được tệp {file}: {reason}", "Cannot open {file}: {reason}"],
  "cli.error.unusable": [
    "Không thể tính: sổ không có chỉ tiêu hoặc không có địa bàn nào. Kiểm tra sheet «Chỉ tiêu» và «Dữ liệu xã».",
    "Nothing to compute: the workbook has no indicators or no localities. Check the “Indicators” and “Commune data” sheets.",
  ],
  "cli.error.exists": [
    "Tệp {file} đã tồn tại; dùng --force để ghi đè.",
    "{file} already exists; use --force to overwrite it.",
  ],
  "cli.error.badOption": [
    "Giá trị không hợp lệ cho {option}: {value}",
    "Invalid value for {option}: {value}",
  ],
  "cli.error.mapping": [
    "Không đọc được tệp ánh xạ cột {file}: {reason}",
    "Cannot read the column mapping {file}: {reason}",
  ],
  "cli.issuesHeader": ["Các vấn đề dữ liệu ({count}):", "Data problems ({count}):"],
  "cli.issuesMore": [
    "… và {count} vấn đề khác (xem sheet cảnh báo hoặc tệp JSON).",
    "… and {count} more (see the issues sheet or the JSON file).",
  ],
  "cli.severity.error": ["Lỗi", "Error"],
  "cli.severity.warning": ["Cảnh báo", "Warning"],
  "cli.severity.info": ["Thông tin", "Info"],
};
