/** The cooperative's members: their household status (tap → 在册信息), deactivation, the commission, the service phone, and inviting a new farmer. */
import { Button, Text, View } from '@tarojs/components'
import type { MemberDto, MemberListDto } from '@contracts/coop'
import { openPage } from '../../../lib/navigation'
import { confirmModal } from '../../../lib/page'
import { householdRoutes, MemberHousehold, useHouseholdList, type HouseholdListItem } from '../../features/households'
import { CommissionEditor, MemberCard, membersApi, ServicePhoneEditor } from '../../features/members'
import { coopPage } from '../../shared/coop-gate'
import { Loaded, useWeekResource } from '../../shared/loaded'
import { ShowMore, usePaged } from '../../shared/paged'
import { useCoopAction, type CoopAction } from '../../shared/use-coop-action'
import '../../shared/coop.scss'

function MemberList({ data, households, action }: { data: MemberListDto; households: Map<number, HouseholdListItem>; action: CoopAction }) {
  const { busy, act } = action
  const paged = usePaged(data.members)
  const onActive = async (m: MemberDto) => {
    if (m.active && !(await confirmModal({ title: `停用 ${m.name}`, content: '停用后他的商品会从店里下架，历史订单和结算单保留。', confirmText: '停用' }))) return
    await act(() => membersApi.setActive(m.farmerId, !m.active), m.active ? '已停用' : '已重新启用')
  }
  const invite = () =>
    act(async () => {
      const created = await membersApi.invite()
      await confirmModal({ title: '邀请码', content: `把邀请码 ${created.code} 发给要加入的农户，7天内有效。`, confirmText: '好的', cancelText: '关闭' })
    }, '邀请已生成')

  return (
    <View>
      <CommissionEditor key={data.cooperative.commissionBps} bps={data.cooperative.commissionBps} busy={busy} onSave={(bps) => act(() => membersApi.setCommission(bps), '佣金已更新')} />
      <ServicePhoneEditor />
      <View className="c-head">
        <Text>成员 {data.members.length} 位</Text>
        <Button id="invite-farmer" className={`c-button c-button--small${busy ? ' c-button--off' : ''}`} disabled={busy} onClick={invite}>
          邀请农户
        </Button>
      </View>
      {paged.shown.map((m) => (
        <MemberCard
          key={m.farmerId}
          m={m}
          actions={{ busy, onActive }}
          household={<MemberHousehold farmerId={m.farmerId} item={households.get(m.farmerId)} onOpen={() => openPage(householdRoutes.member(m.farmerId))} />}
        />
      ))}
      <ShowMore paged={paged} label="显示更多成员 ›" />
    </View>
  )
}

function Members() {
  const { resource } = useWeekResource('members', membersApi.members)
  const households = useHouseholdList()
  const action = useCoopAction(resource.refresh)
  return (
    <View>
      <Loaded resource={resource}>{(data) => <MemberList data={data} households={households} action={action} />}</Loaded>
    </View>
  )
}

export default coopPage(Members)
