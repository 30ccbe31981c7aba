/** The week's statements: confirm each member's once the week is over, then record the transfer. */
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { StatementDto } from '../../../../server/src/contracts/coop'
import { EmptyState, ErrorState, LoadingState } from '../../../components/status'
import { userMessage } from '../../../lib/api-error'
import { confirmModal, showToast } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { StatementCard } from '../../features/settlements'
import { coopApi } from '../../shared/api'
import { CoopGate } from '../../shared/coop-gate'
import { DownloadButton } from '../../shared/download-button'
import { formatFen } from '../../shared/format'
import { useWeek } from '../../shared/use-week'
import { WeekPicker } from '../../shared/week-picker'
import '../../shared/coop.scss'

const PAGE = 20

function Statements() {
  const { week, setWeek } = useWeek()
  const list = useResource(`statements:${week}`, () => coopApi.statements(week))
  const [busy, setBusy] = useState(false)
  // A page of cards at a time keeps the page's node count down for a large cooperative.
  const [shown, setShown] = useState(PAGE)

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await run()
      showToast(done)
      await list.refresh()
    } catch (err) {
      showToast(userMessage(err))
    } finally {
      setBusy(false)
    }
  }
  const onConfirm = async (s: StatementDto) => {
    const ok = await confirmModal({ title: '确认结算单', content: `${s.farmerName} 本周应付 ${formatFen(s.netFen)}。确认后金额不再变动，之后的退款计入下一周。` })
    if (ok) await act(() => coopApi.confirm(s.farmerId, week), '已确认')
  }
  const onPay = (s: StatementDto, paymentRef: string) => act(() => coopApi.pay(s.farmerId, week, paymentRef), '已记录付款')

  const { state } = list
  return (
    <View>
      <WeekPicker week={week} onChange={setWeek} />
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState message={userMessage(state.error)} onRetry={list.retry} /> : null}
      {state.status === 'ready' ? (
        <View>
          <View className="c-card">
            <View className="c-row c-row--total">
              <Text>本周应付合计</Text>
              <Text id="statements-total">{formatFen(state.data.totals.netFen)}</Text>
            </View>
            <Text className="c-muted">
              {state.data.weekOver ? '本周已结束，可以逐个确认结算单。' : '本周还没结束，结束后才能确认。'}佣金 {state.data.cooperative.commissionBps / 100}%，运费归农户。
            </Text>
          </View>
          {state.data.statements.length === 0 ? <EmptyState text="这一周没有需要结算的成员" /> : null}
          {state.data.statements.slice(0, shown).map((s) => (
            <StatementCard key={s.farmerId} s={s} actions={{ canConfirm: state.data.weekOver, busy, onConfirm, onPay }} />
          ))}
          {state.data.statements.length > shown ? (
            <Text className="c-card__more" onClick={() => setShown(shown + PAGE)}>
              显示更多结算单（共 {state.data.statements.length} 份）›
            </Text>
          ) : null}
        </View>
      ) : null}
      <View className="c-actions">
        <DownloadButton id="download-settlements-csv" file="settlements.csv" week={week} label="下载结算单 CSV" />
      </View>
    </View>
  )
}

export default function CoopSettlementsPage() {
  return (
    <CoopGate>
      <Statements />
    </CoopGate>
  )
}
