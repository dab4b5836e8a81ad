/** The consultations of a request (条例第三十二条、第三十四条) and the form to record each consultee's answer. */
import { Csrf, ErrorSummary } from '../../platform/ui/forms.js';
import { CONSULTATION_ANSWERS, CONSULTATION_STATUS, CONSULTEES } from '../model.js';
import { clockText } from './components.js';
import type { RequestCtx } from './request-context.js';

export function ConsultationsSection({ c, id, v, q, message, consultErrors, failed, today }: RequestCtx) {
  return v.consultations.length ? (
    <section aria-labelledby="consult-h">
      <h2 id="consult-h">征求意见（条例第三十二条、第三十四条）</h2>
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">对象</th>
              <th scope="col">名称</th>
              <th scope="col">发出征求意见书</th>
              <th scope="col">对方收到</th>
              <th scope="col">意见期限</th>
              <th scope="col">结果</th>
            </tr>
          </thead>
          <tbody>
            {v.consultations.map((x) => (
              <tr class={x.status === 'open' && x.clock?.state === 'overdue' ? 'overdue' : undefined}>
                <td>{CONSULTEES[x.partyType as keyof typeof CONSULTEES]?.label ?? x.partyType}</td>
                <td>{x.partyName}</td>
                <td>{x.sentOn}</td>
                <td>{x.receivedOn}</td>
                <td>
                  {x.due ?? '待载入节假日安排后计算'}
                  {x.status === 'open' && x.clock
                    ? `（${x.clock.state === 'overdue' ? '已届满' : clockText(x.clock)}）`
                    : ''}
                </td>
                <td>
                  {x.status === 'open'
                    ? CONSULTATION_STATUS.open
                    : `${x.status === 'lapsed' ? CONSULTATION_STATUS.lapsed : CONSULTATION_ANSWERS[x.answer as keyof typeof CONSULTATION_ANSWERS]}（${x.closedOn}）`}
                  {x.reason ? (
                    <>
                      <br />
                      理由：{x.reason}
                    </>
                  ) : null}
                  {x.consequence ? (
                    <>
                      <br />
                      <strong>{x.consequence}</strong>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {v.canHandle && q.status === 'consultation'
        ? v.consultations
            .filter((x) => x.status === 'open')
            .map((x) => (
              <form method="post" action={`/admin/requests/${id}/consulted`} class="form action-form" novalidate>
                <Csrf token={c.get('csrf')} />
                <h3>
                  登记{x.partyName}的意见（期限 {x.due ?? '待计算'}）
                </h3>
                {consultErrors && failed?.consultationId === String(x.id) ? (
                  <ErrorSummary
                    errors={consultErrors}
                    message={message}
                    labels={{ [`result-${x.id}`]: '结果', [`reason-${x.id}`]: '理由', [`date-${x.id}`]: '日期' }}
                  />
                ) : null}
                <input type="hidden" name="consultation_id" value={String(x.id)} />
                {/* One form per open consultee: field ids carry the consultation's id to stay unique on the page. */}
                <div class="field">
                  <label for={`f-result-${x.id}`}>
                    结果
                    <span class="req" aria-hidden="true">
                      *
                    </span>
                  </label>
                  <select id={`f-result-${x.id}`} name="result" required>
                    <option value="">（请选择）</option>
                    <option value="agree">同意公开</option>
                    <option value="disagree">不同意公开（填写理由）</option>
                    <option value="lapsed">
                      逾期未答复（{x.partyType === 'other_agency' ? '视为同意公开' : '由本机关决定是否公开'}）
                    </option>
                  </select>
                </div>
                <div class="field">
                  <label for={`f-reason-${x.id}`}>理由（不同意公开时必填）</label>
                  <input id={`f-reason-${x.id}`} name="reason" type="text" maxlength={2000} />
                </div>
                <div class="field">
                  <label for={`f-date-${x.id}`}>
                    收到意见或认定逾期日期
                    <span class="req" aria-hidden="true">
                      *
                    </span>
                  </label>
                  <input id={`f-date-${x.id}`} name="date" type="date" value={today} required />
                </div>
                <button type="submit" class="button">
                  登记结果
                </button>
              </form>
            ))
        : null}
    </section>
  ) : null;
}
