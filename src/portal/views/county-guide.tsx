/** 政府信息公开指南 (/xxgk/zhinan): the county's guide, with every unit's 政府信息公开工作机构. */
import type { Context } from 'hono';
import type { SiteInfo } from '../../platform/web/env.js';
import { formatTime } from '../../platform/ui/forms.js';
import type { countyGuide } from '../service.js';
import { ObtainSection, OfficeTable } from './components.js';
import { PortalLayout } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';

export function CountyGuidePage(
  props: { c: Context<AppEnv>; site: SiteInfo } & Awaited<ReturnType<typeof countyGuide>>,
) {
  const { c, site, units, updated } = props;
  return (
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
    </PortalLayout>
  );
}
