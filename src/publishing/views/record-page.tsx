/** A record's page in the back office: its metadata, text, attachments, steps, versions and 办理记录. */
import type { Context } from 'hono';
import { raw } from 'hono/html';
import type { AppEnv } from '../../platform/web/env.js';
import { AdminLayout } from '../../platform/ui/layout.js';
import { Csrf, formatTime } from '../../platform/ui/forms.js';
import { docClassLabel, EVENT_LABELS, RECORD_COLUMNS, STATUS_LABELS, withholdReasonText } from '../model.js';
import type { getForStaff } from '../staff.js';
import { attributeLabel, columnItemLabel, DueCell, kindLabel, StatusText, validityLabel } from './components.js';
import { AttachmentUpload, type FormState, RecordActions } from './record-actions.js';

function ChannelsList(props: {
  channels: { channel: string; used_on: string; link: string | null; file_id: number | null }[];
}) {
  const { channels } = props;
  return channels.length ? (
    <>
      <h2>公开渠道</h2>
      <ul>
        {channels.map((ch) => (
          <li>
            {ch.channel}（{ch.used_on}）
            {ch.link ? (
              <>
                ：<a href={ch.link}>{ch.link}</a>
              </>
            ) : null}
            {ch.file_id ? '，已上传公示栏照片' : ''}
          </li>
        ))}
      </ul>
    </>
  ) : null;
}

export interface RecordPageProps {
  c: Context<AppEnv>;
  v: Awaited<ReturnType<typeof getForStaff>>;
  flash?: string;
  state?: FormState;
  today: string;
}

export function RecordPage(props: RecordPageProps) {
  const { c, v, state, today } = props;
  const rec = v.record;
  const id = rec.id;
  const csrf = c.get('csrf');
  const canFiles = v.rights.edit && ['draft', 'returned'].includes(rec.status);
  const pendingTitle = v.pending ? String(v.pending.title ?? '') : '';
  return (
    <AdminLayout c={c} title={rec.title} current="records" flash={props.flash}>
      <p>
        <a href="/admin/records">返回信息列表</a>
        {rec.status === 'published' ? <a href={`/xxgk/info/${id}`}>查看门户页面</a> : null}
        {v.rights.edit ? (
          <a href={`/admin/records/${id}/edit`}>{rec.status === 'published' ? '变更信息' : '修改'}</a>
        ) : null}
        {v.rights.interpret ? <a href={`/admin/records/new?policy=${id}`}>起草政策解读</a> : null}
      </p>
      <dl class="meta">
        <dt>状态</dt>
        <dd>
          <StatusText status={rec.status} pending={rec.pending_status} />
        </dd>
        <dt>类型</dt>
        <dd>
          {kindLabel(rec.kind)}
          {rec.interp_form ? `（${rec.interp_form}）` : ''}
        </dd>
        {v.policy ? (
          <>
            <dt>所解读的政策文件</dt>
            <dd>
              <a href={`/admin/records/${v.policy.id}`}>《{v.policy.title}》</a>（
              {STATUS_LABELS[v.policy.status] ?? v.policy.status}）
            </dd>
          </>
        ) : null}
        <dt>索引号</dt>
        <dd>{rec.index_no}</dd>
        <dt>发布机构</dt>
        <dd>{rec.publisher}</dd>
        <dt>文号</dt>
        <dd>{rec.doc_number ?? '—'}</dd>
        <dt>成文日期</dt>
        <dd>{rec.written_on ?? '—'}</dd>
        <dt>形成或变更日期</dt>
        <dd>{rec.formed_on}</dd>
        <dt>主题分类</dt>
        <dd>{rec.subject}</dd>
        <dt>体裁</dt>
        <dd>{rec.genre}</dd>
        {rec.kind === 'info' ? (
          <>
            <dt>文件类别（年报表二）</dt>
            <dd>{docClassLabel(rec.doc_class)}</dd>
          </>
        ) : null}
        <dt>关键词</dt>
        <dd>{rec.keywords || '—'}</dd>
        <dt>内容概述</dt>
        <dd class="pre">{rec.summary || '—'}</dd>
        <dt>公开属性</dt>
        <dd>
          {attributeLabel(rec.attribute)}
          {rec.attribute_reason ? `：${withholdReasonText(rec.attribute_reason)}` : ''}
          {rec.attribute_note ? `（${rec.attribute_note}）` : ''}
        </dd>
        <dt>有效性</dt>
        <dd>
          {validityLabel(rec.validity)}
          {rec.validity_on ? `（${rec.validity_on}）` : ''}
        </dd>
        <dt>栏目</dt>
        <dd>
          {RECORD_COLUMNS[rec.column_slug as keyof typeof RECORD_COLUMNS] ?? rec.column_slug}
          {rec.column_item ? ` > ${columnItemLabel(rec.column_item)}` : ''}
        </dd>
        <dt>需要政策解读</dt>
        <dd>{rec.kind === 'info' ? (rec.needs_interpretation ? '是' : '否') : '—'}</dd>
        <dt>公开期限</dt>
        <dd>
          <DueCell record={rec} today={today} />
          {rec.due_note ? <span class="muted">（{rec.due_note}）</span> : null}
        </dd>
        {v.posting ? (
          <>
            <dt>公示期</dt>
            <dd>
              {v.posting.amount} {v.posting.unit === 'workday' ? '个工作日' : '日'}
              {rec.posting_end_on ? `，至 ${rec.posting_end_on} 止` : '（自发布之日起算）'}
            </dd>
          </>
        ) : null}
        {rec.scheduled_at ? (
          <>
            <dt>定时发布</dt>
            <dd>{formatTime(rec.scheduled_at)}</dd>
          </>
        ) : null}
        <dt>发布日期</dt>
        <dd>{rec.published_on ?? '—'}</dd>
        <dt>版本</dt>
        <dd>第 {rec.version} 版</dd>
        {rec.reviewed_by ? (
          <>
            <dt>审查</dt>
            <dd>
              {rec.reviewed_by}，{formatTime(rec.reviewed_at)}
              {rec.review_comment ? `：${rec.review_comment}` : ''}
            </dd>
          </>
        ) : rec.review_comment ? (
          <>
            <dt>审查意见</dt>
            <dd>{rec.review_comment}</dd>
          </>
        ) : null}
        {rec.withdrawn_reason ? (
          <>
            <dt>撤回理由</dt>
            <dd>
              {rec.withdrawn_reason}（{formatTime(rec.withdrawn_at)}）
            </dd>
          </>
        ) : null}
        {rec.assessed_on ? (
          <>
            <dt>最近评估</dt>
            <dd>{rec.assessed_on}</dd>
          </>
        ) : null}
      </dl>
      <h2>目录事项</h2>
      {v.items.length ? (
        <ul>
          {v.items.map((i) => (
            <li>
              {i.domain}：{i.label}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">未关联目录事项（公开期限按条例第二十六条计算）。</p>
      )}
      {v.pending ? (
        <section aria-labelledby="pending-h" class="notice">
          <h2 id="pending-h">待审查的变更</h2>
          <p>
            拟变更后的标题：《{pendingTitle}》（
            {rec.pending_status === 'submitted'
              ? '已提交审查'
              : rec.pending_status === 'returned'
                ? '已退回修改'
                : '尚未提交审查'}
            ）
          </p>
          <p>变更审查通过前，门户上继续公开已发布的版本；通过后发布为第 {rec.version + 1} 版，原版本保留。</p>
        </section>
      ) : null}
      <h2>正文</h2>
      {/* body_html is sanitised HTML: the service cleans it with the allow-list of platform/richtext.ts on the way in (createRecord/updateRecord). Nothing else is ever rendered raw. */}
      <div class="record-body">{rec.body_html ? raw(rec.body_html) : <p class="empty">（无正文）</p>}</div>
      <h2>附件</h2>
      {v.files.length ? (
        <ul>
          {v.files.map((f) => (
            <li>
              <a href={`/admin/records/${id}/files/${f.id}`}>{f.name}</a>（{Math.max(1, Math.ceil(f.size / 1024))}{' '}
              KB，下载 {f.downloads} 次）
              {canFiles ? (
                <form method="post" action={`/admin/records/${id}/files/${f.id}/delete`} class="inline">
                  <Csrf token={csrf} />{' '}
                  <button type="submit" class="link-button dark">
                    删除<span class="visually-hidden">附件 {f.name}</span>
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">没有附件。</p>
      )}
      {canFiles ? <AttachmentUpload v={v} csrf={csrf} state={state} today={today} /> : null}

      <RecordActions v={v} csrf={csrf} state={state} today={today} />

      <ChannelsList channels={v.channels} />
      {rec.kind === 'info' ? (
        <>
          <h2>政策解读</h2>
          {v.interpretations.length ? (
            <ul>
              {v.interpretations.map((i) => (
                <li>
                  <a href={`/admin/records/${i.id}`}>{i.title}</a>（{i.interp_form ?? '解读'}，
                  {STATUS_LABELS[i.status] ?? i.status}
                  {i.published_on ? `，${i.published_on} 发布` : ''}）
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">{rec.needs_interpretation ? '本文件需要政策解读，尚未起草。' : '没有关联的政策解读。'}</p>
          )}
        </>
      ) : null}
      <h2>版本</h2>
      <ul>
        <li>
          第 {rec.version} 版（当前）{rec.published_at ? `，${formatTime(rec.published_at)} 发布` : ''}
        </li>
        {v.versions.map((x) => (
          <li>
            第 {x.version} 版：{formatTime(x.published_at)} 发布，{formatTime(x.replaced_at)} 被替换（
            {x.reason ?? '信息变更'}）
          </li>
        ))}
      </ul>
      <h2>办理记录</h2>
      <ul class="timeline">
        {v.events.map((e) => (
          <li>
            <span class="muted">{formatTime(e.at)}</span> {e.actor_name}：{EVENT_LABELS[e.action] ?? e.action}
            {e.comment ? `（${e.comment}）` : ''}
          </li>
        ))}
      </ul>
    </AdminLayout>
  );
}
