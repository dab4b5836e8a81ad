/**
 * The vocabularies of the catalogs: the items of 条例第二十条 and 第二十一条 (the supplementary
 * catalog and the sub-columns of 法定主动公开内容) and the 26 pilot domains of 基层政务公开
 * 标准化规范化 (国办发〔2019〕54号). Other modules read them from here.
 */
/** 条例第二十条: the fifteen items every agency discloses proactively (sub-columns of 法定主动公开内容). */
export const ARTICLE_20_ITEMS = [
  '行政法规、规章和规范性文件',
  '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  '国民经济和社会发展规划、专项规划、区域规划及相关政策',
  '国民经济和社会发展统计信息',
  '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  '财政预算、决算信息',
  '行政事业性收费项目及其依据、标准',
  '政府集中采购项目的目录、标准及实施情况',
  '重大建设项目的批准和实施情况',
  '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  '突发公共事件的应急预案、预警信息及应对情况',
  '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  '公务员招考的职位、名额、报考条件等事项以及录用结果',
  '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
] as const;

/** 条例第二十一条: additional proactive content of county governments and their departments. */
export const ARTICLE_21_COUNTY = [
  '市政建设',
  '公共服务',
  '公益事业',
  '土地征收',
  '房屋征收',
  '治安管理',
  '社会救助',
] as const;
/** 条例第二十一条: additional proactive content of 乡（镇）人民政府. */
export const ARTICLE_21_TOWNSHIP = [
  '贯彻落实农业农村政策',
  '农田水利工程建设运营',
  '农村土地承包经营权流转',
  '宅基地使用情况审核',
  '土地征收',
  '房屋征收',
  '筹资筹劳',
  '社会救助',
] as const;

export const CHINESE_NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
] as const;

/** The 26 pilot domains of 基层政务公开标准化规范化, in the order of 国办发〔2017〕42号. */
export const DOMAINS = [
  { slug: 'guotu-kongjian-guihua', name: '国土空间规划（城乡规划）' },
  { slug: 'zhongda-jianshe-xiangmu', name: '重大建设项目' },
  { slug: 'gonggong-ziyuan-jiaoyi', name: '公共资源交易' },
  { slug: 'caizheng-yujuesuan', name: '财政预决算' },
  { slug: 'anquan-shengchan', name: '安全生产' },
  { slug: 'shuishou-guanli', name: '税收管理' },
  { slug: 'zhengdi-buchang', name: '征地补偿（农村集体土地征收）' },
  { slug: 'guoyou-tudi-fangwu-zhengshou', name: '国有土地上房屋征收与补偿' },
  { slug: 'nongcun-weifang-gaizao', name: '农村危房改造' },
  { slug: 'shengtai-huanjing', name: '环境保护（生态环境）' },
  { slug: 'gonggong-wenhua', name: '公共文化服务' },
  { slug: 'fupin', name: '扶贫' },
  { slug: 'jiuzai', name: '救灾' },
  { slug: 'shehui-jiuzhu', name: '社会救助' },
  { slug: 'yanglao-fuwu', name: '养老服务' },
  { slug: 'huji-guanli', name: '户籍管理' },
  { slug: 'shenong-butie', name: '涉农补贴' },
  { slug: 'yiwu-jiaoyu', name: '义务教育' },
  { slug: 'weisheng-jiankang', name: '医疗卫生（卫生健康）' },
  { slug: 'shipin-yaopin', name: '食品药品监管' },
  { slug: 'chengshi-zonghe-zhifa', name: '城市综合执法' },
  { slug: 'jiuye-chuangye', name: '就业（创业）' },
  { slug: 'shehui-baoxian', name: '社会保险' },
  { slug: 'baozhang-zhufang', name: '保障性住房' },
  { slug: 'shizheng-fuwu', name: '市政服务' },
  { slug: 'gonggong-falv', name: '公共法律服务' },
] as const;
