/** 行政复议 and 行政诉讼 about a reply: the list with the form to record each result, and the form to register one. */
import { Csrf, SelectField, TextField } from '../../platform/ui/forms.js';
import { APPEAL_KINDS, APPEAL_RESULTS } from '../model.js';
import type { RequestCtx } from './request-context.js';

export function AppealsSection({ c, id, v, q, errors, today, action }: RequestCtx) {
  const { appeals } = v;
  return v.canHandle && ['replied', 'delivered', 'archived'].includes(q.status) ? (
    <section aria-labelledby="appeals-h">
      <h2 id="appeals-h">行政复议和行政诉讼</h2>
      {appeals.length ? (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">类型</th>
              <th scope="col">申请或起诉日期</th>
              <th scope="col">结果</th>
              <th scope="col">登记结果</th>
            </tr>
          </thead>
          <tbody>
            {appeals.map((a) => (
              <tr>
                <td>
                  {APPEAL_KINDS[a.kind as keyof typeof APPEAL_KINDS] === '行政复议'
                    ? '行政复议'
                    : `行政诉讼（${APPEAL_KINDS[a.kind as keyof typeof APPEAL_KINDS]}）`}
                </td>
                <td>{a.filed_on}</td>
                <td>
                  {a.result
                    ? `${APPEAL_RESULTS[a.result as keyof typeof APPEAL_RESULTS]}（${a.decided_on}）`
                    : '尚未审结'}
                </td>
                <td>
                  <form method="post" action={`/admin/requests/${id}/appeal-result`} class="inline" novalidate>
                    <Csrf token={c.get('csrf')} />
                    <input type="hidden" name="appeal_id" value={String(a.id)} />
                    <label class="visually-hidden" for={`f-result-${a.id}`}>
                      结果
                    </label>
                    <select id={`f-result-${a.id}`} name="result">
                      {Object.entries(APPEAL_RESULTS).map(([k, l]) => (
                        <option value={k} selected={a.result === k}>
                          {l}
                        </option>
                      ))}
                    </select>
                    <label class="visually-hidden" for={`f-decided-${a.id}`}>
                      结果日期
                    </label>
                    <input id={`f-decided-${a.id}`} type="date" name="decided_on" value={a.decided_on ?? today} />
                    <button type="submit" class="button secondary small">
                      保存结果
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">没有针对本答复的行政复议或行政诉讼。</p>
      )}
      {action(
        'appeal',
        '登记行政复议或行政诉讼',
        <>
          <SelectField
            name="kind"
            label="类型"
            values={{}}
            errors={errors}
            required
            placeholder="（请选择）"
            options={[
              { value: 'review', label: '行政复议' },
              { value: 'litigationDirect', label: '行政诉讼（未经复议直接起诉）' },
              { value: 'litigationAfterReview', label: '行政诉讼（复议后起诉）' },
            ]}
          />
          <TextField
            name="filed_on"
            label="申请复议或起诉日期"
            type="date"
            values={{ filed_on: today }}
            errors={errors}
            required
          />
        </>,
        '登记',
      )}
    </section>
  ) : null;
}
