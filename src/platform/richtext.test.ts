import { describe, expect, it } from 'vitest';
import { cleanRichText } from './richtext.js';

describe('rich text sanitiser', () => {
  it('drops scripts, handlers, styles and frames, and says so', () => {
    const r = cleanRichText(
      '<p onclick="x()">低保<script>alert(1)</script></p><style>p{}</style><iframe src="https://evil"></iframe><p style="color:red">名单</p>',
    );
    expect(r.html).toBe('<p>低保</p><p>名单</p>');
    expect(r.changed).toBe(true);
    expect(r.text).toBe('低保\n名单');
  });
  it('neutralises javascript: links and external images; keeps local images and safe links', () => {
    const r = cleanRichText(
      '<p><a href="javascript:alert(1)">a</a><a href="https://www.gov.cn/">b</a><img src="https://x.example/t.png"><img src="/files/3" alt="图"></p>',
    );
    expect(r.html).toBe(
      '<p><a rel="noopener noreferrer">a</a><a href="https://www.gov.cn/" rel="noopener noreferrer">b</a><img src="/files/3" alt="图" /></p>',
    );
  });
  it('turns plain text into escaped paragraphs', () => {
    const r = cleanRichText('第一段 1<2 且 3>2\n\n第二段 A&B');
    expect(r.html).toBe('<p>第一段 1&lt;2 且 3&gt;2</p><p>第二段 A&amp;B</p>');
    expect(r.text).toBe('第一段 1<2 且 3>2\n第二段 A&B');
    expect(r.changed).toBe(false);
  });
  it('keeps tables with spans', () => {
    const r = cleanRichText(
      '<table><tr><th colspan="2" class="x">户主</th></tr><tr><td rowspan="2">张三</td><td>2</td></tr></table>',
    );
    expect(r.html).toBe(
      '<table><tr><th colspan="2">户主</th></tr><tr><td rowspan="2">张三</td><td>2</td></tr></table>',
    );
  });
});
