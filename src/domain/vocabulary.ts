import { normalizeText } from './text/normalize.js';

/**
 * The programme's closed lists: the code stored in the database, the English
 * label, and the Chinese words a clerk or a roster may use for it (the first
 * is how it is shown). Every place that takes a code takes any of these, so
 * the seed's own wording (送餐员, 充电充气工具, 门牌标识 …) is understood
 * wherever it belongs. Display text is served through the messages module
 * (`term.<kind>.<code>`), which reads its labels from here.
 */
export type Term = { code: string; en: string; zh: readonly string[] };

const term = (code: string, en: string, ...zh: string[]): Term => ({ code, en, zh });

export const VOCABULARY = {
  occupation: [
    term('rider', 'food-delivery rider', '外卖骑手', '外卖员', '送餐员', '网约配送员', '骑手', '外卖小哥', '配送员'),
    term('courier', 'courier', '快递员', '快递小哥', '快递'),
    term('ride_hailing', 'ride-hailing driver', '网约车司机', '网约车'),
    term('taxi', 'taxi driver', '出租车司机', '出租车', '的哥'),
    term('truck', 'truck driver', '货车司机', '货运车司机', '货运司机', '货车'),
    term('streamer', 'live streamer', '网络主播', '主播'),
    term('other', 'other', '其他', '其它'),
  ],
  amenity: [
    term('seating', 'seating', '桌椅', '座椅', '桌凳'),
    term('water', 'water / kettle', '烧水壶/饮水机', '烧水壶', '饮水机', '热水'),
    term('microwave', 'microwave', '微波炉'),
    term('cooling', 'fan / air-conditioning', '电风扇/空调', '电风扇', '风扇', '空调'),
    term('reading', 'books and papers', '报刊书籍', '书籍', '报刊', '图书'),
    term('medicine', 'emergency medicine', '应急药品', '药品', '医药箱', '药箱'),
    term('charging', 'charging tools', '充电/充气工具', '充电充气工具', '充电', '充气', '充电工具', '充气工具'),
    term('signage', 'uniform signage', '统一标识', '标识'),
    term('fixed_site', 'fixed premises', '固定场所'),
    term('rules', 'house rules', '管理制度', '制度'),
    term('staff', 'staffing', '人员管理'),
    term('on_map', 'on the map', '地图可查', '地图'),
  ],
  gender: [term('male', 'male', '男', '男性'), term('female', 'female', '女', '女性')],
  catalogue_status: [term('active', 'in use', '在用', '启用'), term('retired', 'retired', '已停用', '停用')],
  audit_entity: [
    term('station', 'station', '驿站', '爱心驿站'),
    term('worker', 'worker', '劳动者'),
    term('community', 'community', '社区'),
    term('subdistrict', 'subdistrict', '街道'),
    term('setting', 'setting', '设置'),
    term('rule', 'points rule', '积分规则', '规则'),
    term('points', 'points', '积分'),
    term('point_entry', 'points entry', '积分流水'),
    term('gift', 'gift', '礼品'),
    term('team', 'team', '志愿服务队', '队伍'),
    term('sponsor', 'sponsor', '认领单位'),
    term('unit', 'unit', '单位'),
    term('district', 'district', '区'),
    term('account', 'account', '账号'),
    term('action_owner', 'action owners', '责任单位'),
    term('target', 'target', '指标', '目标'),
    term('visit', 'visit', '走访'),
    term('publicity', 'publicity', '宣传'),
    term('fund', 'money', '经费', '资金'),
    term('wish', 'wish', '心愿', '微心愿'),
    term('event', 'event', '活动'),
    term('merchant', 'merchant', '友好商户', '商户'),
    term('care_visit', 'care visit', '走访慰问', '走访'),
    term('childcare_site', 'childcare site', '托管点'),
    term('childcare_enrolment', 'childcare enrolment', '托管报名'),
    term('import', 'import', '导入'),
    term('housing', 'housing application', '公租房申请'),
    term('dispute', 'dispute', '劳动争议案件'),
    term('opinion', 'opinion', '意见建议', '意见'),
  ],
  import_kind: [
    term('workers', 'worker roster', '花名册'),
    term('stations', 'station ledger', '驿站台账'),
    term('points', 'points awards', '积分'),
    term('wishes', 'wishes', '心愿'),
    term('attendance', 'sign-in sheet', '签到表'),
  ],
  account_role: [
    term('city', 'city', '市级'),
    term('district', 'district office', '区级', '区'),
    term('subdistrict', 'subdistrict clerk', '街道', '街道办'),
    term('community', 'community clerk', '社区'),
    term('viewer', 'viewer', '只读'),
  ],
  case_type: [term('housing', 'housing application', '公租房申请'), term('dispute', 'dispute', '劳动争议')],
  station_status: [term('open', 'open', '开放'), term('closed', 'closed', '已关闭', '关闭')],
  worker_status: [term('active', 'active', '在册'), term('inactive', 'inactive', '已停用', '停用'), term('purged', 'personal data removed', '个人信息已删除')],
  wish_category: [
    term('appliance', 'appliances', '家用电器', '电器'),
    term('daily', 'daily necessities', '生活用品', '日用品'),
    term('learning', 'books and learning', '书籍学习', '书籍', '学习'),
    term('child', "children's care", '子女关爱', '子女'),
    term('health', 'health', '健康', '医疗'),
    term('service', 'services', '服务类', '服务'),
    term('other', 'other', '其他', '其它'),
  ],
  wish_source: [
    term('interview', 'interview', '走访', '街头采访', '访谈'),
    term('wish_box', 'wish box', '心愿箱', '心愿墙'),
    term('station', 'rest station', '驿站'),
    term('visit', 'site visit', '站点走访', '上门', '网点走访'),
    term('other', 'other', '其他', '其它'),
  ],
  wish_status: [
    term('collected', 'collected', '已收集', '收集'),
    term('listed', 'listed', '已发布', '发布'),
    term('claimed', 'claimed', '已认领', '认领'),
    term('fulfilled', 'fulfilled', '已兑现', '兑现', '已实现'),
    term('followed_up', 'followed up', '已回访', '回访'),
    term('cancelled', 'cancelled', '已取消', '取消'),
  ],
  unit_type: [
    term('department', 'government department', '部门', '机关部门', '职能部门', '区直部门', '单位部门'),
    term('subdistrict_office', 'subdistrict office', '街道办事处', '街道办', '街道', '办事处', '镇政府', '镇'),
    term('party_service_centre', 'party-service centre', '党群服务中心', '社区党群服务中心', '社区'),
    term('company', 'enterprise or platform', '企业', '公司', '平台', '平台企业'),
    term('property_company', 'property company', '物业公司', '物业'),
    term('organisation', 'social organisation', '社会组织', '组织', '协会'),
    term('union', 'trade union', '工会', '总工会'),
    term('volunteer_group', 'volunteer group', '志愿团体', '志愿者团队', '志愿队', '志愿服务队'),
    term('school', 'school or training centre', '学校', '培训机构', '培训中心', '职业学校'),
    term('individual', 'individual', '个人', '爱心人士'),
    term('other', 'other', '其他', '其它'),
  ],
  point_kind: [term('award', 'award', '获得', '奖励'), term('redeem', 'redemption', '兑换'), term('reverse', 'reversal', '冲正'), term('expire', 'expiry', '过期', '到期')],
  event_type: [
    term('health_lecture', 'health lecture', '健康讲座', '健康知识讲座'),
    term('first_aid', 'first-aid training', '急救培训', '应急救护培训'),
    term('checkup', 'health check-up', '健康体检', '体检'),
    term('counselling', 'psychological counselling', '心理咨询', '心理疏导'),
    term('disaster_prevention', 'disaster prevention', '防灾减灾', '防灾减灾宣传'),
    term('traffic_safety_law', 'traffic-safety law lecture', '交通安全普法讲座', '交通安全普法', '交通安全讲座'),
    term('legal', 'legal publicity', '法律宣传', '法律服务', '普法', '法律'),
    term('safety', 'safety publicity', '安全宣传', '安全'),
    term('skills', 'skills training', '技能培训', '技能'),
    term('other', 'other', '其他', '其它'),
  ],
  attendance_status: [term('attended', 'attended', '已参加', '参加'), term('waitlisted', 'waiting list', '候补')],
  enrolment_status: [term('enrolled', 'enrolled', '已报名', '报名'), term('waitlisted', 'waiting list', '候补'), term('withdrawn', 'withdrawn', '已退出', '退出')],
  housing_status: [
    term('applied', 'applied', '已申请', '申请'),
    term('eligible', 'eligible', '符合条件'),
    term('ineligible', 'not eligible', '不符合条件'),
    term('allocated', 'allocated', '已配租', '配租'),
    term('withdrawn', 'withdrawn', '已撤回', '撤回'),
  ],
  dispute_type: [
    term('wages', 'unpaid wages', '欠薪', '工资', '拖欠工资'),
    term('injury', 'work injury', '工伤'),
    term('contract', 'labour contract', '劳动合同', '合同'),
    term('platform_rules', 'platform rules', '平台规则', '平台算法'),
    term('other', 'other', '其他', '其它'),
  ],
  dispute_channel: [
    term('hotline', 'hotline', '维权热线', '热线'),
    term('workstation', 'lawyer workstation', '律师工作站', '工作站'),
    term('walk_in', 'walk-in', '现场来访', '来访'),
  ],
  dispute_status: [
    term('open', 'open', '已受理', '受理'),
    term('mediating', 'mediating', '调解中', '调解'),
    term('referred', 'referred', '已移交', '移交'),
    term('resolved', 'resolved', '已解决', '解决'),
    term('closed', 'closed', '已结案', '结案'),
  ],
  visit_kind: [
    term('illness', 'illness', '患病', '生病', '看望病患'),
    term('injury', 'injury', '受伤', '伤病'),
    term('hardship', 'hardship', '困难帮扶', '困难'),
    term('festival', 'festival visit', '节日慰问', '节日'),
  ],
  opinion_topic: [
    term('housing', 'housing', '住房', '住宿', '公租房'),
    term('rent', 'rent', '房租', '租金'),
    term('parking', 'parking', '停车', '停车难'),
    term('charging', 'charging', '充电', '换电'),
    term('rest', 'rest places', '休息', '歇脚', '驿站'),
    term('pay', 'pay', '薪酬', '工资', '收入', '报酬'),
    term('insurance', 'insurance', '保险', '社保', '职业伤害保障'),
    term('safety', 'safety', '安全', '交通安全'),
    term('training', 'training', '培训', '技能培训'),
    term('childcare', 'childcare', '子女托管', '托管', '子女'),
    term('other', 'other', '其他', '其它'),
  ],
  opinion_status: [
    term('open', 'open', '待办理', '未处理', '待处理'),
    term('referred', 'referred', '已转办', '转办'),
    term('answered', 'answered', '已答复', '答复'),
    term('resolved', 'resolved', '已解决', '解决', '办结'),
  ],
  friendly_measure: [
    term('door_signs', 'door signs', '门牌标识', '门牌', '楼栋门牌'),
    term('rider_parking', 'rider parking', '骑手停车点', '停车点', '骑手停车'),
    term('hot_water', 'hot water', '免费热水', '热水'),
    term('charging', 'charging', '充电', '充电点', '充电充气'),
    term('rest_corner', 'rest corner', '休息角', '歇脚点'),
  ],
  // The ten actions of the plan (十个一), in its order; `1`…`10` are accepted too (see plan/actions.ts).
  action: [
    term('stations', 'rest stations', '爱心驿站', '驿站'),
    term('housing', 'public-rental housing', '公租房保障', '公租房'),
    term('disputes', 'labour disputes', '劳动维权', '维权', '劳动争议'),
    term('health', 'health care', '健康关爱', '健康'),
    term('childcare', 'summer childcare', '暑期托管', '托管'),
    term('safety_team', 'safety-publicity volunteers', '安全宣传志愿队', '安全宣传队', '志愿队'),
    term('points', 'volunteer points', '积分激励', '积分'),
    term('friendly', 'rider-friendly communities', '骑手友好社区', '友好社区'),
    term('skills', 'skills training', '技能培训', '培训'),
    term('wishes', 'micro-wishes', '微心愿', '心愿'),
  ],
  volunteer_kind: [
    term('student', 'university student', '大学生', '学生', '大学生志愿者'),
    term('retired_party_member', 'retired Party member', '退休老党员', '老党员', '退休党员'),
    term('young_official', 'young civil servant', '机关年轻干部', '年轻干部', '机关干部'),
    term('other', 'other', '其他', '其它'),
  ],
  publicity_channel: [
    term('video', 'video', '视频', '短视频'),
    term('wechat', 'WeChat article', '微信', '公众号', '微信公众号'),
    term('poster', 'poster', '海报', '宣传栏', '展板'),
    term('lecture', 'lecture', '宣讲', '讲座'),
    term('street_interview', 'street interview', '街头采访', '随机采访', '街采'),
    term('news', 'news report', '新闻', '报道', '媒体报道'),
    term('other', 'other', '其他', '其它'),
  ],
  fund_target: [
    term('station', 'station', '驿站'),
    term('site', 'childcare site', '托管点'),
    term('wish', 'wish', '心愿', '微心愿'),
    term('event', 'event', '活动'),
    term('care', 'care visit', '走访慰问', '慰问'),
    term('other', 'other', '其他', '其它'),
  ],
  fund_kind: [term('in', 'money in', '收入', '拨入'), term('out', 'money out', '支出'), term('reverse', 'reversal', '冲正')],
  owner_role: [term('lead', 'lead unit', '牵头单位', '牵头'), term('responsible', 'responsible unit', '责任单位', '责任')],
  merchant_offer: [
    term('hot_water', 'hot water', '免费热水', '热水'),
    term('restroom', 'restroom', '如厕', '厕所', '卫生间'),
    term('charging', 'charging', '充电', '手机充电'),
    term('discount', 'discount', '优惠', '折扣'),
    term('rest_seat', 'rest seat', '歇脚座位', '座位', '休息'),
    term('microwave', 'microwave', '微波炉', '加热'),
  ],
} satisfies Record<string, Term[]>;

export type VocabularyKind = keyof typeof VOCABULARY;

export function codesOf(kind: VocabularyKind): string[] {
  return VOCABULARY[kind].map((t) => t.code);
}

// Built once: every spelling of every term, by kind.
const LOOKUP = new Map<VocabularyKind, Map<string, string>>(
  (Object.keys(VOCABULARY) as VocabularyKind[]).map((kind) => [
    kind,
    new Map(VOCABULARY[kind].flatMap((t) => [t.code, t.en, ...t.zh].map((word) => [word.toLowerCase(), t.code] as const))),
  ]),
);

/** The code a clerk meant: `rider`, `Rider`, `外卖骑手`, `送餐员`, `food-delivery rider` → `rider`; unknown → undefined. */
export function parseTerm(kind: VocabularyKind, value: string): string | undefined {
  return LOOKUP.get(kind)!.get(normalizeText(value).toLowerCase());
}

/** What a refusal lists as accepted: `rider（外卖骑手）, courier（快递员）…` (or only `codes` of the kind). */
export function acceptedTerms(kind: VocabularyKind, codes?: readonly string[]): string {
  return VOCABULARY[kind]
    .filter((t) => !codes || codes.includes(t.code))
    .map((t) => `${t.code}（${t.zh[0]}）`)
    .join(', ');
}

/** A list typed as `门牌标识，hot_water、休息角` → codes, each once; the first unknown word is returned as `unknown`. */
export function parseTermList(kind: VocabularyKind, value: string | undefined): { codes: string[]; unknown?: string } {
  const codes = new Set<string>();
  for (const word of normalizeText(value ?? '')
    // Stryker disable next-line Regex: the empty words a single separator leaves are dropped all the same
    .split(/[,，、;；|\s]+/)
    .filter(Boolean)) {
    const code = parseTerm(kind, word);
    if (!code) return { codes: [...codes], unknown: word };
    codes.add(code);
  }
  return { codes: [...codes] };
}
