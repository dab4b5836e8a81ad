/** The annual report rendered with the exact labels of the 2021 format (HTML for the portal and export). */
import { SECTION_TITLES, type TABLE2_FIELDS, TABLE3_NOTE, TABLE3_ROWS } from '../model.js';
import { COLUMNS, type Column } from '../table3.js';
import { APPEAL_KINDS } from '../../requests/model.js';
import { T4_CELLS } from '../table4.js';
import type { ReportData } from '../annual.js';

const Paras = (props: { text: string }) => (
  <>
    {props.text
      .split('\n')
      .filter(Boolean)
      .map((p) => (
        <p class="para">{p}</p>
      ))}
  </>
);

export function Table2View(props: { t: ReportData['table2'] }) {
  const v = (k: (typeof TABLE2_FIELDS)[number][0]) => String(props.t[k]);
  return (
    <table class="data report">
      <caption class="visually-hidden">主动公开政府信息情况</caption>
      <tbody>
        <tr>
          <th colspan={4} scope="colgroup">
            第二十条第（一）项
          </th>
        </tr>
        <tr>
          <th scope="col">信息内容</th>
          <th scope="col">本年制发件数</th>
          <th scope="col">本年废止件数</th>
          <th scope="col">现行有效件数</th>
        </tr>
        <tr>
          <th scope="row">规章</th>
          <td>{v('rules_new')}</td>
          <td>{v('rules_repealed')}</td>
          <td>{v('rules_valid')}</td>
        </tr>
        <tr>
          <th scope="row">行政规范性文件</th>
          <td>{v('normative_new')}</td>
          <td>{v('normative_repealed')}</td>
          <td>{v('normative_valid')}</td>
        </tr>
        <tr>
          <th colspan={4} scope="colgroup">
            第二十条第（五）项
          </th>
        </tr>
        <tr>
          <th scope="col">信息内容</th>
          <th colspan={3} scope="col">
            本年处理决定数量
          </th>
        </tr>
        <tr>
          <th scope="row">行政许可</th>
          <td colspan={3}>{v('licensing')}</td>
        </tr>
        <tr>
          <th colspan={4} scope="colgroup">
            第二十条第（六）项
          </th>
        </tr>
        <tr>
          <th scope="col">信息内容</th>
          <th colspan={3} scope="col">
            本年处理决定数量
          </th>
        </tr>
        <tr>
          <th scope="row">行政处罚</th>
          <td colspan={3}>{v('penalty')}</td>
        </tr>
        <tr>
          <th scope="row">行政强制</th>
          <td colspan={3}>{v('coercion')}</td>
        </tr>
        <tr>
          <th colspan={4} scope="colgroup">
            第二十条第（八）项
          </th>
        </tr>
        <tr>
          <th scope="col">信息内容</th>
          <th colspan={3} scope="col">
            本年收费金额（单位：万元）
          </th>
        </tr>
        <tr>
          <th scope="row">行政事业性收费</th>
          <td colspan={3}>{v('fees')}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function Table3View(props: { t: ReportData['table3'] }) {
  const cols: Column[] = [...COLUMNS];
  // Row spans of the label columns, as in the official form.
  const l1Span = (l1: string) => TABLE3_ROWS.filter((r) => r.l1 === l1).length;
  const l2Span = (l2: string) => TABLE3_ROWS.filter((r) => r.l2 === l2 && r.l3).length;
  let lastL1 = '';
  let lastL2 = '';
  return (
    <table class="data report">
      <caption class="visually-hidden">收到和处理政府信息公开申请情况</caption>
      <thead>
        <tr>
          <th colspan={3} rowspan={3} scope="col">
            {TABLE3_NOTE}
          </th>
          <th colspan={7} scope="colgroup">
            申请人情况
          </th>
        </tr>
        <tr>
          <th rowspan={2} scope="col">
            自然人
          </th>
          <th colspan={5} scope="colgroup">
            法人或其他组织
          </th>
          <th rowspan={2} scope="col">
            总计
          </th>
        </tr>
        <tr>
          <th scope="col">商业企业</th>
          <th scope="col">科研机构</th>
          <th scope="col">社会公益组织</th>
          <th scope="col">法律服务机构</th>
          <th scope="col">其他</th>
        </tr>
      </thead>
      <tbody>
        {TABLE3_ROWS.map((r) => {
          const cells = [];
          if (!r.l2)
            cells.push(
              <th colspan={3} scope="row">
                {r.l1}
              </th>,
            );
          else {
            if (r.l1 !== lastL1)
              cells.push(
                <th rowspan={l1Span(r.l1)} scope="rowgroup">
                  {r.l1}
                </th>,
              );
            if (!r.l3)
              cells.push(
                <th colspan={2} scope="row">
                  {r.l2}
                </th>,
              );
            else {
              if (r.l2 !== lastL2)
                cells.push(
                  <th rowspan={l2Span(r.l2)} scope="rowgroup">
                    {r.l2}
                  </th>,
                );
              cells.push(<th scope="row">{r.l3}</th>);
            }
          }
          lastL1 = r.l1;
          lastL2 = r.l2 ?? '';
          return (
            <tr>
              {cells}
              {cols.map((c) => (
                <td>{String(props.t[r.key as keyof ReportData['table3']][c])}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function Table4View(props: { t: ReportData['table4'] }) {
  const labels = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return (
    <table class="data report">
      <caption class="visually-hidden">政府信息公开行政复议、行政诉讼情况</caption>
      <thead>
        <tr>
          <th colspan={5} scope="colgroup">
            行政复议
          </th>
          <th colspan={10} scope="colgroup">
            行政诉讼
          </th>
        </tr>
        <tr>
          {labels.map((l) => (
            <th rowspan={2} scope="col">
              {l}
            </th>
          ))}
          <th colspan={5} scope="colgroup">
            未经复议直接起诉
          </th>
          <th colspan={5} scope="colgroup">
            复议后起诉
          </th>
        </tr>
        <tr>
          {[...labels, ...labels].map((l) => (
            <th scope="col">{l}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {(Object.keys(APPEAL_KINDS) as (keyof typeof APPEAL_KINDS)[]).flatMap((k) =>
            T4_CELLS.map((c) => <td>{String(props.t[k][c])}</td>),
          )}
        </tr>
      </tbody>
    </table>
  );
}

export function ReportView(props: { r: ReportData }) {
  const r = props.r;
  return (
    <article class="doc report-doc">
      <h1>
        {r.unitName}
        {r.year}年政府信息公开工作年度报告
      </h1>
      <h2>{SECTION_TITLES.one}</h2>
      <Paras text={r.sections.one} />
      <h2>{SECTION_TITLES.two}</h2>
      <Table2View t={r.table2} />
      <h2>{SECTION_TITLES.three}</h2>
      <Table3View t={r.table3} />
      <h2>{SECTION_TITLES.four}</h2>
      <Table4View t={r.table4} />
      <h2>{SECTION_TITLES.five}</h2>
      <Paras text={r.sections.five} />
      <h2>{SECTION_TITLES.six}</h2>
      <Paras text={r.sections.six} />
    </article>
  );
}
