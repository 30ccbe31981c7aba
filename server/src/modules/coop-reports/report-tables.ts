/**
 * The reports as tables (a title, a header, rows): the CSV writes them one after another,
 * the xlsx puts each on its own sheet. Money is yuan with two decimals, weights kg.
 */
import { yuan, type CsvValue } from '@domain/csv'
import { REFUND_KIND_LABELS } from '@domain/payment-states'
import { REFUND_WEEK_RULE } from '@domain/settlement'
import { weekRangeLabel } from '@domain/weeks'
import { REGISTRY_RULES } from '../households'
import type { CooperativeRefundsDto, ImpactReportDto, RefundsOfKindDto, StatementListDto, WeeklyReportDto, WeekTotalsDto } from '@contracts/coop'

export interface Table {
  /** Sheet name (Excel: at most 31 characters, no []:*?/\). */
  title: string
  header: string[]
  rows: CsvValue[][]
}

const MONEY = ['销售额(元)', '退款(元)', '净销售额(元)']
const pct = (p: number | null) => (p === null ? '' : `${p}%`)
const STATUS = { draft: '待确认', confirmed: '已确认', paid: '已付款' } as const

function summaryRows(cur: WeekTotalsDto, prev: WeekTotalsDto, report: WeeklyReportDto): CsvValue[][] {
  const c = report.change
  const units = [...new Set([...cur.quantities, ...prev.quantities].map((q) => q.unit))]
  return [
    ['订单数', cur.orders, prev.orders, pct(c.orders.pct)],
    ['买家数', cur.buyers, prev.buyers, pct(c.buyers.pct)],
    ['重量(kg)', cur.weightKg, prev.weightKg, pct(c.weightKg.pct)],
    ['销售额(元)', yuan(cur.grossFen), yuan(prev.grossFen), pct(c.grossFen.pct)],
    ['退款(元)', yuan(cur.refundsFen), yuan(prev.refundsFen), pct(c.refundsFen.pct)],
    ['净销售额(元)', yuan(cur.netFen), yuan(prev.netFen), pct(c.netFen.pct)],
    ['运费(元)', yuan(cur.shippingFen), yuan(prev.shippingFen), ''],
    ...units.map((u) => [`数量(${u})`, cur.quantities.find((q) => q.unit === u)?.quantity ?? 0, prev.quantities.find((q) => q.unit === u)?.quantity ?? 0, '']),
  ]
}

export function weeklyTables(r: WeeklyReportDto): Table[] {
  const m = (x: { grossFen: number; refundsFen: number; netFen: number }) => [yuan(x.grossFen), yuan(x.refundsFen), yuan(x.netFen)]
  return [
    { title: '汇总', header: [`${r.cooperative.name} ${r.week}（${weekRangeLabel(r.week)}）`, '本周', `上周 ${r.previous.week}`, '变化'], rows: summaryRows(r.totals, r.previous.totals, r) },
    {
      title: '按农户',
      header: ['农户', '村', '在册户', '订单数', '重量(kg)', ...MONEY],
      rows: r.byFarmer.map((f) => [f.name, f.village, f.isPoorHousehold ? '是' : '', f.orders, f.weightKg, ...m(f)]),
    },
    {
      title: '按商品规格',
      header: ['商品', '农户', '规格', '单位', '数量', '重量(kg)', ...MONEY],
      rows: r.byProduct.flatMap((p) => p.specs.map((s) => [p.title, p.farmerName, s.name, s.unit, s.quantity, s.weightKg, ...m(s)])),
    },
    { title: '按买家省份', header: ['省份', '订单数', '重量(kg)', ...MONEY], rows: r.byProvince.map((p) => [p.province, p.orders, p.weightKg, ...m(p)]) },
    { title: '近8周趋势', header: ['周次', '订单数', '买家数', '重量(kg)', ...MONEY], rows: r.trend.map((t) => [t.week, t.orders, t.buyers, t.weightKg, ...m(t)]) },
    refundTable(r.refundsByKind, r.cooperativeRefunds),
  ]
}

const REFUND_HEADER = ['笔数', '商品退款(元)', '运费退款(元)']
const refundFigures = (k: { count: number; goodsFen: number; shippingFen: number }) => [k.count, yuan(k.goodsFen), yuan(k.shippingFen)]

/** The week's refunds by kind, and the cooperative's share of each; the rule they are counted by last. */
function refundTable(byKind: readonly RefundsOfKindDto[], cooperative: CooperativeRefundsDto): Table {
  const none = { count: 0, goodsFen: 0, shippingFen: 0 }
  return {
    title: '按退款类型',
    header: ['退款类型', ...REFUND_HEADER, ...REFUND_HEADER.map((h) => `合作社承担${h}`)],
    rows: [...byKind.map((k) => [REFUND_KIND_LABELS[k.kind], ...refundFigures(k), ...refundFigures(cooperative.byKind.find((c) => c.kind === k.kind) ?? none)]), [REFUND_WEEK_RULE]],
  }
}

export function impactTables(r: ImpactReportDto): Table[] {
  return [
    {
      title: '在册户收入',
      header: ['农户', '村', '在售', `${r.week} 订单数`, `${r.week} 销售额(元)`, `${r.week} 农户承担退款(元)`, `${r.week} 计入收入(元)`, '近8周计入收入(元)'],
      // the registry report's rule last: status on the day of each sale, refunds follow their sale
      rows: [...r.farmers.map((f) => [f.name, f.village, f.active ? '是' : '否', f.orders, yuan(f.grossFen), yuan(f.refundsFen), yuan(f.netFen), yuan(f.eightWeekNetFen)]), ...REGISTRY_RULES.slice(0, 3).map((rule) => [rule])],
    },
    {
      title: '近8周',
      header: ['周次', '在册户收入(元)', '全社收入(元)', '占比'],
      rows: r.trend.map((t) => [t.week, yuan(t.poorNetFen), yuan(t.coopNetFen), pct(t.sharePct)]),
    },
  ]
}

export function settlementTables(r: StatementListDto): Table[] {
  return [
    {
      title: '结算单',
      header: ['周次', '农户', '村', '状态', '订单数', '销售额(元)', '退款(元)', '佣金比例', '佣金(元)', '运费(元)', '调整(元)', '应付(元)', '付款凭证号'],
      rows: r.statements.map((s) => [
        s.week,
        s.farmerName,
        s.village,
        STATUS[s.status],
        s.orders,
        yuan(s.grossFen),
        yuan(s.refundsFen),
        `${s.commissionBps / 100}%`,
        yuan(s.commissionFen),
        yuan(s.shippingFen),
        yuan(s.adjustmentsFen),
        yuan(s.netFen),
        s.paymentRef ?? '',
      ]),
    },
    {
      title: '退款明细',
      header: ['农户', '承担方', '退款类型', ...REFUND_HEADER],
      rows: [
        ...r.statements.flatMap((s) => s.refundsByKind.map((k) => [s.farmerName, '农户', REFUND_KIND_LABELS[k.kind], ...refundFigures(k)])),
        ...r.cooperativeRefunds.byKind.map((k) => ['', '合作社', REFUND_KIND_LABELS[k.kind], ...refundFigures(k)]),
        [REFUND_WEEK_RULE],
      ],
    },
  ]
}
