import type { Child } from 'hono/jsx';

/** Form building blocks: every error is shown beside its field and summarised at the top. */

export type Values = Record<string, unknown>;
export type Errors = Record<string, string>;

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function ErrorSummary(props: { errors?: Errors; labels?: Record<string, string>; message?: string }) {
  const entries = Object.entries(props.errors ?? {});
  if (!entries.length && !props.message) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <p class="error-summary-title">{props.message ?? '提交的内容有误，请按提示修改后重新提交。'}</p>
      {entries.length ? (
        <ul>
          {entries.map(([k, msg]) => (
            <li>
              {k === '_form' ? (
                msg
              ) : (
                <a href={`#f-${k}`}>
                  {props.labels?.[k] ? `${props.labels[k]}：` : ''}
                  {msg}
                </a>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  values?: Values;
  errors?: Errors;
  hint?: string;
  required?: boolean;
}

function FieldWrap(props: FieldProps & { children: Child }) {
  const err = props.errors?.[props.name];
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
      {props.children}
    </div>
  );
}

const describedBy = (p: FieldProps) =>
  [p.hint ? `h-${p.name}` : '', p.errors?.[p.name] ? `e-${p.name}` : ''].filter(Boolean).join(' ') || undefined;

export function TextField(
  props: FieldProps & {
    type?: string;
    maxlength?: number;
    autocomplete?: string;
    inputmode?: 'numeric' | 'text' | 'email' | 'tel';
  },
) {
  return (
    <FieldWrap {...props}>
      <input
        id={`f-${props.name}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.type === 'password' ? '' : str(props.values?.[props.name])}
        maxlength={props.maxlength}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        required={props.required}
        aria-invalid={props.errors?.[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </FieldWrap>
  );
}

export function SelectField(
  props: FieldProps & { options: { value: string | number; label: string }[]; placeholder?: string },
) {
  const current = str(props.values?.[props.name]);
  return (
    <FieldWrap {...props}>
      <select
        id={`f-${props.name}`}
        name={props.name}
        required={props.required}
        aria-invalid={props.errors?.[props.name] ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option value={String(o.value)} selected={String(o.value) === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldWrap>
  );
}

export function CheckboxField(props: FieldProps & { checked: boolean }) {
  const err = props.errors?.[props.name];
  return (
    <div class={err ? 'field checkbox has-error' : 'field checkbox'}>
      {err ? (
        <p class="field-error" id={`e-${props.name}`}>
          {err}
        </p>
      ) : null}
      <input id={`f-${props.name}`} type="checkbox" name={props.name} value="1" checked={props.checked} />
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.hint ? <p class="hint">{props.hint}</p> : null}
    </div>
  );
}

/** Render a pager for offset pagination. */
export function Pager(props: { page: number; hasNext: boolean; href: (page: number) => string }) {
  if (props.page <= 1 && !props.hasNext) return null;
  return (
    <nav class="pager" aria-label="分页">
      {props.page > 1 ? <a href={props.href(props.page - 1)}>上一页</a> : null}
      <span>第 {props.page} 页</span>
      {props.hasNext ? <a href={props.href(props.page + 1)}>下一页</a> : null}
    </nav>
  );
}

export const formatTime = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  // Display in China Standard Time (UTC+8), which every county uses.
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
};

/** The progress bar and live status line of an upload form (see static/upload.js). */
export function UploadProgress() {
  return (
    <>
      <progress hidden aria-label="上传进度"></progress>
      <p class="upload-status" role="status" aria-live="polite"></p>
    </>
  );
}
