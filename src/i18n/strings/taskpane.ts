import type { Strings } from "../index";

/** The Excel task pane (src/taskpane) and the host errors it shows. */
export const taskpaneStrings: Strings = {
  // ------------------------------------------------------------ host errors (HostError codes)
  "host.error.cellEditing": [
    "Hãy kết thúc chỉnh sửa ô rồi thử lại",
    "Finish editing the cell, then try again",
  ],
  "host.error.busy": [
    "Excel đang bận với một yêu cầu khác. Hãy đợi một lát rồi thử lại.",
    "Excel is busy with another request. Wait a moment, then try again.",
  ],
  "host.error.tooLarge": [
    "Dữ liệu quá lớn để Excel xử lý trong một lần. Hãy bớt số dòng hoặc số cột rồi thử lại.",
    "The data is too large for Excel to handle at once. Use fewer rows or columns, then try again.",
  ],
  "host.error.readOnly": [
    "Sổ đang được bảo vệ hoặc chỉ cho phép đọc. Hãy bỏ bảo vệ rồi thử lại.",
    "The workbook is protected or read-only. Unprotect it, then try again.",
  ],
  "host.error.unknown": ["Excel báo lỗi: {message}", "Excel reported an error: {message}"],

  // ------------------------------------------------------------ frame
  "pane.lang.group": ["Ngôn ngữ", "Language"],
  "pane.lang.vi": ["Tiếng Việt", "Vietnamese"],
  "pane.lang.en": ["Tiếng Anh", "English"],
  "pane.tabs": ["Các mục của NTM Planner", "NTM Planner sections"],
  "pane.tab.setup": ["Thiết lập", "Setup"],
  "pane.tab.recalc": ["Tính toán", "Calculate"],
  "pane.tab.issues": ["Cảnh báo", "Issues"],
  "pane.tab.issuesCount": ["Cảnh báo: {count}", "Issues: {count}"],
  "pane.tab.funding": ["Nguồn vốn", "Funding"],
  "pane.tab.reports": ["Báo cáo", "Reports"],
  "pane.error.title": ["Không thực hiện được", "That did not work"],
  "pane.error.dismiss": ["Đóng thông báo", "Dismiss"],

  // ------------------------------------------------------------ recalculation
  "pane.recalc.heading": ["Tính lại kết quả", "Recalculate the results"],
  "pane.recalc.hint": [
    "Đọc các trang dữ liệu, đánh giá tiêu chí và ghi các trang KQ. Số liệu bạn đã nhập không bị thay đổi.",
    "Reads the data sheets, evaluates the criteria and writes the KQ result sheets. Nothing you typed is changed.",
  ],
  "pane.recalc.button": ["Tính lại", "Recalculate"],
  "pane.recalc.running": ["Đang tính…", "Recalculating…"],
  "pane.recalc.progressLabel": ["Tiến trình tính lại", "Recalculation progress"],
  "pane.step.read": ["Đang đọc dữ liệu…", "Reading the workbook…"],
  "pane.step.evaluate": ["Đang đánh giá tiêu chí…", "Evaluating the criteria…"],
  "pane.step.render": ["Đang lập bảng kết quả…", "Building the result sheets…"],
  "pane.step.write": ["Đang ghi kết quả vào sổ…", "Writing the results to the workbook…"],
  "pane.step.progress": ["Bước {n}/{total}: {step}", "Step {n} of {total}: {step}"],
  "pane.step.starting": ["Đang bắt đầu…", "Starting…"],
  "pane.recalc.done": ["Đã tính xong.", "Recalculation finished."],
  "pane.recalc.doneRibbon": [
    "Đã tính xong (từ nút “Tính lại” trên thanh ribbon).",
    "Recalculation finished (started from the ribbon's Recalculate button).",
  ],
  "pane.recalc.failed": ["Tính lại không thành công", "The recalculation failed"],
  "pane.recalc.unusable": [
    "Sổ chưa có chỉ tiêu hoặc địa bàn nào để tính; không có gì được ghi. Xem mục Cảnh báo.",
    "The workbook has no indicators or localities to evaluate yet; nothing was written. See Issues.",
  ],
  "pane.recalc.none": [
    "Chưa tính lần nào. Bấm “Tính lại” để xem kết quả.",
    "Nothing calculated yet. Press Recalculate to see the results.",
  ],
  "pane.auto.label": ["Tự động tính lại khi dữ liệu thay đổi", "Recalculate when the data changes"],
  "pane.auto.watching": [
    "Tính lại khoảng 1,5 giây sau khi bạn sửa các trang: {sheets}",
    "Recalculates about 1.5 s after you edit: {sheets}",
  ],
  "pane.auto.noSheets": ["Chưa thấy trang dữ liệu nào để theo dõi.", "No data sheets found to watch yet."],
  "pane.auto.failed": [
    "Không theo dõi được thay đổi của các trang dữ liệu.",
    "Could not watch the data sheets for changes.",
  ],

  // ------------------------------------------------------------ summary
  "pane.summary.heading": ["Tóm tắt", "Summary"],
  "pane.targets.heading": ["Mục tiêu của tỉnh", "The province's targets"],
  "pane.targets.none": ["Sổ chưa có mục tiêu nào.", "The workbook has no targets."],
  "pane.target.status.achieved": ["Đã đạt", "Achieved"],
  "pane.target.status.behind": ["Chậm so với mục tiêu", "Behind"],
  "pane.target.status.pending": ["Chưa đến hạn", "Not yet due"],
  "pane.target.values": [
    "Mục tiêu {target} năm {year}; hiện tại {actual}",
    "Target {target} by {year}; now {actual}",
  ],
  "pane.target.gap": ["còn thiếu {gap}", "{gap} to go"],
  "pane.target.noActual": ["chưa đo được", "not measurable yet"],
  "pane.target.points": ["{value} điểm %", "{value} percentage points"],
  "pane.bottlenecks.heading": ["Chỉ tiêu khó đạt nhất", "Hardest indicators"],
  "pane.bottlenecks.none": [
    "Chưa có chỉ tiêu nào được đánh giá ở cấp xã.",
    "No commune indicator has been evaluated.",
  ],
  "pane.bottleneck.share": [
    "{met}/{evaluated} xã đạt ({share})",
    "{met}/{evaluated} communes meet it ({share})",
  ],
  "pane.summary.viewIssues": ["Xem các vấn đề dữ liệu", "See the data problems"],

  // ------------------------------------------------------------ issues
  "pane.issues.heading": ["Vấn đề dữ liệu", "Data problems"],
  "pane.issues.notYet": ["Bấm “Tính lại” để kiểm tra dữ liệu.", "Press Recalculate to check the data."],
  "pane.issues.none": ["Không có vấn đề nào trong dữ liệu.", "No problems in the data."],
  "pane.issues.hint": [
    "Bấm vào một dòng (hoặc Enter) để đến ô đó.",
    "Click an item (or press Enter) to go to its cell.",
  ],
  "pane.issues.filter": ["Lọc theo mức độ", "Filter by severity"],
  "pane.issues.all": ["Tất cả ({count})", "All ({count})"],
  "pane.issues.filter.error": ["Lỗi ({count})", "Errors ({count})"],
  "pane.issues.filter.warning": ["Cảnh báo ({count})", "Warnings ({count})"],
  "pane.issues.filter.info": ["Thông tin ({count})", "Info ({count})"],
  "pane.severity.error": ["Lỗi", "Error"],
  "pane.severity.warning": ["Cảnh báo", "Warning"],
  "pane.severity.info": ["Thông tin", "Info"],
  "pane.issues.placeCell": ["{sheet}, ô {cell}", "{sheet}, cell {cell}"],
  "pane.issues.goTo": ["Đến ô {cell} trang {sheet}", "Go to cell {cell} on {sheet}"],
  "pane.issues.showMore": ["Hiện thêm {count}", "Show {count} more"],
  "pane.issues.listLabel": ["Danh sách vấn đề dữ liệu", "List of data problems"],

  // ------------------------------------------------------------ funding
  "pane.funding.heading": ["Cơ cấu nguồn vốn của tỉnh", "The province's funding mix"],
  "pane.funding.notYet": [
    "Bấm “Tính lại” để xem cơ cấu nguồn vốn.",
    "Press Recalculate to see the funding mix.",
  ],
  "pane.funding.none": [
    "Sổ chưa có dòng kinh phí kế hoạch nào.",
    "The workbook has no planned budget lines.",
  ],
  "pane.funding.total": ["Tổng vốn kế hoạch: {total} {unit}", "Planned total: {total} {unit}"],
  "pane.funding.actual": [
    "Đã thực hiện: {actual} {unit} ({rate} kế hoạch)",
    "Disbursed: {actual} {unit} ({rate} of the plan)",
  ],
  "pane.funding.tableLabel": ["Tỷ trọng các nguồn vốn", "Share of each funding source"],
  "pane.funding.source": ["Nguồn", "Source"],
  "pane.funding.withCredit": ["Có tín dụng", "With credit"],
  "pane.funding.withoutCredit": ["Không tính tín dụng", "Without credit"],
  "pane.funding.creditExcluded": ["không tính", "excluded"],
  "pane.funding.showSub": ["Hiện nguồn con", "Show sub-sources"],
  "pane.flags.heading": ["Tiêu chí chưa đạt nhưng chưa bố trí vốn", "Unmet criteria with no money planned"],
  "pane.flags.none": [
    "Mọi tiêu chí chưa đạt đều đã có vốn kế hoạch.",
    "Every unmet criterion has money planned.",
  ],
  "pane.flags.count": [
    "{localities} địa bàn, {criteria} tiêu chí chưa đạt không có vốn kế hoạch",
    "{localities} localities, {criteria} unmet criteria without planned money",
  ],
  "pane.flags.more": [
    "Và {count} địa bàn khác – xem trang KQ Nguồn vốn.",
    "And {count} more localities – see the KQ Nguồn vốn sheet.",
  ],

  // ------------------------------------------------------------ setup: template
  "pane.template.heading": ["Tạo các trang mẫu", "Create the template sheets"],
  "pane.template.hint": [
    "Thêm các trang nhập liệu vào sổ đang mở. Trang đã có được giữ nguyên.",
    "Adds the input sheets to the open workbook. Sheets that already exist are left as they are.",
  ],
  "pane.template.set": ["Bộ tiêu chí", "Criteria set"],
  "pane.template.region": ["Vùng", "Region"],
  "pane.template.year": ["Năm đánh giá", "Evaluation year"],
  "pane.template.provinceCode": ["Mã tỉnh", "Province code"],
  "pane.template.provinceName": ["Tên tỉnh", "Province name"],
  "pane.template.yearRange": ["Năm phải từ {from} đến {to}.", "The year must be from {from} to {to}."],
  "pane.template.create": ["Tạo trang mẫu", "Create the sheets"],
  "pane.template.creating": ["Đang tạo…", "Creating…"],
  "pane.template.created": ["Đã tạo {count} trang: {names}.", "Created {count} sheets: {names}."],
  "pane.template.skipped": [
    "Bỏ qua {count} trang đã có: {names}.",
    "Skipped {count} sheets that already exist: {names}.",
  ],

  // ------------------------------------------------------------ setup: mapping
  "pane.mapping.heading": ["Ánh xạ các trang của bạn", "Map your own sheets"],
  "pane.mapping.hint": [
    "Khi sổ không theo mẫu: chọn trang, dòng tiêu đề và cột của từng mục, rồi lưu.",
    "When the workbook has its own layout: pick the sheet, header row and column of each item, then save.",
  ],
  "pane.mapping.detecting": ["Đang dò các cột…", "Detecting the columns…"],
  "pane.mapping.sheet": ["Trang", "Sheet"],
  "pane.mapping.noSheetOption": ["(không dùng)", "(none)"],
  "pane.mapping.headerRow": ["Dòng tiêu đề", "Header row"],
  "pane.mapping.noColumnOption": ["(không có)", "(none)"],
  "pane.mapping.columnOption": ["{column} – {header}", "{column} – {header}"],
  "pane.mapping.required": ["bắt buộc", "required"],
  "pane.mapping.missingRequired": ["Thiếu cột bắt buộc: {list}", "Required columns missing: {list}"],
  "pane.mapping.noSheet": ["Chưa có trang nào cho mục này.", "No sheet for this item yet."],
  "pane.mapping.roleSummary": ["{found}/{total} cột", "{found}/{total} columns"],
  "pane.mapping.kind.field": ["Thông tin", "Fields"],
  "pane.mapping.kind.indicator": ["Chỉ tiêu", "Indicators"],
  "pane.mapping.kind.source": ["Nguồn vốn", "Funding sources"],
  "pane.mapping.kind.threshold": ["Ngưỡng", "Thresholds"],
  "pane.confidence.high": ["Chắc chắn", "High"],
  "pane.confidence.medium": ["Khá chắc", "Medium"],
  "pane.confidence.low": ["Chưa chắc", "Low"],
  "pane.confidence.missing": ["Không thấy", "Missing"],
  "pane.confidence.mapped": ["Bạn chọn", "Set by you"],
  "pane.mapping.save": ["Lưu và tính lại", "Save and recalculate"],
  "pane.mapping.clear": ["Xoá ánh xạ", "Clear mapping"],
  "pane.mapping.saved": ["Đã lưu ánh xạ.", "Mapping saved."],
  "pane.mapping.cleared": [
    "Đã xoá ánh xạ; các trang được nhận theo tên.",
    "Mapping cleared; sheets are found by their names.",
  ],
  "pane.mapping.refresh": ["Dò lại", "Detect again"],
  "pane.mapping.missingCount": ["thiếu {count}", "{count} missing"],
  "pane.mapping.requiredMissing": ["Chưa có cột cho mục bắt buộc này.", "This required item has no column."],
  "pane.mapping.unsaved": ["Có thay đổi chưa lưu.", "Unsaved changes."],

  // ------------------------------------------------------------ reports
  "pane.reports.heading": ["Xuất báo cáo", "Export reports"],
  "pane.reports.hintWorkbooks": [
    "Mỗi báo cáo mở thành một sổ Excel mới. Sổ đang mở không thay đổi.",
    "Each report opens as a new Excel workbook. This workbook does not change.",
  ],
  "pane.reports.hintSheets": [
    "Báo cáo được thêm vào sổ này thành các trang “BC …”. Số liệu bạn đã nhập không thay đổi.",
    "The reports are added to this workbook as “BC …” sheets. Nothing you typed is changed.",
  ],
  "pane.reports.loading": ["Đang đọc sổ để tìm các sở, ngành…", "Reading the workbook for departments…"],
  "pane.reports.unusable": [
    "Sổ chưa có chỉ tiêu hoặc địa bàn nào để báo cáo. Xem mục Cảnh báo.",
    "The workbook has no indicators or localities to report on yet. See Issues.",
  ],
  "pane.reports.choose": ["Báo cáo cần xuất", "Reports to export"],
  "pane.reports.all": ["Chọn tất cả ({count})", "Select all ({count})"],
  "pane.reports.indicators": ["{count} chỉ tiêu", "{count} indicators"],
  "pane.reports.noDepartments": [
    "Bảng tiêu chí chưa ghi sở, ngành phụ trách: chỉ có báo cáo tổng hợp.",
    "The criteria sheet names no lead departments: only the summary is available.",
  ],
  "pane.reports.summary": ["Báo cáo tổng hợp của tỉnh", "Province summary"],
  "pane.reports.date": ["Ngày báo cáo", "Report date"],
  "pane.reports.dateInvalid": ["Hãy chọn một ngày hợp lệ.", "Choose a valid date."],
  "pane.reports.export": ["Xuất báo cáo", "Export reports"],
  "pane.reports.zip": ["Tải tất cả (.zip)", "Download all (.zip)"],
  "pane.reports.preparing": ["Đang chuẩn bị báo cáo…", "Preparing the reports…"],
  "pane.reports.progress": [
    "Đang tạo báo cáo {current}/{total}: {name}…",
    "Making report {current} of {total}: {name}…",
  ],
  "pane.reports.progressLabel": ["Tiến trình xuất báo cáo", "Report export progress"],
  "pane.reports.doneWorkbooks": [
    "Đã mở {count} báo cáo, mỗi báo cáo trong một sổ mới.",
    "Opened {count} reports, each in a new workbook.",
  ],
  "pane.reports.doneSheets": [
    "Đã thêm {count} báo cáo vào sổ này:",
    "Added {count} reports to this workbook:",
  ],
  "pane.reports.doneZip": ["Đã tải xuống {name} ({count} báo cáo).", "Downloaded {name} ({count} reports)."],
  "pane.reports.charts": ["Đã vẽ {count} biểu đồ.", "Drew {count} charts."],
  "pane.reports.chartsSkipped": [
    "Phiên bản Excel này không vẽ được {count} biểu đồ; số liệu vẫn có trong báo cáo.",
    "This version of Excel could not draw {count} charts; the figures are in the reports.",
  ],
  "pane.reports.renamed": [
    "Trang “{name}” là của bạn nên được giữ nguyên; báo cáo ghi vào “{used}”.",
    "The sheet “{name}” is yours and was left alone; the report went to “{used}”.",
  ],
  "pane.reports.nothing": ["Không có báo cáo nào được chọn.", "No report is selected."],
  "pane.reports.failed": ["Không xuất được báo cáo", "The reports could not be exported"],
  "pane.reports.dryFailed": ["Không đọc được sổ", "Could not read the workbook"],
};
