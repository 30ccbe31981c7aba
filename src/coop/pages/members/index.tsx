/** The cooperative's members: flags, deactivation, the commission, and inviting a new farmer. */
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MemberDto } from '../../../../server/src/contracts/coop'
import { ErrorState, LoadingState } from '../../../components/status'
import { userMessage } from '../../../lib/api-error'
import { confirmModal, showToast } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { CommissionEditor, MemberCard } from '../../features/members'
import { coopApi } from '../../shared/api'
import { CoopGate } from '../../shared/coop-gate'
import { useWeek } from '../../shared/use-week'
import '../../shared/coop.scss'

const PAGE = 20

function Members() {
  const { week } = useWeek()
  const list = useResource(`members:${week}`, () => coopApi.members(week))
  const [busy, setBusy] = useState(false)
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
  const onPoor = (m: MemberDto) => act(() => coopApi.setPoorHousehold(m.farmerId, !m.isPoorHousehold), m.isPoorHousehold ? '已取消标记' : '已标记为脱贫户')
  const onActive = async (m: MemberDto) => {
    if (m.active && !(await confirmModal({ title: `停用 ${m.name}`, content: '停用后他的商品会从店里下架，历史订单和结算单保留。', confirmText: '停用' }))) return
    await act(() => coopApi.setActive(m.farmerId, !m.active), m.active ? '已停用' : '已重新启用')
  }
  const invite = () =>
    act(async () => {
      const created = await coopApi.invite()
      await confirmModal({ title: '邀请码', content: `把邀请码 ${created.code} 发给要加入的农户，7天内有效。`, confirmText: '好的', cancelText: '关闭' })
    }, '邀请已生成')

  const { state } = list
  return (
    <View>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState message={userMessage(state.error)} onRetry={list.retry} /> : null}
      {state.status === 'ready' ? (
        <View>
          <CommissionEditor
            key={state.data.cooperative.commissionBps}
            bps={state.data.cooperative.commissionBps}
            busy={busy}
            onSave={(bps) => act(() => coopApi.setCommission(bps), '佣金已更新')}
          />
          <View className="c-head">
            <Text>成员 {state.data.members.length} 位</Text>
            <Button id="invite-farmer" className={`c-button c-button--small${busy ? ' c-button--off' : ''}`} disabled={busy} onClick={invite}>
              邀请农户
            </Button>
          </View>
          {state.data.members.slice(0, shown).map((m) => (
            <MemberCard key={m.farmerId} m={m} actions={{ busy, onPoor, onActive }} />
          ))}
          {state.data.members.length > shown ? (
            <Text className="c-card__more" onClick={() => setShown(shown + PAGE)}>
              显示更多成员 ›
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

export default function CoopMembersPage() {
  return (
    <CoopGate>
      <Members />
    </CoopGate>
  )
}
