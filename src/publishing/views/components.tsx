/** View pieces of publishing (信息发布) shared by the back-office pages. */
import type { Child } from 'hono/jsx';
import type { Errors, Values } from '../../platform/ui/forms.js';
import { ARTICLE_20_ITEMS, CHINESE_NUMERALS } from '../../catalog/vocabulary.js';
import { ATTRIBUTES, OPEN_STATUSES, RECORD_KINDS, STATUS_LABELS, VALIDITY } from '../model.js';

export const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function columnItemLabel(key: string | null | undefined): string {
  if (!key) return '—';
  const m = /^a20-(\d+)$/.exec(key);
  if (m) {
    const i = Number(m[1]) - 1;
    return ARTICLE_20_ITEMS[i] ? `第二十条（${CHINESE_NUMERALS[i]}）${ARTICLE_20_ITEMS[i]}` : key;
  }
  return key.startsWith('a21-') ? `第二十一条 ${key.slice(4)}` : key;
}

export const isOverdue = (r: { status: string; due_on: string | null }, today: string) =>
  !!r.due_on && r.due_on < today && (OPEN_STATUSES as readonly string[]).includes(r.status);

/** 公开期限, with a red “已逾期” label when it has passed and the record is not out. */
export function DueCell(props: { record: { status: string; due_on: string | null }; today: string }) {
  return (
    <>
      {props.record.due_on ?? '—'}
      {isOverdue(props.record, props.today) ? (
        <>
          {' '}
          <strong class="badge-overdue">已逾期</strong>
        </>
      ) : null}
    </>
  );
}

export function StatusText(props: { status: string; pending?: string | null }) {
  return (
    <>
      <span class={`status status-${props.status}`}>{STATUS_LABELS[props.status] ?? props.status}</span>
      {props.pending ? (
        <span class="muted">
          （变更{props.pending === 'submitted' ? '待审' : props.pending === 'returned' ? '已退回' : '草稿'}）
        </span>
      ) : null}
    </>
  );
}

/** A field box for controls the generic form fields do not cover (textareas, radio groups). */
export function Field(props: {
  name: string;
  label: string;
  errors?: Errors;
  hint?: string;
  required?: boolean;
  children: Child;
  group?: boolean;
}) {
  const err = props.errors?.[props.name];
  const head = (
    <>
      {props.hint ? (
        <p class="hint" id={`h-${props.name}`}>
          {props.hint}
        </p>
      ) : null}
      {err ? (
        <p class="field-error" id={`e-${props.name}`}>
          {err}
        </p>
      ) : null}
    </>
  );
  if (props.group) {
    return (
      <fieldset class={err ? 'field has-error' : 'field'}>
        <legend>
          {props.label}
          {props.required ? (
            <span class="req" aria-hidden="true">
              *
            </span>
          ) : null}
        </legend>
        {head}
        {props.children}
      </fieldset>
    );
  }
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <label for={`f-${props.name}`}>
        {props.label}
        {props.required ? (
          <span class="req" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {head}
      {props.children}
    </div>
  );
}

export function Radios(props: { name: string; values?: Values; options: { value: string; label: string }[] }) {
  const current = str(props.values?.[props.name]);
  return (
    <div class="ticks">
      {props.options.map((o, i) => (
        <span class="tick">
          <input
            type="radio"
            id={i === 0 ? `f-${props.name}` : `f-${props.name}-${o.value}`}
            name={props.name}
            value={o.value}
            checked={current === o.value}
          />
          <label for={i === 0 ? `f-${props.name}` : `f-${props.name}-${o.value}`}>{o.label}</label>
        </span>
      ))}
    </div>
  );
}

export function TextArea(props: {
  name: string;
  label: string;
  values?: Values;
  errors?: Errors;
  hint?: string;
  required?: boolean;
  rows?: number;
}) {
  const describedBy =
    [props.hint ? `h-${props.name}` : '', props.errors?.[props.name] ? `e-${props.name}` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <Field {...props}>
      <textarea
        id={`f-${props.name}`}
        name={props.name}
        rows={props.rows ?? 3}
        required={props.required}
        aria-invalid={props.errors?.[props.name] ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {str(props.values?.[props.name])}
      </textarea>
    </Field>
  );
}

export const kindLabel = (k: string) => RECORD_KINDS[k as keyof typeof RECORD_KINDS] ?? k;
export const attributeLabel = (a: string) => ATTRIBUTES[a as keyof typeof ATTRIBUTES] ?? a;
export const validityLabel = (v: string) => VALIDITY[v as keyof typeof VALIDITY] ?? v;
