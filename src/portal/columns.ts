/**
 * The fixed first level of the 政府信息公开 platform (国办公开办函〔2019〕61号): four columns with
 * these exact names, not renameable locally; plus 依申请公开. The 26 pilot domains and the 第二十条 items
 * are the catalog's vocabulary (catalog/vocabulary.ts).
 */
export const STANDARD_COLUMNS = [
  { slug: 'zhinan', name: '政府信息公开指南' },
  { slug: 'zhidu', name: '政府信息公开制度' },
  { slug: 'fdzdgknr', name: '法定主动公开内容' },
  { slug: 'ndbg', name: '政府信息公开工作年度报告' },
] as const;

export const REQUEST_COLUMN = { slug: 'ysqgk', name: '依申请公开' } as const;
