/**
 * The week's statements: confirm each member's once the week is over, then record the transfer;
 * the refunds the cooperative bears, and the one rule for the week a refund counts in.
 */
import { Text, View } from '@tarojs/components'
import type { StatementDto, StatementListDto } from '@contracts/coop'
import { EmptyState } from '../../../components/status'
import { confirmModal } from '../../../lib/page'
import { CooperativeRefunds, settlementsApi, StatementCard } from '../../features/settlements'
import { coopPage } from '../../shared/coop-gate'
import { DownloadButton } from '../../shared/download-button'
import { REFUND_WEEK_RULE } from '@domain/settlement'
import { weekLabel } from '@domain/weeks'
import { formatFen } from '../../shared/format'
import { Loaded, useWeekResource } from '../../shared/loaded'
import { ShowMore, usePaged } from '../../shared/paged'
import { useCoopAction, type CoopAction } from '../../shared/use-coop-action'
import { WeekPicker } from '../../shared/week-picker'
import '../../shared/coop.scss'

function StatementList({ data, week, action }: { data: StatementListDto; week: string; action: CoopAction }) {
  const { busy, act } = action
  const paged = usePaged(data.statements)
  const onConfirm = async (s: StatementDto) => {
    const ok = await confirmModal({ title: '确认结算单', content: `${s.farmerName} ${weekLabel(week)}应付 ${formatFen(s.netFen)}。确认后金额不再变动。` })
    if (ok) await act(() => settlementsApi.confirm(s.farmerId, week), '已确认')
  }
  const onPay = (s: StatementDto, paymentRef: string) => act(() => settlementsApi.pay(s.farmerId, week, paymentRef), '已记录付款')

  return (
    <View>
      <View className="c-card">
        <View className="c-row c-row--total">
          <Text>这一周应付合计</Text>
          <Text id="statements-total">{formatFen(data.totals.netFen)}</Text>
        </View>
        <CooperativeRefunds refunds={data.cooperativeRefunds} />
        <Text className="c-muted">
          {data.weekOver ? '这一周已结束，可以逐个确认结算单。' : '本周还没结束，结束后才能确认。'}佣金 {data.cooperative.commissionBps / 100}%，运费归农户。
        </Text>
        <Text id="refund-rule" className="c-muted c-rule">
          {REFUND_WEEK_RULE}
        </Text>
      </View>
      {data.statements.length === 0 ? <EmptyState text="这一周没有需要结算的成员" /> : null}
      {paged.shown.map((s) => (
        <StatementCard key={s.farmerId} s={s} actions={{ canConfirm: data.weekOver, busy, onConfirm, onPay }} />
      ))}
      <ShowMore paged={paged} label={`显示更多结算单（共 ${data.statements.length} 份）›`} />
    </View>
  )
}

function Statements() {
  const { week, setWeek, resource } = useWeekResource('statements', settlementsApi.statements)
  const action = useCoopAction(resource.refresh)
  return (
    <View className="c-settlements">
      <WeekPicker week={week} onChange={setWeek} />
      <Loaded resource={resource}>{(data) => <StatementList data={data} week={week} action={action} />}</Loaded>
      <View className="c-actions">
        <DownloadButton id="download-settlements-csv" file="settlements.csv" week={week} label="下载结算单 CSV" />
      </View>
    </View>
  )
}

export default coopPage(Statements)
