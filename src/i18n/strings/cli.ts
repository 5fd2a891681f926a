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
  "cli.step.reports": ["Đang lập báo cáo…", "Building the reports…"],
  "cli.reports.wroteZip": [
    "Đã ghi {file} (tệp nén gồm {count} báo cáo trên)",
    "Wrote {file} (a zip of the {count} reports above)",
  ],
  "cli.reports.unknownDept": [
    "Không có sở, ngành nào tên «{name}» trong sheet chỉ tiêu (cột sở, ngành phụ trách).",
    "No department named “{name}” in the indicators sheet (lead department column).",
  ],
  "cli.reports.deptList": ["Các sở, ngành có trong sổ:", "Departments in the workbook:"],
  "cli.reports.noDepts": [
    "Sổ chưa ghi sở, ngành phụ trách cho chỉ tiêu nào.",
    "The workbook names no lead department for any indicator.",
  ],
  "cli.reports.none": [
    "Không có báo cáo nào để lập: không có sở, ngành nào và đã bỏ báo cáo tổng hợp (--no-summary).",
    "No report to build: no department, and the summary was left out (--no-summary).",
  ],
  "cli.error.badDate": [
    "Ngày không hợp lệ cho --date: {value} (dạng YYYY-MM-DD, ví dụ 2026-11-27)",
    "Invalid date for --date: {value} (format YYYY-MM-DD, e.g. 2026-11-27)",
  ],
  "cli.error.write": [
    "Không ghi được báo cáo vào {dir}: {reason}",
    "Cannot write the reports to {dir}: {reason}",
  ],
  "cli.pdf.converting": [
    "Đang chuyển {count} báo cáo sang PDF bằng LibreOffice…",
    "Converting {count} reports to PDF with LibreOffice…",
  ],
  "cli.pdf.noSoffice": [
    "Không tạo PDF: máy này chưa cài LibreOffice (không tìm thấy lệnh soffice). Các tệp .xlsx vẫn được ghi. Cài LibreOffice (Debian/Ubuntu: apt-get install libreoffice-calc) rồi chạy lại với --pdf.",
    "PDFs skipped: LibreOffice is not installed on this machine (no soffice command found). The .xlsx files were written. Install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-calc) and run again with --pdf.",
  ],
  "cli.pdf.timeout": [
    "Không chuyển được {file} sang PDF: LibreOffice không xong sau {seconds} giây.",
    "Could not convert {file} to PDF: LibreOffice did not finish within {seconds} seconds.",
  ],
  "cli.pdf.failed": [
    "Không chuyển được {file} sang PDF ({detail}).",
    "Could not convert {file} to PDF ({detail}).",
  ],
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
