/** The form where applicants look a request up by 申请编号 and 查询码. */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import { Csrf, ErrorSummary, type Errors, TextField, type Values } from '../../platform/ui/forms.js';

export function QueryPage(props: { c: Context<AppEnv>; values: Values; errors?: Errors }) {
  return (
    <PortalLayout
      c={props.c}
      title="查询申请办理进度"
      current="ysqgk"
      crumbs={[{ href: '/ysqgk', label: '依申请公开' }, { label: '查询办理进度' }]}
    >
      <h1>查询申请办理进度</h1>
      <form method="post" action="/ysqgk/query" class="form narrow" novalidate>
        <Csrf token={props.c.get('csrf')} />
        <ErrorSummary errors={props.errors} labels={{ number: '申请编号' }} />
        <TextField
          name="number"
          label="申请编号"
          values={props.values}
          errors={props.errors}
          required
          autocomplete="off"
        />
        <TextField name="code" label="查询码" values={{}} required autocomplete="off" />
        <button type="submit" class="button">
          查询
        </button>
      </form>
    </PortalLayout>
  );
}
