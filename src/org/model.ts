/** Jurisdiction levels and unit kinds of a county's disclosure organisation. */

export const JURISDICTION_LEVELS = ['province', 'city', 'county', 'township', 'village'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

export const LEVEL_LABELS: Record<JurisdictionLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇（街道）',
  village: '村（社区）',
};

export const UNIT_KINDS = [
  'county_government',
  'county_office',
  'county_department',
  'township_government',
  'subdistrict_office',
  'management_committee',
  'village_committee',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  county_government: '县政府',
  county_office: '县政府办公室（主管部门）',
  county_department: '县直部门',
  township_government: '乡镇政府',
  subdistrict_office: '街道办事处',
  management_committee: '管委会',
  village_committee: '村（居）委会',
};

/** Which jurisdiction levels a unit of each kind may belong to. */
export const UNIT_KIND_LEVELS: Record<UnitKind, readonly JurisdictionLevel[]> = {
  county_government: ['county'],
  county_office: ['county'],
  county_department: ['county'],
  // 开发区、园区管委会 sit at county level; some (农场、林场、开发区) are township-level statistical units.
  management_committee: ['county', 'township'],
  township_government: ['township'],
  subdistrict_office: ['township'],
  village_committee: ['village'],
};

/**
 * Whether units of a kind receive requests for information by default. 条例第二十七条: 地方各级人民政府
 * and 县级以上人民政府部门 acting externally in their own name; 街道办事处 are 派出机关 of the county
 * government (treated as receivers); 村（居）委会 are not administrative organs.
 */
export const UNIT_KIND_RECEIVES_REQUESTS: Record<UnitKind, boolean> = {
  county_government: true,
  county_office: false,
  county_department: true,
  management_committee: true,
  township_government: true,
  subdistrict_office: true,
  village_committee: false,
};

/** The fields of a 政府信息公开工作机构 record (条例第四条、第十二条). */
export const OFFICE_FIELDS = [
  ['office_name', '工作机构名称'],
  ['office_address', '办公地址'],
  ['office_hours', '办公时间'],
  ['office_phone', '联系电话'],
  ['office_fax', '传真号码'],
  ['office_email', '电子邮箱'],
  ['office_postcode', '邮政编码'],
  ['office_website', '互联网联系方式'],
] as const;
