/** Pieces of the portal's information pages: record lists, the metadata block, the detail body, the directory filters and table. */
import { raw } from 'hono/html';
import { formatTime } from '../../platform/ui/forms.js';
import {
  ATTRIBUTES,
  GENRES,
  SUBJECT_TREE,
  VALIDITY,
  withholdReasonText,
  type Attribute,
  type Validity,
} from '../model.js';
import type { PublicDetail, PublicFilter, PublicRow } from '../public.js';

export const dateCn = (d: string | null | undefined) =>
  d ? `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日` : '—';
export const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** A list of records as the portal shows them (title, 发布机构, 发布日期). */
export function RecordList(props: { rows: PublicRow[]; empty?: string }) {
  if (!props.rows.length) return <p class="empty">{props.empty ?? '本栏目暂无信息。'}</p>;
  return (
    <ul class="record-list">
      {props.rows.map((r) => (
        <li>
          <a href={`/xxgk/info/${r.id}`}>{r.title}</a>
          <span class="muted">
            {' '}
            {r.publisher}　{r.published_on ?? ''}
          </span>
          {r.validity !== 'valid' ? <span class="tag">{VALIDITY[r.validity as Validity]}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The standard metadata block (regulations §4.1): 索引号, 主题分类, 发布机构, 成文日期, 文号, 发布日期, 有效性. */
export function MetaBlock(props: { r: PublicDetail['record'] }) {
  const r = props.r;
  return (
    <table class="meta-block">
      <caption class="visually-hidden">信息基本属性</caption>
      <tbody>
        <tr>
          <th scope="row">索引号</th>
          <td>{r.index_no}</td>
          <th scope="row">主题分类</th>
          <td>{r.subject}</td>
        </tr>
        <tr>
          <th scope="row">发布机构</th>
          <td>{r.publisher}</td>
          <th scope="row">成文日期</th>
          <td>{dateCn(r.written_on)}</td>
        </tr>
        <tr>
          <th scope="row">文号</th>
          <td>{r.doc_number ?? '—'}</td>
          <th scope="row">发布日期</th>
          <td>{dateCn(r.published_on)}</td>
        </tr>
        <tr>
          <th scope="row">体裁</th>
          <td>{r.genre}</td>
          <th scope="row">有效性</th>
          <td>
            {VALIDITY[r.validity as Validity]}
            {r.validity_on ? `（${dateCn(r.validity_on)}起）` : ''}
          </td>
        </tr>
        <tr>
          <th scope="row">公开属性</th>
          <td>{ATTRIBUTES[r.attribute as Attribute]}</td>
          <th scope="row">关键词</th>
          <td>{r.keywords || '—'}</td>
        </tr>
        <tr>
          <th scope="row">名称</th>
          <td colspan={3}>{r.title}</td>
        </tr>
        {r.summary ? (
          <tr>
            <th scope="row">内容概述</th>
            <td colspan={3}>{r.summary}</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}

export function DetailBody(props: { d: PublicDetail; print?: boolean }) {
  const { d } = props;
  const r = d.record;
  return (
    <article class="doc record">
      <MetaBlock r={r} />
      <h1>{r.title}</h1>
      {r.attribute === 'redacted' ? (
        <p class="notice">本信息删减后公开。删减部分的理由：{withholdReasonText(r.attribute_reason)}。</p>
      ) : null}
      {r.posting_end_on ? (
        <p class="notice">
          公示期：{dateCn(r.published_on)}至{dateCn(r.posting_end_on)}。
        </p>
      ) : null}
      {/* body_html is sanitised on the way in (src/platform/richtext.ts), so it is safe to emit as is. */}
      <div class="record-body">{raw(r.body_html)}</div>
      {d.files.length ? (
        <section aria-labelledby="att-h">
          <h2 id="att-h">附件</h2>
          <ul class="attachments">
            {d.files.map((f) => (
              <li>
                <a href={`/xxgk/info/${r.id}/files/${f.id}`}>{f.name}</a>{' '}
                <span class="muted">（{sizeText(f.size)}）</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!props.print && d.policy ? (
        <p>
          解读的政策文件：<a href={`/xxgk/info/${d.policy.id}`}>{d.policy.title}</a>
        </p>
      ) : null}
      {!props.print && d.interpretations.length ? (
        <section aria-labelledby="interp-h">
          <h2 id="interp-h">政策解读</h2>
          <ul>
            {d.interpretations.map((i) => (
              <li>
                <a href={`/xxgk/info/${i.id}`}>{i.title}</a>
                {i.interp_form ? `（${i.interp_form}）` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!props.print && d.items.length ? (
        <p class="muted">所属目录事项：{d.items.map((i) => `${i.domain}：${i.label}`).join('；')}</p>
      ) : null}
      {!props.print && d.channels.length ? (
        <section aria-labelledby="ch-h">
          <h2 id="ch-h">其他公开渠道</h2>
          <ul>
            {d.channels.map((ch) => (
              <li>
                {ch.channel}（{dateCn(ch.used_on)}）
                {ch.link ? (
                  <>
                    {' '}
                    <a href={ch.link} rel="noopener noreferrer">
                      查看
                    </a>
                  </>
                ) : null}
                {ch.file_id ? (
                  <>
                    {' '}
                    <a href={`/xxgk/info/${r.id}/channels/${ch.id}/photo`}>公示照片</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!props.print && d.versions.length ? (
        <p class="muted">
          本信息已变更 {d.versions.length} 次，当前为第 {r.version} 版；最近一次变更：{d.versions[0].reason}（
          {formatTime(d.versions[0].replaced_at)}）。
        </p>
      ) : null}
    </article>
  );
}

export function queryString(params: Record<string, string | number | undefined>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const t = s.toString();
  return t ? `?${t}` : '';
}

export function DirectoryFilters(props: {
  action: string;
  f: PublicFilter;
  units: { id: number; name: string }[];
  q?: string;
}) {
  const f = props.f;
  const thisYear = new Date().getUTCFullYear();
  return (
    <form class="filters" method="get" action={props.action} role="search">
      {props.q !== undefined ? (
        <div class="field">
          <label for="f-q">关键词</label>
          <input id="f-q" name="q" type="search" value={props.q} maxlength={60} />
        </div>
      ) : null}
      <div class="field">
        <label for="f-unit">发布机构</label>
        <select id="f-unit" name="unit">
          <option value="">全部</option>
          {props.units.map((u) => (
            <option value={String(u.id)} selected={f.unitId === u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-subject">主题分类</label>
        <select id="f-subject" name="subject">
          <option value="">全部</option>
          {SUBJECT_TREE.map(([l1, l2s]) => (
            <optgroup label={l1}>
              <option value={l1} selected={f.subject === l1}>
                {l1}（全部）
              </option>
              {l2s.map((l2) => (
                <option value={`${l1}\\${l2}`} selected={f.subject === `${l1}\\${l2}`}>
                  {l2}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-genre">体裁</label>
        <select id="f-genre" name="genre">
          <option value="">全部</option>
          {GENRES.map((g) => (
            <option value={g} selected={f.genre === g}>
              {g}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-year">年份</label>
        <select id="f-year" name="year">
          <option value="">全部</option>
          {Array.from({ length: thisYear - 2007 }, (_, i) => thisYear - i).map((y) => (
            <option value={String(y)} selected={f.year === y}>
              {y}年
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-attr">公开属性</label>
        <select id="f-attr" name="attribute">
          <option value="">全部</option>
          <option value="proactive" selected={f.attribute === 'proactive'}>
            主动公开
          </option>
          <option value="redacted" selected={f.attribute === 'redacted'}>
            删减后公开
          </option>
        </select>
      </div>
      <button class="button" type="submit">
        {props.q !== undefined ? '检索' : '筛选'}
      </button>
    </form>
  );
}

export function DirectoryTable(props: { rows: PublicRow[] }) {
  if (!props.rows.length) return <p class="empty">没有符合条件的信息。</p>;
  return (
    <div class="table-scroll">
      <table class="data">
        <caption class="visually-hidden">政府信息公开目录</caption>
        <thead>
          <tr>
            <th scope="col">索引号</th>
            <th scope="col">名称</th>
            <th scope="col">发布机构</th>
            <th scope="col">文号</th>
            <th scope="col">主题分类</th>
            <th scope="col">发布日期</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>{r.index_no}</td>
              <th scope="row">
                <a href={`/xxgk/info/${r.id}`}>{r.title}</a>
                {r.validity !== 'valid' ? <span class="tag">{VALIDITY[r.validity as Validity]}</span> : null}
              </th>
              <td>{r.publisher}</td>
              <td>{r.doc_number ?? '—'}</td>
              <td>{r.subject}</td>
              <td>{r.published_on}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Highlight(props: { segments: { text: string; hit: boolean }[] }) {
  return <>{props.segments.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}</>;
}
