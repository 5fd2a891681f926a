import type { Strings } from "../index";

/**
 * Strings of the input workbook: the template's titles and instructions, and the messages of the
 * issues the reader raises (`issue.<CODE>`). Issue params always carry `sheet` (and `cell` when the
 * problem is in one cell); messages without a cell name only the sheet.
 */
export const readerStrings: Strings = {
  // ---------- Issues: sheets and columns ----------
  "issue.MISSING_SHEET": [
    "Không tìm thấy trang “{name}” ({role}). Các số liệu của trang này sẽ không được đánh giá.",
    "Sheet “{nameEn}” ({role}) was not found. Its data will not be evaluated.",
  ],
  "issue.MAPPED_SHEET_NOT_FOUND": [
    "Bảng ánh xạ chỉ định trang “{name}” cho vai trò {role}, nhưng workbook không có trang này; đã tìm theo tên mặc định.",
    "The column mapping names sheet “{name}” for {role}, but the workbook has no such sheet; the default names were used.",
  ],
  "issue.MAPPED_COLUMN_INVALID": [
    "Trang “{sheet}”: cột “{column}” được ánh xạ cho “{key}” không phải là tên cột hợp lệ (A, B, …, AA…).",
    "Sheet “{sheet}”: column “{column}” mapped for “{key}” is not valid column letters (A, B, …, AA…).",
  ],
  "issue.MISSING_KEY_COLUMN": [
    "Trang “{sheet}”: không tìm thấy cột “{column}” (hoặc dòng tiêu đề). Trang này không được đọc.",
    "Sheet “{sheet}”: the “{columnEn}” column (or the header row) was not found. The sheet was not read.",
  ],
  "issue.DUPLICATE_COLUMN": [
    "Trang “{sheet}”, ô {cell}: cột “{key}” xuất hiện lần thứ hai; chỉ dùng cột đầu tiên.",
    "Sheet “{sheet}”, cell {cell}: column “{key}” appears twice; only the first one is used.",
  ],
  "issue.MISSING_DATA_COLUMN": [
    "Trang “{sheet}”: không có cột số liệu cho chỉ tiêu/cột “{code}” khai báo trong trang Chỉ tiêu; các giá trị này sẽ bị coi là thiếu.",
    "Sheet “{sheet}”: no data column for “{code}”, which the criteria sheet uses; those values will be treated as missing.",
  ],
  "issue.UNKNOWN_CODE_COLUMN": [
    "Trang “{sheet}”, ô {cell}: tiêu đề “{header}” giống mã chỉ tiêu nhưng không có trong trang Chỉ tiêu; cột này được bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: header “{header}” looks like an indicator code that is not in the criteria sheet; the column is ignored.",
  ],
  "issue.DATA_COLUMN_OTHER_LEVEL": [
    "Trang “{sheet}”, ô {cell}: cột “{header}” thuộc chỉ tiêu {code} của cấp khác; cột này được bỏ qua ở trang này.",
    "Sheet “{sheet}”, cell {cell}: column “{header}” belongs to indicator {code} of another level; it is ignored on this sheet.",
  ],

  // ---------- Issues: criteria sheet ----------
  "issue.NO_INDICATORS": [
    "Trang “{sheet}” không có chỉ tiêu nào đọc được: không thể đánh giá.",
    "Sheet “{sheet}” has no readable indicator: nothing can be evaluated.",
  ],
  "issue.NO_THRESHOLD_COLUMNS": [
    "Trang “{sheet}”: không tìm thấy cột ngưỡng nào (Ngưỡng BTB, Ngưỡng nhóm 1, Ngưỡng…); mọi chỉ tiêu sẽ thiếu ngưỡng.",
    "Sheet “{sheet}”: no threshold column was found (Threshold BTB, Threshold group 1, Threshold…); every indicator will lack a threshold.",
  ],
  "issue.BLANK_INDICATOR_CODE": [
    "Trang “{sheet}”, ô {cell}: dòng có nội dung nhưng chưa có mã chỉ tiêu; dòng này bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: the row has content but no indicator code; it was skipped.",
  ],
  "issue.UNKNOWN_VALUE_KIND": [
    "Trang “{sheet}”, ô {cell}: kiểu giá trị “{value}” của chỉ tiêu {code} không hợp lệ (Tỷ lệ %, Số, Đạt/Không); chỉ tiêu bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: value type “{value}” of indicator {code} is not valid (Percent, Number, Yes/No); the indicator was skipped.",
  ],
  "issue.UNKNOWN_COMPARATOR": [
    "Trang “{sheet}”, ô {cell}: phép so sánh “{value}” của chỉ tiêu {code} không hợp lệ (>=, <=, =, Đạt); chỉ tiêu bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: comparator “{value}” of indicator {code} is not valid (>=, <=, =, Pass); the indicator was skipped.",
  ],
  "issue.UNKNOWN_LEVEL": [
    "Trang “{sheet}”, ô {cell}: cấp “{value}” của chỉ tiêu {code} không hợp lệ (Tỉnh, Huyện, Xã, Thôn); chỉ tiêu bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: level “{value}” of indicator {code} is not valid (Province, District, Commune, Village); the indicator was skipped.",
  ],
  "issue.UNKNOWN_TIER": [
    "Trang “{sheet}”, ô {cell}: loại “{value}” của chỉ tiêu {code} không hợp lệ (NTM, Nâng cao, Kiểu mẫu, Điều kiện); chỉ tiêu bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: tier “{value}” of indicator {code} is not valid (NTM, Advanced, Model, Condition); the indicator was skipped.",
  ],
  "issue.INVALID_INDICATOR_YEAR": [
    "Trang “{sheet}”, ô {cell}: năm áp dụng “{value}” của chỉ tiêu {code} không phải là năm; chỉ tiêu bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: year “{value}” of indicator {code} is not a year; the indicator was skipped.",
  ],
  "issue.DUPLICATE_INDICATOR_ROW": [
    "Trang “{sheet}”, ô {cell}: chỉ tiêu {code} {year} đã khai báo ở ô {first}; dòng này bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: indicator {code} {year} is already defined in cell {first}; this row was skipped.",
  ],
  "issue.INVALID_YES_NO": [
    "Trang “{sheet}”, ô {cell}: “{value}” (chỉ tiêu {code}) không phải Có/Không; coi như Không.",
    "Sheet “{sheet}”, cell {cell}: “{value}” (indicator {code}) is not Yes/No (Có/Không); read as No.",
  ],
  "issue.INVALID_THRESHOLD": [
    "Trang “{sheet}”, ô {cell}: ngưỡng “{value}” của chỉ tiêu {code} không phải số hoặc Đạt/Không đạt (kiểu {kind}); ngưỡng này bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: threshold “{value}” of indicator {code} is not a number or Đạt/Không đạt (type {kind}); it was ignored.",
  ],
  "issue.INVALID_DERIVED": [
    "Trang “{sheet}”, ô {cell}: “{value}” (chỉ tiêu {code}) không đúng dạng ngưỡng tính từ, ví dụ “110% × NC.10”; bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: “{value}” (indicator {code}) is not a derived threshold such as “110% × NC.10”; ignored.",
  ],
  "issue.CRITERION_MISSING": [
    "Trang “{sheet}”, ô {cell}: chỉ tiêu {code} chưa ghi tiêu chí; tạm xếp vào tiêu chí {criterion}.",
    "Sheet “{sheet}”, cell {cell}: indicator {code} has no criterion; it was put under criterion {criterion}.",
  ],

  // ---------- Issues: locality sheets ----------
  "issue.BLANK_LOCALITY_CODE": [
    "Trang “{sheet}”, ô {cell}: dòng “{name}” chưa có mã địa bàn; dòng này bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: row “{name}” has no locality code; it was skipped.",
  ],
  "issue.INVALID_REGION": [
    "Trang “{sheet}”, ô {cell}: vùng “{value}” của {locality} không hợp lệ; dùng vùng của tỉnh.",
    "Sheet “{sheet}”, cell {cell}: region “{value}” of {locality} is not valid; the province's region is used.",
  ],
  "issue.INVALID_FLAG": [
    "Trang “{sheet}”, ô {cell}: “{value}” ({locality}) không hiểu được; đánh “x” nếu có, để trống nếu không.",
    "Sheet “{sheet}”, cell {cell}: “{value}” ({locality}) is not understood; type “x” for yes, leave blank for no.",
  ],
  "issue.INVALID_GROUP": [
    "Trang “{sheet}”, ô {cell}: nhóm xã “{value}” của {locality} không hợp lệ (1, 2 hoặc 3).",
    "Sheet “{sheet}”, cell {cell}: commune group “{value}” of {locality} is not valid (1, 2 or 3).",
  ],
  "issue.EXCEL_ERROR_VALUE": [
    "Trang “{sheet}”, ô {cell}: ô có lỗi Excel {value} ({locality}, {code}); giá trị coi như không hợp lệ.",
    "Sheet “{sheet}”, cell {cell}: the cell holds the Excel error {value} ({locality}, {code}); the value is treated as invalid.",
  ],
  "issue.NOT_A_NUMBER": [
    "Trang “{sheet}”, ô {cell}: “{value}” ({locality}, {code}) không phải {expected}.",
    "Sheet “{sheet}”, cell {cell}: “{value}” ({locality}, {code}) is not {expectedEn}.",
  ],
  "issue.NOT_A_PASS_VALUE": [
    "Trang “{sheet}”, ô {cell}: “{value}” ({locality}, {code}) không phải Đạt/Không đạt.",
    "Sheet “{sheet}”, cell {cell}: “{value}” ({locality}, {code}) is not Met/Not met (Đạt/Không đạt).",
  ],

  // ---------- Issues: budget and targets ----------
  "issue.NO_FUNDING_COLUMNS": [
    "Trang “{sheet}”: không nhận ra cột nguồn vốn nào (ví dụ “Ngân sách trung ương (NSTW)”); trang không được đọc.",
    "Sheet “{sheet}”: no funding-source column was recognised (e.g. “Ngân sách trung ương (NSTW)”); the sheet was not read.",
  ],
  "issue.BUDGET_AMOUNT_NOT_NUMBER": [
    "Trang “{sheet}”, ô {cell}: số vốn “{value}” ({source}) không phải là số; bỏ qua ô này.",
    "Sheet “{sheet}”, cell {cell}: amount “{value}” ({source}) is not a number; the cell was ignored.",
  ],
  "issue.UNKNOWN_BUDGET_KIND": [
    "Trang “{sheet}”, ô {cell}: loại “{value}” không phải Kế hoạch/Thực hiện; dòng này bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: type “{value}” is not Plan/Actual (Kế hoạch/Thực hiện); the row was skipped.",
  ],
  "issue.INVALID_YEAR": [
    "Trang “{sheet}”, ô {cell}: “{value}” không phải là năm; bỏ qua năm của dòng này.",
    "Sheet “{sheet}”, cell {cell}: “{value}” is not a year; the row's year was ignored.",
  ],
  "issue.UNKNOWN_TARGET_METRIC": [
    "Trang “{sheet}”, ô {cell}: chỉ số mục tiêu “{value}” không có trong danh sách; dòng này bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: target metric “{value}” is not in the list; the row was skipped.",
  ],
  "issue.INVALID_TARGET_YEAR": [
    "Trang “{sheet}”, ô {cell}: năm mục tiêu “{value}” không hợp lệ; dòng này bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: target year “{value}” is not valid; the row was skipped.",
  ],
  "issue.INVALID_TARGET_COMPARATOR": [
    "Trang “{sheet}”, ô {cell}: so sánh “{value}” không hợp lệ (>= hoặc <=); dòng này bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: comparator “{value}” is not valid (>= or <=); the row was skipped.",
  ],
  "issue.INVALID_TARGET_VALUE": [
    "Trang “{sheet}”, ô {cell}: giá trị mục tiêu “{value}” không phải là số; dòng này bị bỏ qua.",
    "Sheet “{sheet}”, cell {cell}: target value “{value}” is not a number; the row was skipped.",
  ],

  // ---------- Issues: settings ----------
  "issue.SETTINGS_INVALID_VALUE": [
    "Trang “{sheet}”: giá trị “{value}” của mục “{label}” không hợp lệ; dùng giá trị mặc định.",
    "Sheet “{sheet}”: value “{value}” of “{labelEn}” is not valid; the default is used.",
  ],
  "issue.SETTINGS_YEAR_MISSING": [
    "Trang “{sheet}”: chưa nhập Năm đánh giá; tạm dùng năm {fallback}.",
    "Sheet “{sheet}”: the evaluation year is missing; {fallback} is used for now.",
  ],
  "issue.SETTINGS_YEAR_INVALID": [
    "Trang “{sheet}”: Năm đánh giá “{value}” không hợp lệ; tạm dùng năm {fallback}.",
    "Sheet “{sheet}”: evaluation year “{value}” is not valid; {fallback} is used for now.",
  ],
  "issue.SETTINGS_YEAR_OUTSIDE_SET": [
    "Trang “{sheet}”: năm đánh giá {year} nằm ngoài giai đoạn của bộ tiêu chí {set}.",
    "Sheet “{sheet}”: evaluation year {year} is outside the period of the {set} criteria set.",
  ],
  "issue.SETTINGS_SET_DEFAULTED": [
    "Trang “{sheet}”: chưa chọn Bộ tiêu chí; dùng bộ {set} theo năm đánh giá.",
    "Sheet “{sheet}”: no criteria set chosen; {set} is used, from the evaluation year.",
  ],
  "issue.SETTINGS_REGION_MISSING": [
    "Trang “{sheet}”: không xác định được vùng của tỉnh (mục Vùng hoặc Mã tỉnh); tạm dùng vùng {fallback}. Ngưỡng theo vùng có thể sai.",
    "Sheet “{sheet}”: the province's region is unknown (Region or Province code); {fallback} is used for now. Region thresholds may be wrong.",
  ],

  "issue.SETTING_INFERRED": [
    "Lấy {label} = {value} từ {from}{quoted}; nếu chưa đúng, hãy sửa ở phần Thiết lập.",
    "{labelEn} = {value} was taken from {from}{quoted}; if it is wrong, correct it in Setup.",
  ],
  "issue.from.title": ["tiêu đề biểu", "the form's title"],
  "issue.from.period": ["giai đoạn hoặc quyết định ghi trong tiêu đề", "the period or decision in the title"],
  "issue.from.letterhead": ["tên cơ quan ở đầu biểu", "the letterhead"],
  "issue.from.names": ["tên các xã trong sổ", "the names of the communes"],
  "issue.from.unitLine": ["dòng đơn vị tính", "the unit line"],
  "issue.from.yearColumn": ["cột Năm", "the year column"],
  "issue.SETTINGS_CONFLICT": [
    "Trang “{sheet}”, ô {cell}: tiêu đề ghi năm {value}, khác năm {chosen} ở {other}; đang dùng năm {chosen}.",
    "Sheet “{sheet}”, cell {cell}: the title says {value}, unlike {chosen} at {other}; {chosen} is used.",
  ],
  "issue.SHEET_IGNORED": [
    "Trang “{sheet}” không giống bảng nào NTM Planner đọc được ({why}); trang này không được đọc. Nếu cần, hãy chọn vai trò cho trang ở phần Thiết lập.",
    "Sheet “{sheet}” looks like no table NTM Planner reads ({why}); it was not read. If it should be, choose its role in Setup.",
  ],
  "issue.why.unknown": ["không nhận ra tiêu đề cột", "no column header recognised"],
  "issue.why.hidden": ["trang ẩn, có vẻ là trang phụ", "a hidden sheet that looks like a helper"],
  "issue.CATALOG_SET_USED": [
    "Sổ không có trang chỉ tiêu: đánh giá theo bộ tiêu chí {set} có sẵn ({criteria} tiêu chí cấp xã). Tiêu chí chưa có số liệu: {withoutData}.",
    "The workbook has no criteria sheet: the built-in {set} criteria set is used ({criteria} commune criteria). Criteria without data: {withoutData}.",
  ],
  "issue.COMPARATOR_FROM_CATALOG": [
    "Trang “{sheet}”, ô {cell}: chỉ tiêu {code} chưa ghi phép so sánh; dùng “{comparator}” theo bộ tiêu chí quốc gia.",
    "Sheet “{sheet}”, cell {cell}: indicator {code} has no comparator; “{comparator}” is used, as in the national set.",
  ],
  "issue.NAME_UNMATCHED": [
    "Trang “{sheet}”, ô {cell}: không tìm thấy đơn vị “{name}” trong danh mục đơn vị hành chính; vẫn tính theo tên này. Gần giống: {candidates}.",
    "Sheet “{sheet}”, cell {cell}: no administrative unit is named “{name}”; the row is kept under that name. Closest: {candidates}.",
  ],
  "issue.NAME_AMBIGUOUS": [
    "Trang “{sheet}”, ô {cell}: tên “{name}” trùng với nhiều đơn vị ({candidates}); hãy chọn đúng đơn vị ở phần Thiết lập hoặc ghi mã xã.",
    "Sheet “{sheet}”, cell {cell}: “{name}” fits several units ({candidates}); pick the right one in Setup or type the commune code.",
  ],
  "issue.SECTION_NOT_DISTRICT": [
    "Trang “{sheet}”, ô {cell}: dòng nhóm “{name}” không phải tên một huyện; các xã bên dưới không được xếp vào huyện nào.",
    "Sheet “{sheet}”, cell {cell}: section “{name}” is not a district; the communes under it are not put in a district.",
  ],
  "issue.NAMES_WITHOUT_UNIT_LIST": [
    "Trang “{sheet}”: {count} đơn vị chỉ có tên, không có mã và không có danh mục đơn vị để đối chiếu; các dòng được tính theo tên.",
    "Sheet “{sheet}”: {count} units have a name but no code, and no unit list to match them; the rows are read under their names.",
  ],
  "issue.TYPED_TOTAL_MISMATCH": [
    "Trang “{sheet}”, ô {cell}: tổng ghi {typed} nhưng cộng các ô {parts} được {computed}; kết quả tính từ các ô thành phần.",
    "Sheet “{sheet}”, cell {cell}: the total says {typed} but cells {parts} add up to {computed}; results use the parts.",
  ],
  "issue.TYPED_COUNT_MISMATCH": [
    "Trang “{sheet}”, ô {cell}: ghi {typed} nhưng NTM Planner đếm được {computed} ({what}); kiểm tra lại số liệu.",
    "Sheet “{sheet}”, cell {cell}: the sheet says {typed} but NTM Planner counts {computed} ({whatEn}); check the data.",
  ],
  "issue.DUPLICATE_LOCALITY_VALUE": [
    "Trang “{sheet}”, ô {cell}: {name} ({code}) có giá trị {data} khác với ô {first}; dùng giá trị ở {first}.",
    "Sheet “{sheet}”, cell {cell}: {name} ({code}) has another value for {data} than {first}; the value at {first} is used.",
  ],
  "issue.NOTHING_EVALUABLE": [
    "Chưa đánh giá được mức đạt chuẩn: {reason}",
    "Attainment could not be evaluated: {reason}",
  ],

  // ---------- Template: sheet titles and hints ----------
  "template.title.instructions": [
    "HƯỚNG DẪN SỬ DỤNG SỔ NHẬP LIỆU NTM",
    "HOW TO FILL IN THE NTM INPUT WORKBOOK",
  ],
  "template.title.settings": ["THIẾT LẬP CHUNG", "GENERAL SETTINGS"],
  "template.title.criteria": ["BỘ CHỈ TIÊU ĐÁNH GIÁ ({set})", "EVALUATED INDICATORS ({set})"],
  "template.title.communes": ["SỐ LIỆU CẤP XÃ", "COMMUNE DATA"],
  "template.title.districts": ["SỐ LIỆU CẤP HUYỆN", "DISTRICT DATA"],
  "template.title.province": ["SỐ LIỆU CẤP TỈNH", "PROVINCE DATA"],
  "template.title.villages": ["SỐ LIỆU CẤP THÔN", "VILLAGE DATA"],
  "template.title.budget": [
    "NGUỒN VỐN XÂY DỰNG NÔNG THÔN MỚI (đơn vị: {unit})",
    "NTM FUNDING (unit: {unit})",
  ],
  "template.title.targets": ["MỤC TIÊU KẾ HOẠCH", "PLAN TARGETS"],
  "template.hint.settings": [
    "Nhập giá trị ở cột “Giá trị”. Năm đánh giá là bắt buộc. Để trống Vùng thì dùng vùng theo mã tỉnh. Để trống Tỷ lệ đối ứng nếu chưa có số liệu chính thức (QĐ 07/2022 chưa xác nhận).",
    "Type values in the “Value” column. The evaluation year is required. Leave Region blank to take it from the province code. Leave the counterpart ratio blank until the official figure (QĐ 07/2022) is confirmed.",
  ],
  "template.hint.criteria": [
    "Mỗi dòng là một chỉ tiêu được đánh giá; sửa, thêm, xóa theo quyết định của tỉnh. Ngưỡng: số (tỷ lệ ghi theo điểm %, ví dụ 80) hoặc Đạt; để trống = chưa có ngưỡng. Dòng “Đã xác nhận = Không” chưa đối chiếu văn bản gốc.",
    "One row per evaluated indicator; edit, add or delete rows to follow the province's decision. Thresholds: a number (percentages in points, e.g. 80) or Đạt; blank = no threshold yet. Rows with “Confirmed = No” are not checked against the official text.",
  ],
  "template.hint.communes": [
    "Mỗi dòng một xã/phường/thị trấn. Tỷ lệ: 85 hoặc 85%; chỉ tiêu Đạt/Không: chọn Đạt hoặc Không đạt. ĐBKK, ATK: đánh “x”. Vùng để trống = vùng của tỉnh.",
    "One row per commune, ward or township. Percentages: 85 or 85%; pass/fail indicators: Đạt or Không đạt. ĐBKK, ATK: type “x”. Blank region = the province's.",
  ],
  "template.hint.districts": [
    "Mỗi dòng một huyện/thị xã/thành phố. Các chỉ tiêu tính từ kết quả của xã (tỷ lệ xã đạt chuẩn…) do công cụ tự tính, không cần nhập.",
    "One row per district, town or city. Indicators computed from commune results (share of NTM communes…) are computed by the tool.",
  ],
  "template.hint.province": [
    "Một dòng cho tỉnh. Các chỉ tiêu tính từ kết quả huyện, xã do công cụ tự tính, không cần nhập.",
    "One row for the province. Indicators computed from district and commune results are computed by the tool.",
  ],
  "template.hint.villages": [
    "Mỗi dòng một thôn, bản, tổ dân phố; cột Mã xã là xã quản lý thôn.",
    "One row per village; the commune code column names the commune it belongs to.",
  ],
  "template.hint.budget": [
    "Mỗi dòng một địa bàn, năm, loại (Kế hoạch/Thực hiện) và nội dung. Ghi số tiền vào cột nguồn vốn tương ứng; có thể chỉ ghi cột tổng của nhóm (ví dụ NSNN). Vốn tín dụng thường là dư nợ.",
    "One row per area, year, type (Plan/Actual) and purpose. Put each amount under its funding source; a group total alone (e.g. NSNN) is fine. Credit is usually an outstanding balance.",
  ],
  "template.hint.targets": [
    "Mỗi dòng một mục tiêu. Phạm vi để trống = toàn tỉnh. Tỷ lệ ghi dạng %, ví dụ 100%.",
    "One row per target. Blank scope = the whole province. Shares as percentages, e.g. 100%.",
  ],
  "template.sampleNote": [
    "DỮ LIỆU MẪU – không phải số liệu chính thức",
    "SAMPLE DATA – not official figures",
  ],
  "template.illustrative": [
    "Minh họa – không phải ngưỡng chính thức.",
    "Minh họa – không phải ngưỡng chính thức (illustrative, not an official threshold).",
  ],
  "template.unconfirmed": [
    "Chưa xác nhận: đối chiếu văn bản gốc trước khi sử dụng.",
    "Unconfirmed: check against the official text before use.",
  ],
  "template.thresholdUnconfirmed": ["Có ngưỡng chưa xác nhận.", "Some thresholds are unconfirmed."],

  // ---------- Template: settings explanations ----------
  "template.setting.provinceName": ["Tên tỉnh, ví dụ Hà Tĩnh.", "Province name, e.g. Hà Tĩnh."],
  "template.setting.provinceCode": [
    "Mã tỉnh theo danh mục của Cục Thống kê, ví dụ 42.",
    "GSO province code, e.g. 42.",
  ],
  "template.setting.region": [
    "Vùng theo QĐ 318 (TDMNPB, ĐBSH, BTB, DHNTB, TN, ĐNB, ĐBSCL); để trống = theo mã tỉnh.",
    "QĐ 318 region (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL); blank = from the province code.",
  ],
  "template.setting.year": ["Năm đánh giá (bắt buộc), ví dụ 2025.", "Evaluation year (required), e.g. 2025."],
  "template.setting.setId": [
    "2021-2025 (QĐ 318-321) hoặc 2026-2030 (QĐ 51/2025).",
    "2021-2025 (QĐ 318-321) or 2026-2030 (QĐ 51/2025).",
  ],
  "template.setting.nearMargin": [
    "Chênh lệch so với ngưỡng được coi là “gần đạt”, mặc định 10%.",
    "Gap to the threshold still counted as “near”, 10% by default.",
  ],
  "template.setting.lang": ["Ngôn ngữ báo cáo: vi hoặc en.", "Report language: vi or en."],
  "template.setting.numberStyle": [
    "Cách viết số dạng chữ: vi = 1.234,5; en = 1,234.5.",
    "How numbers typed as text are written: vi = 1.234,5; en = 1,234.5.",
  ],
  "template.setting.moneyUnit": ["Đơn vị của trang Nguồn vốn.", "Unit of the amounts on the budget sheet."],
  "template.setting.counterpartRatio": [
    "Tỷ lệ vốn đối ứng NSĐP/NSTW tối thiểu, ví dụ 0,5 hoặc 50%. Để trống: mức của QĐ 07/2022 chưa xác nhận.",
    "Minimum local/central counterpart ratio, e.g. 0.5 or 50%. Blank: the QĐ 07/2022 figure is unconfirmed.",
  ],
  "template.setting.dataNote": ["Ghi chú in trên mọi báo cáo.", "Note printed on every report."],
  "template.setting.issuer": ["Cơ quan ban hành báo cáo.", "Agency issuing the report."],
  "template.setting.signerTitle": ["Chức danh người ký.", "Title of the signer."],
  "template.setting.signer": ["Họ tên người ký.", "Name of the signer."],
  "template.setting.recipients": ["Nơi nhận báo cáo.", "Recipients of the report."],

  // ---------- Template: instructions sheet ----------
  "template.instructions.intro": [
    "Sổ này là dữ liệu đầu vào của NTM Planner: bộ chỉ tiêu được đánh giá, số liệu của tỉnh, huyện, xã, thôn, nguồn vốn và mục tiêu. Công cụ đọc các trang dưới đây, đánh giá và ghi kết quả ra các trang riêng; không bao giờ sửa trang nhập liệu.",
    "This workbook is NTM Planner's input: the evaluated indicators, province, district, commune and village data, funding and targets. The tool reads the sheets below, evaluates them and writes results to sheets of its own; it never changes the input sheets.",
  ],
  "template.instructions.sheets": ["CÁC TRANG", "THE SHEETS"],
  "template.instructions.sheet.settings": [
    "Thiết lập: tỉnh, năm đánh giá, bộ tiêu chí, biên độ gần đạt, đơn vị tiền, thông tin ký báo cáo.",
    "Settings: province, evaluation year, criteria set, near margin, money unit, report signature.",
  ],
  "template.instructions.sheet.criteria": [
    "Chỉ tiêu: mỗi dòng một chỉ tiêu được đánh giá, với ngưỡng theo vùng (2021-2025) hoặc nhóm xã (2026-2030). Đây là bộ chỉ tiêu thật sự được dùng; công cụ chỉ điền sẵn theo văn bản trung ương.",
    "Indicators: one row per evaluated indicator, with thresholds by region (2021-2025) or commune group (2026-2030). This is the set actually used; the tool only pre-fills it from the national texts.",
  ],
  "template.instructions.sheet.communes": [
    "Dữ liệu xã: mỗi dòng một xã, mỗi cột một chỉ tiêu (tiêu đề bắt đầu bằng mã chỉ tiêu).",
    "Commune data: one row per commune, one column per indicator (headers start with the indicator code).",
  ],
  "template.instructions.sheet.districts": [
    "Dữ liệu huyện: mỗi dòng một huyện/thị xã/thành phố (giai đoạn 2026-2030 không có cấp huyện).",
    "District data: one row per district, town or city (the 2026-2030 set has no district level).",
  ],
  "template.instructions.sheet.province": [
    "Dữ liệu tỉnh: một dòng cho tỉnh.",
    "Province data: one row for the province.",
  ],
  "template.instructions.sheet.villages": [
    "Dữ liệu thôn (không bắt buộc): mỗi dòng một thôn.",
    "Village data (optional): one row per village.",
  ],
  "template.instructions.sheet.budget": [
    "Nguồn vốn: vốn kế hoạch và thực hiện theo địa bàn, năm, nội dung và 21 nhóm nguồn vốn.",
    "Budget: planned and actual money by area, year, purpose and the 21 funding-source categories.",
  ],
  "template.instructions.sheet.targets": [
    "Mục tiêu: các mục tiêu kế hoạch (tỷ lệ xã đạt chuẩn, tỷ lệ huyện đạt chuẩn…) theo năm.",
    "Targets: plan targets (share of NTM communes, of NTM districts…) by year.",
  ],
  "template.instructions.howto": ["CÁCH NHẬP", "HOW TO TYPE VALUES"],
  "template.instructions.howto.numbers": [
    "Số: gõ như thường lệ (1.234,5). Tỷ lệ: 85 hoặc 85% đều được; công cụ tự nhận cột ghi dạng 0,85.",
    "Numbers: as usual (1,234.5 or 1.234,5 per the settings). Percentages: 85 or 85%; a column typed as 0.85 is recognised.",
  ],
  "template.instructions.howto.pass": [
    "Chỉ tiêu Đạt/Không: chọn Đạt hoặc Không đạt (cũng hiểu Có/Không, x). Ô trống = chưa có số liệu.",
    "Pass/fail indicators: Đạt or Không đạt (Có/Không and x are understood too). A blank cell = no data yet.",
  ],
  "template.instructions.howto.layout": [
    "Có thể đổi tên trang, thứ tự cột, thêm dòng tiêu đề: công cụ nhận tên tiếng Việt, tiếng Anh, có hoặc không dấu. Không đổi mã chỉ tiêu trong tiêu đề cột số liệu.",
    "Sheets may be renamed, columns reordered, title rows added: Vietnamese or English names, with or without diacritics, are recognised. Keep the indicator code at the start of each data column header.",
  ],
  "template.instructions.caution": ["LƯU Ý VỀ SỐ LIỆU", "ABOUT THE DATA"],
  "template.instructions.caution.thresholds": [
    "Ngưỡng là số liệu của tỉnh: chỉ những ngưỡng đã đối chiếu văn bản mới được điền sẵn. Dòng “Đã xác nhận = Không” cần kiểm tra; kết quả phụ thuộc ngưỡng chưa xác nhận sẽ được đánh dấu.",
    "Thresholds are the province's data: only thresholds checked against an official text are pre-filled. Rows with “Confirmed = No” must be checked; results that depend on an unconfirmed threshold are marked.",
  ],
  "template.instructions.caution.illustrative": [
    "Dòng ghi “Minh họa – không phải ngưỡng chính thức” chỉ để chạy thử; thay bằng ngưỡng theo quyết định của tỉnh.",
    "Rows marked “Minh họa – không phải ngưỡng chính thức” (illustrative) are for trying the tool only; replace them with the province's thresholds.",
  ],
  "template.instructions.source": [
    "Nguồn: QĐ 318, 319, 320, 321/QĐ-TTg (2022), QĐ 18/2022/QĐ-TTg, QĐ 211/QĐ-TTg (2024), QĐ 51/2025/QĐ-TTg; nguồn của từng chỉ tiêu ghi ở cột Nguồn.",
    "Sources: QĐ 318, 319, 320, 321/QĐ-TTg (2022), QĐ 18/2022/QĐ-TTg, QĐ 211/QĐ-TTg (2024), QĐ 51/2025/QĐ-TTg; each indicator's source is in its Source column.",
  ],
  "template.passLabel": ["Đạt/Không đạt", "Yes/No"],
  "template.yesNoLabel": ["Có/Không", "Yes/No"],
};
