/**
 * Columns that planners' forms have and our template does not: the row number, a district given by
 * name beside each commune, the counts planners type themselves ("Số tiêu chí đạt", "Số xã đạt
 * chuẩn"). The reader recognises them; the template never writes them. Typed counts are checked
 * against what the tool computes, never used in its place.
 */
import type { FieldDef } from "../layout";

const f = (key: string, vi: string, en: string, aliases: string[]): FieldDef => ({ key, vi, en, aliases });

/** "STT": its cells mark section rows ("I", "II", "A") in a form. */
export const ROW_NUMBER_FIELD = f("rowNumber", "STT", "No.", ["TT", "Số TT", "Số thứ tự", "No", "#"]);

export const TYPED_CRITERIA_MET_FIELD = f("typedCriteriaMet", "Số tiêu chí đạt", "Criteria met (typed)", [
  "Số TC đạt",
  "Tổng số tiêu chí đạt",
  "Tổng số TC đạt",
  "Số tiêu chí đạt chuẩn",
  "Số tiêu chí đã đạt",
  "Số tiêu chí đạt được",
  "Criteria met",
]);

export const TYPED_NTM_COUNT_FIELD = f("typedNtmCount", "Số xã đạt chuẩn", "Communes meeting NTM (typed)", [
  "Số xã đạt chuẩn NTM",
  "Số xã đạt chuẩn nông thôn mới",
  "Số xã đạt NTM",
  "Xã đạt chuẩn",
  "Communes meeting NTM",
]);

/** A commune's district by name ("Huyện Can Lộc") in its own column. */
export const PARENT_NAME_FIELD = f("parentName", "Huyện", "District", [
  "Tên huyện",
  "Thuộc huyện",
  "Huyện/thị xã",
  "Huyện, thị xã",
  "Quận/huyện",
  "Huyện/thị xã/thành phố",
  "Đơn vị cấp huyện",
]);

/** Extra fields by role (appended to the template's). */
export const FORM_FIELDS = {
  communes: [ROW_NUMBER_FIELD, TYPED_CRITERIA_MET_FIELD, PARENT_NAME_FIELD],
  districts: [ROW_NUMBER_FIELD, TYPED_NTM_COUNT_FIELD],
  province: [ROW_NUMBER_FIELD, TYPED_NTM_COUNT_FIELD],
  villages: [ROW_NUMBER_FIELD],
  budget: [ROW_NUMBER_FIELD],
  criteria: [ROW_NUMBER_FIELD],
  targets: [ROW_NUMBER_FIELD],
} as const satisfies Record<string, readonly FieldDef[]>;

/** Names a commune's name column also goes by in forms. */
export const COMMUNE_NAME_ALIASES = [
  "Đơn vị",
  "Địa phương",
  "Đơn vị hành chính",
  "Tên xã, phường, thị trấn",
  "Xã, phường, thị trấn",
  "Xã/phường/thị trấn",
  "Tên xã/thị trấn",
  "Xã, thị trấn",
  "Tên đơn vị hành chính",
];
