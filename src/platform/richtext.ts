/**
 * Rich text is sanitised on the way in (design.md security baseline): an allow-list of the tags a
 * government notice uses; scripts, event handlers, styles, frames and external images are dropped.
 * Links may point to http(s), mailto or this site; images only to this site (the portal never loads
 * anything from elsewhere).
 */
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'blockquote',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'a',
    'img',
    'hr',
    'pre',
    'code',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^\/(?!\/)/.test(frame.attribs.src ?? ''),
};

export interface CleanHtml {
  html: string;
  /** Plain text of the body (for search, snippets and the feed summary). */
  text: string;
  /** Whether anything was removed (shown to the editor). */
  changed: boolean;
}

/** Plain text typed into a textarea becomes paragraphs; HTML is sanitised. */
export function cleanRichText(input: string): CleanHtml {
  const raw = input.replace(/\r\n?/g, '\n').trim();
  const looksHtml = /<\/?[a-z][\s\S]*>/i.test(raw);
  const source = looksHtml
    ? raw
    : raw
        .split(/\n{2,}|\n/)
        .filter((p) => p.trim())
        .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
        .join('');
  const html = sanitizeHtml(source, OPTIONS).trim();
  return { html, text: htmlToText(html), changed: looksHtml && normalise(html) !== normalise(raw) };
}

const normalise = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/<br\s*\/?>/g, '<br />')
    .replace(/&nbsp;/g, ' ');

/** Escape text for HTML built by the server (e.g. a generated table in a record body). */
export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h[2-4]|li|tr|blockquote|pre)>|<br\s*\/?>/gi, '$&\n'), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
