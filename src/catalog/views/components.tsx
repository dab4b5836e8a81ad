/** Shared catalog rendering for the back office and the portal: the catalog table, the item form, import errors. */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { describeTimeLimit, type ParsedTimeLimit, parseTimeLimit, TRIGGER_LABELS } from '../../calendar/timelimit.js';
import type { Errors, Values } from '../../platform/ui/forms.js';
import { SelectField, TextField } from '../../platform/ui/forms.js';
import type { ImportError } from '../exchange/layout.js';
import { type CatalogItem, type CatalogItemData, STANDARD_CHANNELS, STATUS_LABELS, TIER_LABELS } from '../model.js';
import { DOMAINS } from '../vocabulary.js';

const tick = (b: boolean) => (b ? '√' : '');

export function channelsText(i: CatalogItemData): string[] {
  return [...i.channels, ...i.extraChannels];
}

/** The catalog table in the template's columns; `extra` renders an actions/comment cell per item. */
export function ItemsTable(props: {
  items: (CatalogItem | (CatalogItemData & { id: number; reviewComment?: string | null }))[];
  caption: string;
  extra?: (i: CatalogItem) => unknown;
  extraHeader?: string;
  showParsed?: boolean;
}) {
  const hasL3 = props.items.some((i) => i.level3);
  return (
    <div class="table-scroll">
      <table class="data catalog">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" rowspan={2}>
              序号
            </th>
            <th scope="colgroup" colspan={hasL3 ? 3 : 2}>
              公开事项
            </th>
            <th scope="col" rowspan={2}>
              公开内容（要素）
            </th>
            <th scope="col" rowspan={2}>
              公开依据
            </th>
            <th scope="col" rowspan={2}>
              公开时限
            </th>
            <th scope="col" rowspan={2}>
              公开主体
            </th>
            <th scope="col" rowspan={2}>
              公开渠道和载体
            </th>
            <th scope="colgroup" colspan={2}>
              公开对象
            </th>
            <th scope="colgroup" colspan={2}>
              公开方式
            </th>
            <th scope="col" rowspan={2}>
              公开层级
            </th>
            {props.extra ? (
              <th scope="col" rowspan={2}>
                {props.extraHeader ?? '操作'}
              </th>
            ) : null}
          </tr>
          <tr>
            <th scope="col">一级事项</th>
            <th scope="col">二级事项</th>
            {hasL3 ? <th scope="col">三级事项</th> : null}
            <th scope="col">全社会</th>
            <th scope="col">特定群体</th>
            <th scope="col">主动</th>
            <th scope="col">依申请</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((i, n) => (
            <tr id={`item-${i.id}`} class={i.reviewComment ? 'returned' : undefined}>
              <td>{n + 1}</td>
              <td>{i.level1}</td>
              <td>{i.level2 ?? ''}</td>
              {hasL3 ? <td>{i.level3 ?? ''}</td> : null}
              <td class="pre">{i.elements.replace(/●/g, '\n●').trim()}</td>
              <td class="pre">{i.basis}</td>
              <td class="tl">
                {i.timeLimit}
                {props.showParsed ? (
                  <ParsedLimit
                    text={i.timeLimit}
                    limit={(i as { limit?: ParsedTimeLimit }).limit}
                    manual={
                      (i as { manualRule?: { amount: number; unit: string; trigger: string } | null }).manualRule ??
                      null
                    }
                  />
                ) : null}
              </td>
              <td class="subject">{i.subject}</td>
              <td class="pre">{channelsText(i).join('\n')}</td>
              <td>{tick(i.audiencePublic)}</td>
              <td>{i.audienceSpecific ? `√${i.specificGroup ? `（${i.specificGroup}）` : ''}` : ''}</td>
              <td>{tick(i.modeProactive)}</td>
              <td>{tick(i.modeOnRequest)}</td>
              <td>{i.tiers.map((t) => TIER_LABELS[t]).join('、')}</td>
              {props.extra ? <td>{props.extra(i as CatalogItem) as never}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * How the 公开时限 text reads as a rule (or 需人工设定), for editors and reviewers. An item of a
 * published version carries the reading fixed at publication (`limit`); a working copy is read here.
 */
function ParsedLimit(props: {
  text: string;
  limit?: ParsedTimeLimit;
  manual: { amount: number; unit: string; trigger: string } | null;
}) {
  if (props.manual)
    return (
      <span class="parsed">
        人工设定：自{TRIGGER_LABELS[props.manual.trigger as keyof typeof TRIGGER_LABELS] ?? props.manual.trigger}起
        {props.manual.amount}
        {props.manual.unit === 'workday' ? '个工作日' : '日'}内
      </span>
    );
  const p = props.limit ?? parseTimeLimit(props.text);
  return (
    <span class={p.status === 'manual' ? 'parsed manual' : 'parsed'}>
      {p.status === 'manual' ? `解析：需人工设定${p.note ? `（${p.note}）` : ''}` : `解析：${describeTimeLimit(p)}`}
    </span>
  );
}

/** Group items by domain in the order of the 26 domains, local domains last. */
export function byDomain<T extends { domain: string }>(items: T[]): [string, T[]][] {
  const order: string[] = DOMAINS.map((d) => d.name);
  const groups = new Map<string, T[]>();
  for (const i of items) groups.set(i.domain, [...(groups.get(i.domain) ?? []), i]);
  return [...groups].sort((a, b) => (order.indexOf(a[0]) + 1 || 999) - (order.indexOf(b[0]) + 1 || 999));
}

const on = (v: unknown) => v === true || v === '1' || v === 'on';

/** The item form (add and edit); values use the form's field names. */
export function ItemFields(props: {
  values: Values;
  errors?: Errors;
  units?: { id: number; name: string }[];
  categories?: string[];
}) {
  const v = props.values;
  const e = props.errors ?? {};
  const box = (name: string, label: string) => (
    <span class="tick">
      <input type="checkbox" id={`f-${name}`} name={name} value="1" checked={on(v[name])} />
      <label for={`f-${name}`}>{label}</label>
    </span>
  );
  return (
    <>
      <fieldset>
        <legend>公开事项</legend>
        <SelectField
          name="domain"
          label="所属领域（类别）"
          values={v}
          errors={e}
          required
          placeholder="（请选择）"
          options={(props.categories ?? DOMAINS.map((d) => d.name)).map((d) => ({ value: d, label: d }))}
        />
        <TextField name="level1" label="一级事项" values={v} errors={e} required maxlength={100} />
        <TextField name="level2" label="二级事项" values={v} errors={e} maxlength={100} />
        <TextField
          name="level3"
          label="三级事项"
          values={v}
          errors={e}
          maxlength={100}
          hint="部分地方目录细化到三级，没有可不填。"
        />
      </fieldset>
      <fieldset>
        <legend>公开内容、依据、时限和主体</legend>
        <div class={e.elements ? 'field has-error' : 'field'}>
          <label for="f-elements">
            公开内容（要素）
            <span class="req" aria-hidden="true">
              *
            </span>
          </label>
          <p class="hint" id="h-elements">
            每个要素以“●”开头，如：●救助对象姓名●救助金额
          </p>
          {e.elements ? (
            <p class="field-error" id="e-elements">
              {e.elements}
            </p>
          ) : null}
          <textarea id="f-elements" name="elements" rows={4} required aria-describedby="h-elements">
            {String(v.elements ?? '')}
          </textarea>
        </div>
        <div class={e.basis ? 'field has-error' : 'field'}>
          <label for="f-basis">
            公开依据
            <span class="req" aria-hidden="true">
              *
            </span>
          </label>
          {e.basis ? (
            <p class="field-error" id="e-basis">
              {e.basis}
            </p>
          ) : null}
          <textarea id="f-basis" name="basis" rows={3} required>
            {String(v.basis ?? '')}
          </textarea>
        </div>
        <TextField
          name="time_limit"
          label="公开时限"
          values={v}
          errors={e}
          required
          maxlength={500}
          hint="如：信息形成或变更之日起20个工作日内（条例第二十六条）"
        />
        <details open={Boolean(v.rule_amount) || Boolean(e.rule_amount || e.rule_unit || e.rule_trigger)}>
          <summary>人工设定期限规则（公开时限无法自动解析时填写）</summary>
          <div class="rule-row">
            <TextField name="rule_amount" label="期限天数" values={v} errors={e} inputmode="numeric" />
            <SelectField
              name="rule_unit"
              label="单位"
              values={v}
              errors={e}
              placeholder="（请选择）"
              options={[
                { value: 'workday', label: '个工作日' },
                { value: 'day', label: '日（自然日）' },
              ]}
            />
            <SelectField
              name="rule_trigger"
              label="起算事件"
              values={v}
              errors={e}
              placeholder="（请选择）"
              options={Object.entries(TRIGGER_LABELS).map(([k, l]) => ({ value: k, label: `自${l}起` }))}
            />
          </div>
        </details>
        <TextField name="subject" label="公开主体" values={v} errors={e} required maxlength={200} />
      </fieldset>
      <fieldset>
        <legend>公开渠道和载体</legend>
        {e.channel_0 ? (
          <p class="field-error" id="e-channel_0">
            {e.channel_0}
          </p>
        ) : null}
        <div class="ticks">{STANDARD_CHANNELS.map((c, i) => box(`channel_${i}`, c))}</div>
        <div class={e.extra_channels ? 'field has-error' : 'field'}>
          <label for="f-extra_channels">其他渠道（每行一个，如“公共资源交易平台”）</label>
          {e.extra_channels ? (
            <p class="field-error" id="e-extra_channels">
              {e.extra_channels}
            </p>
          ) : null}
          <textarea id="f-extra_channels" name="extra_channels" rows={2}>
            {String(v.extra_channels ?? '')}
          </textarea>
        </div>
      </fieldset>
      <fieldset>
        <legend>公开对象、方式和层级</legend>
        {e.audience_public ? (
          <p class="field-error" id="e-audience_public">
            {e.audience_public}
          </p>
        ) : null}
        <div class="ticks">
          {box('audience_public', '全社会')}
          {box('audience_specific', '特定群体')}
        </div>
        <TextField
          name="specific_group"
          label="特定群体（请写明）"
          values={v}
          errors={e}
          maxlength={100}
          hint="选择“特定群体”时必填，如“低保对象”"
        />
        {e.mode_proactive ? (
          <p class="field-error" id="e-mode_proactive">
            {e.mode_proactive}
          </p>
        ) : null}
        <div class="ticks" role="group" aria-label="公开方式">
          {box('mode_proactive', '主动公开')}
          {box('mode_on_request', '依申请公开')}
        </div>
        {e.tier_county ? (
          <p class="field-error" id="e-tier_county">
            {e.tier_county}
          </p>
        ) : null}
        <div class="ticks" role="group" aria-label="公开层级">
          {box('tier_county', '县级')}
          {box('tier_township', '乡级')}
          {box('tier_village', '村级')}
        </div>
      </fieldset>
      {props.units ? (
        <fieldset>
          <legend>责任单位和联系方式</legend>
          <SelectField
            name="responsible_unit_id"
            label="责任单位"
            values={v}
            errors={e}
            options={props.units.map((u) => ({ value: u.id, label: u.name }))}
            hint="负责公开该事项的单位，默认为本单位。"
          />
          <TextField
            name="contact"
            label="联系人和电话"
            values={v}
            errors={e}
            maxlength={100}
            hint="如：社会事务办 0000-1234567"
          />
        </fieldset>
      ) : null}
    </>
  );
}

/** Form values of an existing item. */
export function itemValues(
  i: CatalogItemData & {
    responsibleUnitId?: number | null;
    contact?: string | null;
    manualRule?: { amount: number; unit: string; trigger: string } | null;
  },
): Values {
  const v: Values = {
    rule_amount: i.manualRule?.amount ?? '',
    rule_unit: i.manualRule?.unit ?? '',
    rule_trigger: i.manualRule?.trigger ?? '',
    responsible_unit_id: i.responsibleUnitId ?? '',
    contact: i.contact ?? '',
    domain: i.domain,
    level1: i.level1,
    level2: i.level2 ?? '',
    level3: i.level3 ?? '',
    elements: i.elements,
    basis: i.basis,
    time_limit: i.timeLimit,
    subject: i.subject,
    extra_channels: i.extraChannels.join('\n'),
    audience_public: i.audiencePublic,
    audience_specific: i.audienceSpecific,
    specific_group: i.specificGroup ?? '',
    mode_proactive: i.modeProactive,
    mode_on_request: i.modeOnRequest,
  };
  for (const [n, c] of STANDARD_CHANNELS.entries()) v[`channel_${n}`] = i.channels.includes(c);
  for (const t of i.tiers) v[`tier_${t}`] = true;
  return v;
}

/** The status of a unit's catalog on the board (not_started when it has none yet). */
export const statusLabel = (s: string) => (s === 'not_started' ? '未开始' : (STATUS_LABELS[s] ?? s));

/** The errors of a refused import, by sheet, row and column (at most 200 listed). */
export function ImportErrors(props: { errors: ImportError[] }) {
  return (
    <div class="error-summary" role="alert">
      <p class="error-summary-title">导入失败，未做任何修改。共 {props.errors.length} 处错误：</p>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">工作表</th>
            <th scope="col">行</th>
            <th scope="col">列</th>
            <th scope="col">问题</th>
          </tr>
        </thead>
        <tbody>
          {props.errors.slice(0, 200).map((e) => (
            <tr>
              <td>{e.sheet || '—'}</td>
              <td>{e.row || '—'}</td>
              <td>{e.column || '—'}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.errors.length > 200 ? <p>另有 {props.errors.length - 200} 处错误未列出。</p> : null}
    </div>
  );
}

/** The fields of an item record (梳理): one text field per 要素. */
export function RecordFields(props: { fields: string[]; values: Values; errors?: Errors }) {
  return (
    <>
      {props.fields.map((f, i) => (
        <TextField name={`field_${i}`} label={f} values={props.values} errors={props.errors} maxlength={500} />
      ))}
    </>
  );
}

/** The request the pages render for (the layouts read the session, the site and the CSRF token from it). */
export type C = Context<AppEnv>;
