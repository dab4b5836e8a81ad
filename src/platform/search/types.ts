/** One object to index: its filterable fields and its text (never stored, only tokenized). */
export interface SearchDoc {
  objectType: string;
  objectId: number;
  jurisdictionCode: string;
  unitId: number;
  title: string;
  body: string;
  /** Text extracted from attachments (see extractText); indexed with the body. */
  attachmentText?: string;
  /** 'YYYY-MM-DD' */
  publishedOn: string;
  /** 主题分类 as '一级\\二级' */
  subject?: string | null;
  genre?: string | null;
  attribute?: string | null;
  columnSlug?: string | null;
}

export interface SearchQuery {
  q: string;
  /** Jurisdiction code prefix: a county's code covers its townships and villages. */
  jurisdictionPrefix: string;
  unitId?: number;
  year?: number;
  /** 主题分类: matches the category itself and everything below it ('一级' matches '一级\\二级'). */
  subject?: string;
  genre?: string;
  attribute?: string;
  columnSlug?: string;
  objectType?: string;
  /** 'relevance' (default) or 'date' (newest first). */
  sort?: 'relevance' | 'date';
  /** 1-based. */
  page?: number;
  /** At most 50; default 20. */
  pageSize?: number;
}

export interface SearchHit {
  objectType: string;
  objectId: number;
  title: string;
  publishedOn: string;
  unitId: number;
}

export interface SearchResult {
  /** Number of matching documents: exact when `totalExact`, otherwise a lower bound (the count stopped there). */
  total: number;
  /** False when there are more than the count limit of matching documents (see TOTAL_LIMIT). */
  totalExact: boolean;
  /** Whether a page follows this one. */
  hasMore: boolean;
  hits: SearchHit[];
  /** Set when the query is a single character, which cannot be searched. */
  singleChar?: boolean;
}

/** A piece of a title or snippet; the view marks `hit` pieces with <mark>. */
export interface Segment {
  text: string;
  hit: boolean;
}

export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 20;
