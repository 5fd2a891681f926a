import type { Strings } from "../index";

/**
 * Texts of the embedded Hà Tĩnh sample workbook (src/cli/sample): its data note, report issuer
 * block, the notes of its illustrative thresholds and the descriptions of its budget lines.
 */
export const sampleStrings: Strings = {
  "sample.note": [
    "DỮ LIỆU MẪU – số liệu giả lập, không phải số liệu chính thức",
    "SAMPLE DATA – simulated figures, not official statistics",
  ],
  "sample.provinceName": ["Hà Tĩnh", "Hà Tĩnh"],
  "sample.issuer": [
    "UBND TỈNH HÀ TĨNH\nVĂN PHÒNG ĐIỀU PHỐI NTM TỈNH",
    "HA TINH PROVINCIAL PEOPLE'S COMMITTEE\nPROVINCIAL NTM COORDINATION OFFICE",
  ],
  "sample.signerTitle": ["CHÁNH VĂN PHÒNG", "CHIEF OF OFFICE"],
  "sample.recipients": [
    "- Ban Chỉ đạo các CTMTQG tỉnh;\n- Các sở, ngành thành viên;\n- UBND các huyện, thị xã, thành phố;\n- Lưu: VT, VPĐP.",
    "- Provincial Steering Committee for the national target programmes;\n- Member departments;\n- District, town and city People's Committees;\n- Archive: clerical office, NTM office.",
  ],
  "sample.threshold.proxy": [
    "Giá trị minh họa cho dữ liệu mẫu, không phải ngưỡng chính thức; tham khảo PROXY {proxy}.",
    "Illustrative value for the sample data, not an official threshold; guided by the PROXY {proxy}.",
  ],
  "sample.threshold.plausible": [
    "Giá trị minh họa cho dữ liệu mẫu, không phải ngưỡng chính thức; chọn cho hợp lý, chưa có PROXY.",
    "Illustrative value for the sample data, not an official threshold; a plausible choice, no PROXY seen.",
  ],
  "sample.budget.credit": [
    "Dư nợ tín dụng trên địa bàn xã (NHCSXH, NHTM)",
    "Outstanding loans in the commune (VBSP, commercial banks)",
  ],
  "sample.budget.roads": [
    "Cứng hóa đường trục thôn, liên thôn, đường nội đồng",
    "Hardening village, inter-village and field roads",
  ],
  "sample.budget.environment": [
    "Thu gom, xử lý rác thải, nước thải; cảnh quan xanh - sạch - đẹp",
    "Waste and wastewater collection and treatment; green, clean landscape",
  ],
  "sample.budget.schools": [
    "Nâng cấp cơ sở vật chất trường mầm non, tiểu học",
    "Upgrading preschool and primary school facilities",
  ],
  "sample.budget.modelVillage": [
    "Khu dân cư NTM kiểu mẫu, vườn mẫu (NQ 44/2021/NQ-HĐND)",
    "Model residential areas and gardens (Resolution 44/2021/NQ-HĐND)",
  ],
  "sample.budget.production": [
    "Hỗ trợ liên kết sản xuất, sản phẩm OCOP",
    "Support for production linkages and OCOP products",
  ],
  "sample.budget.culture": ["Nhà văn hóa thôn, sân thể thao", "Village cultural houses and sports grounds"],
  "sample.budget.unsplit": [
    "Nhà văn hóa thôn (vốn NSNN, chưa tách trung ương / địa phương)",
    "Village cultural houses (state budget, central/local split not given)",
  ],
  "sample.programme.ntm": ["CTMTQG xây dựng NTM 2021-2025", "NTM national target programme 2021-2025"],
  "sample.programme.nq44": ["NQ 44/2021/NQ-HĐND tỉnh Hà Tĩnh", "Hà Tĩnh Resolution 44/2021/NQ-HĐND"],
  "sample.programme.credit": ["Tín dụng (dư nợ)", "Credit (outstanding balance)"],
};
