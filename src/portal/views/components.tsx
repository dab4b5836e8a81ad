/** Parts shared by the portal's pages: column introductions, the office table, the ways of obtaining information. */
import { DOMAINS } from '../../catalog/vocabulary.js';
import * as org from '../../org/service.js';
import type { UnitRow } from '../../org/service.js';
import {
  CORRECTION_TEXT,
  FEE_TEXT,
  RECEIPT_DATE_RULES,
  REMEDY_TEXT,
  REPLY_DEADLINE_TEXT,
  REQUEST_CONTENTS,
} from '../guide.js';

export const COLUMN_INTRO: Record<string, string> = {
  zhinan:
    '政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容。',
  zhidu: '政府信息公开工作的法律法规、上级规定和本县制定的工作制度。',
  fdzdgknr: '按照《中华人民共和国政府信息公开条例》第二十条、第二十一条规定应当主动公开的政府信息。',
  ndbg: '本县人民政府及其部门、乡镇（街道）的政府信息公开工作年度报告。',
};

export const Empty = () => <p class="empty">本栏目暂无信息。</p>;

export function OfficeTable(props: { units: UnitRow[] }) {
  const rows = props.units.filter(org.hasOfficeRecord);
  if (!rows.length) return <p class="empty">暂无政府信息公开工作机构信息。</p>;
  return (
    <div class="table-scroll">
      <table class="data">
        <caption class="visually-hidden">政府信息公开工作机构联系方式</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">政府信息公开工作机构</th>
            <th scope="col">办公地址</th>
            <th scope="col">办公时间</th>
            <th scope="col">联系电话</th>
            <th scope="col">传真号码</th>
            <th scope="col">互联网联系方式</th>
            <th scope="col">邮政编码</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr>
              <th scope="row">
                <a href={`/xxgk/zhinan/${u.id}`}>{u.name}</a>
              </th>
              <td>{u.office_name ?? '—'}</td>
              <td>{u.office_address ?? '—'}</td>
              <td>{u.office_hours ?? '—'}</td>
              <td>{u.office_phone ?? '—'}</td>
              <td>{u.office_fax ?? '—'}</td>
              <td>{[u.office_email, u.office_website].filter(Boolean).join('；') || '—'}</td>
              <td>{u.office_postcode ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ObtainSection(props: { siteName: string }) {
  return (
    <>
      <h2>二、政府信息的获取方式</h2>
      <h3>（一）主动公开</h3>
      <p>
        属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内通过本平台（{props.siteName}
        政府信息公开平台）集中发布（《中华人民共和国政府信息公开条例》第二十四条、第二十六条），并视情况通过政府公报、新闻发布会以及报刊、广播、电视等途径公开（第二十三条）。公众可以在本平台检索、查阅、下载政府信息，也可以到县档案馆、县图书馆和政务服务中心设置的政府信息查阅场所查阅（第二十五条）。
      </p>
      <h3>（二）依申请公开</h3>
      <p>
        除行政机关主动公开的政府信息外，公民、法人或者其他组织可以向本县各级人民政府和对外以自己名义履行行政管理职能的县人民政府部门申请获取相关政府信息（第二十七条）。
      </p>
      <p>
        1．申请方式。应当向行政机关的政府信息公开工作机构提出，采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，申请人可以口头提出，由受理该申请的政府信息公开工作机构代为填写政府信息公开申请（第二十九条）。
      </p>
      <p>2．申请内容。政府信息公开申请应当包括下列内容（第二十九条）：</p>
      <ul class="plain">
        {REQUEST_CONTENTS.map((t) => (
          <li>{t}</li>
        ))}
      </ul>
      <p>3．收到申请之日的确定（第三十一条）：</p>
      <ul class="plain">
        {RECEIPT_DATE_RULES.map(([k, v]) => (
          <li>
            {k}的，{v}。
          </li>
        ))}
      </ul>
      <p>4．补正。{CORRECTION_TEXT}</p>
      <p>5．答复期限。{REPLY_DEADLINE_TEXT}</p>
      <p>6．收费。{FEE_TEXT}</p>
      <p>7．监督和救济。{REMEDY_TEXT}</p>
    </>
  );
}

/** The 26 pilot domains, each linking to its page. */
export function DomainGrid() {
  return (
    <ul class="domain-grid">
      {DOMAINS.map((d) => (
        <li>
          <a href={`/xxgk/lingyu/${d.slug}`}>{d.name}</a>
        </li>
      ))}
    </ul>
  );
}
