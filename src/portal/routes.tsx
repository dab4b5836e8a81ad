import { Hono } from 'hono';
import type { AppEnv } from '../platform/web/env.js';
import { PortalLayout, page } from '../platform/ui/layout.js';
import { NotFoundError } from '../platform/errors.js';
import { formatTime, Pager } from '../platform/ui/forms.js';
import * as org from '../org/service.js';
import type { UnitRow } from '../org/service.js';
import { UNIT_KIND_LABELS, type UnitKind } from '../org/model.js';
import { publishedDomainItems } from '../catalog/service.js';
import { publishedReports } from '../reports/annual.js';
import { ItemsTable } from '../catalog/views.js';
import { STANDARD_COLUMNS, REQUEST_COLUMN } from './columns.js';
import {
  DOMAINS,
  ARTICLE_20_ITEMS,
  ARTICLE_21_COUNTY,
  ARTICLE_21_TOWNSHIP,
  CHINESE_NUMERALS,
} from '../catalog/vocabulary.js';
import { RecordList } from '../publishing/views/portal-components.js';
import * as pub from '../publishing/public.js';
import {
  RECEIPT_DATE_RULES,
  REQUEST_CONTENTS,
  REPLY_DEADLINE_TEXT,
  CORRECTION_TEXT,
  FEE_TEXT,
  REMEDY_TEXT,
} from './guide.js';

const COLUMN_INTRO: Record<string, string> = {
  zhinan:
    '政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、互联网联系方式等内容。',
  zhidu: '政府信息公开工作的法律法规、上级规定和本县制定的工作制度。',
  fdzdgknr: '按照《中华人民共和国政府信息公开条例》第二十条、第二十一条规定应当主动公开的政府信息。',
  ndbg: '本县人民政府及其部门、乡镇（街道）的政府信息公开工作年度报告。',
};

const Empty = () => <p class="empty">本栏目暂无信息。</p>;

function OfficeTable(props: { units: UnitRow[] }) {
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

function ObtainSection(props: { siteName: string }) {
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

export function portalRoutes() {
  const r = new Hono<AppEnv>();

  const requireSite = (site: AppEnv['Variables']['site']) => {
    if (!site)
      throw new NotFoundError('本平台尚未初始化。请管理员运行 gongkai init --county <区划代码> 创建本县（区）。');
    return site;
  };

  r.get('/', async (c) => {
    const site = c.get('site');
    const db = c.get('deps').db;
    const [latest, notices, rules, reports] = site
      ? await Promise.all([
          pub.listPublic(db, site.jurisdictionCode, { columnSlug: 'fdzdgknr', pageSize: 8 }),
          pub.latestByGenres(db, site.jurisdictionCode, ['通知', '公告', '通告', '公示'], 8),
          pub.listPublic(db, site.jurisdictionCode, { columnSlug: 'zhidu', pageSize: 5 }),
          publishedReports(db, site.jurisdictionCode),
        ])
      : [{ rows: [] }, [], { rows: [] }, []];
    const columnRows: Record<string, pub.PublicRow[]> = { fdzdgknr: latest.rows, zhidu: rules.rows };
    return page(
      c,
      <PortalLayout c={c} title="首页" current="home">
        <h1 class="visually-hidden">{site?.name ?? ''}政府信息公开</h1>
        {!site ? (
          <p class="notice">
            本平台尚未初始化：请管理员运行 <code>gongkai init --county &lt;区划代码&gt;</code>。
          </p>
        ) : null}
        <section class="home-top" aria-labelledby="notices-h">
          <h2 id="notices-h">通知公告</h2>
          <RecordList rows={notices} empty="暂无通知公告。" />
          <form class="home-search" method="get" action="/search" role="search">
            <label for="home-q">检索政府信息</label>
            <input id="home-q" name="q" type="search" maxlength={60} placeholder="如：低保、征地补偿" />
            <button class="button" type="submit">
              检索
            </button>
          </form>
        </section>
        <section class="columns-grid" aria-label="政府信息公开栏目">
          {STANDARD_COLUMNS.map((col) => (
            <section class="column-card">
              <h2>
                <a href={`/xxgk/${col.slug}`}>{col.name}</a>
              </h2>
              <p>{COLUMN_INTRO[col.slug]}</p>
              {col.slug in columnRows ? <RecordList rows={columnRows[col.slug]} /> : null}
              {col.slug === 'ndbg' ? (
                reports.length ? (
                  <ul class="record-list">
                    {reports.slice(0, 5).map((x) => (
                      <li>
                        <a href={`/xxgk/ndbg/${x.id}`}>
                          {x.unit_name}
                          {x.year}年政府信息公开工作年度报告
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Empty />
                )
              ) : null}
            </section>
          ))}
          <section class="column-card">
            <h2>
              <a href={`/${REQUEST_COLUMN.slug}`}>{REQUEST_COLUMN.name}</a>
            </h2>
            <p>公民、法人或者其他组织可以向行政机关申请获取相关政府信息。这里说明申请方式、申请内容和答复期限。</p>
          </section>
        </section>
        <section aria-labelledby="domains-h">
          <h2 id="domains-h">重点领域信息公开（基层政务公开标准化规范化 26 个试点领域）</h2>
          <ul class="domain-grid">
            {DOMAINS.map((d) => (
              <li>
                <a href={`/xxgk/lingyu/${d.slug}`}>{d.name}</a>
              </li>
            ))}
          </ul>
        </section>
      </PortalLayout>,
    );
  });

  r.get('/xxgk/zhinan', async (c) => {
    const site = requireSite(c.get('site'));
    const units = await org.publicUnits(c.get('deps').db, site.jurisdictionCode);
    let updated = ''; // the newest ISO timestamp (they compare as text)
    for (const u of units) if (u.updated_at > updated) updated = u.updated_at;
    return page(
      c,
      <PortalLayout c={c} title="政府信息公开指南" current="zhinan" crumbs={[{ label: '政府信息公开指南' }]}>
        <article class="doc">
          <h1>{site.name}政府信息公开指南</h1>
          <p>
            为了保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》第十二条，编制本指南。本指南适用于
            {site.jurisdictionName}
            人民政府及其所属部门、乡镇人民政府（街道办事处）。各单位的政府信息公开指南可从下表单位名称进入查阅。
          </p>
          <h2>一、政府信息的分类与编排体系</h2>
          <p>
            本平台设置“政府信息公开指南”“政府信息公开制度”“法定主动公开内容”“政府信息公开工作年度报告”四个栏目，并设置“依申请公开”栏目和基层政务公开标准化规范化
            26 个重点领域栏目。
          </p>
          <p>
            “法定主动公开内容”按照《中华人民共和国政府信息公开条例》第二十条规定的十五项内容，以及第二十一条对县级人民政府及其部门、乡（镇）人民政府规定的内容分类编排；重点领域信息按照各领域政务公开事项标准目录编排。每条政府信息标注索引号、主题分类、发布机构、成文日期、文号、发布日期和有效性，可按发布机构、主题分类、体裁和年份检索。
          </p>
          <ObtainSection siteName={site.name} />
          <h2>三、政府信息公开工作机构</h2>
          <OfficeTable units={units} />
          <p class="muted">本指南根据各单位登记的信息自动生成，最近更新：{formatTime(updated || null)}。</p>
        </article>
      </PortalLayout>,
    );
  });

  r.get('/xxgk/zhinan/:id{[0-9]+}', async (c) => {
    const site = requireSite(c.get('site'));
    const u = await org.publicUnit(c.get('deps').db, site.jurisdictionCode, Number(c.req.param('id')));
    return page(
      c,
      <PortalLayout
        c={c}
        title={`${u.name}政府信息公开指南`}
        current="zhinan"
        crumbs={[{ href: '/xxgk/zhinan', label: '政府信息公开指南' }, { label: u.name }]}
      >
        <article class="doc">
          <h1>{u.name}政府信息公开指南</h1>
          <p>
            根据《中华人民共和国政府信息公开条例》第十二条，编制{u.name}政府信息公开指南。单位类型：
            {UNIT_KIND_LABELS[u.kind as UnitKind] ?? u.kind}。
          </p>
          <h2>一、政府信息的分类与编排体系</h2>
          <p>
            {u.name}主动公开的政府信息在{site.name}政府信息公开平台按“法定主动公开内容”和重点领域栏目分类编排。
          </p>
          <ObtainSection siteName={site.name} />
          {u.receives_requests !== 1 ? (
            <p class="notice">本单位不单独受理政府信息公开申请，请向其所属行政机关提出。</p>
          ) : null}
          <h2>三、政府信息公开工作机构</h2>
          <dl class="meta">
            <dt>工作机构名称</dt>
            <dd>{u.office_name ?? '—'}</dd>
            <dt>办公地址</dt>
            <dd>{u.office_address ?? '—'}</dd>
            <dt>办公时间</dt>
            <dd>{u.office_hours ?? '—'}</dd>
            <dt>联系电话</dt>
            <dd>{u.office_phone ?? '—'}</dd>
            <dt>传真号码</dt>
            <dd>{u.office_fax ?? '—'}</dd>
            <dt>电子邮箱</dt>
            <dd>{u.office_email ?? '—'}</dd>
            <dt>互联网联系方式</dt>
            <dd>{u.office_website ?? '—'}</dd>
            <dt>邮政编码</dt>
            <dd>{u.office_postcode ?? '—'}</dd>
          </dl>
          <p class="muted">最近更新：{formatTime(u.updated_at)}。</p>
        </article>
      </PortalLayout>,
    );
  });

  r.get('/xxgk/zhidu', async (c) => {
    const site = c.get('site');
    const list = site
      ? await pub.listPublic(c.get('deps').db, site.jurisdictionCode, {
          columnSlug: 'zhidu',
          page: Number(c.req.query('page')) || 1,
        })
      : { rows: [], page: 1, hasNext: false };
    return page(
      c,
      <PortalLayout c={c} title="政府信息公开制度" current="zhidu" crumbs={[{ label: '政府信息公开制度' }]}>
        <h1>政府信息公开制度</h1>
        <p>{COLUMN_INTRO.zhidu}</p>
        <h2>法律法规和上级规定</h2>
        <ul>
          <li>《中华人民共和国政府信息公开条例》（2019年4月3日中华人民共和国国务院令第711号修订）</li>
          <li>《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）</li>
          <li>《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）</li>
          <li>《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》（国办发〔2019〕54号）</li>
        </ul>
        <h2>本县工作制度</h2>
        <RecordList rows={list.rows} />
        <Pager page={list.page} hasNext={list.hasNext} href={(p) => `/xxgk/zhidu?page=${p}`} />
        <p class="muted">
          <a href="/xxgk/zhidu/atom.xml">订阅本栏目（Atom）</a>
        </p>
      </PortalLayout>,
    );
  });

  r.get('/xxgk/fdzdgknr', async (c) => {
    const site = c.get('site');
    const byItem = site
      ? await pub.latestByColumnItem(
          c.get('deps').db,
          site.jurisdictionCode,
          pub.COLUMN_ITEMS.map((i) => i.key),
          5,
        )
      : new Map<string, pub.PublicRow[]>();
    const Sub = (props: { k: string }) => {
      const rows = byItem.get(props.k) ?? [];
      return (
        <>
          <RecordList rows={rows} />
          {rows.length ? (
            <p class="more">
              <a href={`/xxgk/fdzdgknr/${encodeURIComponent(props.k)}`}>更多</a>
            </p>
          ) : null}
        </>
      );
    };
    return page(
      c,
      <PortalLayout c={c} title="法定主动公开内容" current="fdzdgknr" crumbs={[{ label: '法定主动公开内容' }]}>
        <h1>法定主动公开内容</h1>
        <p>{COLUMN_INTRO.fdzdgknr}</p>
        <p>
          <a href="/xxgk/xxml">政府信息公开目录（按发布机构、主题分类、体裁、年份筛选）</a>　
          <a href="/search">全文检索</a>　<a href="/xxgk/fdzdgknr/atom.xml">订阅本栏目（Atom）</a>
        </p>
        <h2>《中华人民共和国政府信息公开条例》第二十条</h2>
        <ol class="article-items">
          {ARTICLE_20_ITEMS.map((t, i) => (
            <li id={`item-${i + 1}`}>
              <h3>
                <a href={`/xxgk/fdzdgknr/a20-${i + 1}`}>
                  （{CHINESE_NUMERALS[i]}）{t.replace(/；$/, '')}
                </a>
              </h3>
              <Sub k={`a20-${i + 1}`} />
            </li>
          ))}
        </ol>
        <h2>第二十一条：县级人民政府及其部门</h2>
        <p>{ARTICLE_21_COUNTY.join('、')}等方面的政府信息。</p>
        <ul class="article21">
          {ARTICLE_21_COUNTY.map((t) => (
            <li>
              <h3>
                <a href={`/xxgk/fdzdgknr/${encodeURIComponent(`a21-${t}`)}`}>{t}</a>
              </h3>
              <Sub k={`a21-${t}`} />
            </li>
          ))}
        </ul>
        <h2>第二十一条：乡（镇）人民政府</h2>
        <p>{ARTICLE_21_TOWNSHIP.join('、')}等方面的政府信息。</p>
        <ul class="article21">
          {ARTICLE_21_TOWNSHIP.filter((t) => !(ARTICLE_21_COUNTY as readonly string[]).includes(t)).map((t) => (
            <li>
              <h3>
                <a href={`/xxgk/fdzdgknr/${encodeURIComponent(`a21-${t}`)}`}>{t}</a>
              </h3>
              <Sub k={`a21-${t}`} />
            </li>
          ))}
        </ul>
      </PortalLayout>,
    );
  });

  r.get('/xxgk/ndbg', async (c) => {
    const site = c.get('site');
    const reports = site ? await publishedReports(c.get('deps').db, site.jurisdictionCode) : [];
    return page(
      c,
      <PortalLayout
        c={c}
        title="政府信息公开工作年度报告"
        current="ndbg"
        crumbs={[{ label: '政府信息公开工作年度报告' }]}
      >
        <h1>政府信息公开工作年度报告</h1>
        <p>{COLUMN_INTRO.ndbg}</p>
        <p>
          依照《中华人民共和国政府信息公开条例》第四十九条，县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布；县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告。
        </p>
        {reports.length ? (
          <ul>
            {reports.map((x) => (
              <li>
                <a href={`/xxgk/ndbg/${x.id}`}>
                  {x.unit_name}
                  {x.year}年政府信息公开工作年度报告
                </a>
                （{formatTime(x.published_at)}）
              </li>
            ))}
          </ul>
        ) : (
          <Empty />
        )}
      </PortalLayout>,
    );
  });

  r.get(`/${REQUEST_COLUMN.slug}`, async (c) => {
    const site = requireSite(c.get('site'));
    const units = (await org.publicUnits(c.get('deps').db, site.jurisdictionCode)).filter(
      (u) => u.receives_requests === 1,
    );
    return page(
      c,
      <PortalLayout c={c} title="依申请公开" current={REQUEST_COLUMN.slug} crumbs={[{ label: '依申请公开' }]}>
        <h1>依申请公开</h1>
        <ObtainSection siteName={site.name} />
        <p>
          想知道答复期限何时截止？请使用<a href="/qxjsq">期限计算器</a>，按工作日和法定节假日自动计算。
        </p>
        <p>
          <a class="button" href="/ysqgk/apply">
            在线提交申请
          </a>{' '}
          <a class="button secondary" href="/ysqgk/query">
            查询办理进度
          </a>
        </p>
        <p>也可以当面提交，或以信函、传真、电子邮件向下列受理机关的政府信息公开工作机构提出申请。</p>
        <h2>受理机关</h2>
        <OfficeTable units={units} />
      </PortalLayout>,
    );
  });

  r.get('/xxgk/lingyu', (c) =>
    page(
      c,
      <PortalLayout c={c} title="重点领域信息公开" current="lingyu" crumbs={[{ label: '重点领域信息公开' }]}>
        <h1>重点领域信息公开</h1>
        <p>
          按照基层政务公开标准化规范化要求，26 个试点领域的政务公开事项按各领域标准目录公开。各单位已发布的目录见
          <a href="/xxgk/ml">政务公开事项标准目录</a>。
        </p>
        <ul class="domain-grid">
          {DOMAINS.map((d) => (
            <li>
              <a href={`/xxgk/lingyu/${d.slug}`}>{d.name}</a>
            </li>
          ))}
        </ul>
      </PortalLayout>,
    ),
  );

  r.get('/xxgk/lingyu/:slug', async (c) => {
    const d = DOMAINS.find((x) => x.slug === c.req.param('slug'));
    if (!d) throw new NotFoundError('该领域栏目不存在。');
    const site = c.get('site');
    const published = site ? await publishedDomainItems(c.get('deps').db, site.jurisdictionCode, d.name) : [];
    const records = site
      ? await pub.recordsByItems(
          c.get('deps').db,
          site.jurisdictionCode,
          published.flatMap((p) => p.items.map((i) => i.id)),
          5,
        )
      : new Map();
    return page(
      c,
      <PortalLayout
        c={c}
        title={d.name}
        current="lingyu"
        crumbs={[{ href: '/xxgk/lingyu', label: '重点领域信息公开' }, { label: d.name }]}
      >
        <h1>{d.name}</h1>
        <h2>政务公开事项标准目录</h2>
        {published.length ? (
          published.map((p) => (
            <ItemsTable
              items={p.items}
              caption={p.unitName}
              extraHeader="公开信息"
              extra={(i) => {
                const e = records.get(i.id);
                return e ? (
                  <>
                    <RecordList rows={e.rows} />
                    {e.total > e.rows.length ? <a href={`/xxgk/item/${i.id}`}>更多（共 {e.total} 条）</a> : null}
                  </>
                ) : (
                  <span class="muted">暂无</span>
                );
              }}
            />
          ))
        ) : (
          <p class="empty">本领域标准目录尚未发布。</p>
        )}
        {published.length ? (
          <p>
            <a href="/xxgk/ml">查看各单位完整目录和版本历史</a>
          </p>
        ) : null}
        <h2>公开信息</h2>
        {published.some((p) => p.items.some((i) => records.has(i.id))) ? (
          <ul class="record-list">
            {published
              .flatMap((p) =>
                p.items.flatMap((i) =>
                  (records.get(i.id)?.rows ?? []).map((r: pub.PublicRow) => ({ r, item: i.level1 })),
                ),
              )
              .sort((a, b) => (b.r.published_at ?? '').localeCompare(a.r.published_at ?? ''))
              .slice(0, 20)
              .map(({ r, item }) => (
                <li>
                  <a href={`/xxgk/info/${r.id}`}>{r.title}</a>{' '}
                  <span class="muted">
                    {item}　{r.publisher}　{r.published_on}
                  </span>
                </li>
              ))}
          </ul>
        ) : (
          <Empty />
        )}
      </PortalLayout>,
    );
  });

  return r;
}
