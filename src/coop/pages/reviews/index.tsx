/** Listings the content check held for the manager: look, then publish or send back with a reason. */
import { Text, View } from '@tarojs/components'
import type { ReviewItemDto } from '@contracts/farmer-listings'
import { EmptyState } from '../../../components/status'
import { confirmModal } from '../../../lib/page'
import { useResource } from '../../../lib/use-resource'
import { queueCount, ReviewCard, reviewErrorMessage, reviewsApi } from '../../features/reviews'
import { coopPage } from '../../shared/coop-gate'
import { Loaded } from '../../shared/loaded'
import { ShowMore, usePaged } from '../../shared/paged'
import { useCoopAction, type CoopAction } from '../../shared/use-coop-action'
import '../../shared/coop.scss'

function ReviewList({ items, action }: { items: readonly ReviewItemDto[]; action: CoopAction }) {
  const { busy, act } = action
  const paged = usePaged(items)
  if (items.length === 0) return <EmptyState text="没有待审核的商品" hint="农户上架的商品需要人工审核时，会出现在这里" />

  const onApprove = async (item: ReviewItemDto) => {
    const ok = await confirmModal({ title: '通过审核', content: `「${item.title}」通过后立即上架，买家就能看到。`, confirmText: '通过' })
    if (ok) await act(() => reviewsApi.approve(item.id), '已通过，商品已上架')
  }
  const onReject = async (item: ReviewItemDto, note: string) => {
    const reason = note ? `原因：${note}` : '没有填写原因，农户会收到默认的说明。'
    const ok = await confirmModal({ title: '不通过审核', content: `「${item.title}」将退回给${item.farmer.name}修改。${reason}`, confirmText: '不通过' })
    if (ok) await act(() => reviewsApi.reject(item.id, note || undefined), '已退回给农户')
  }

  return (
    <View>
      <Text id="reviews-count" className="c-muted c-review__intro">
        {queueCount(items.length)} 件商品等待审核，先提交的在前。通过后立即上架；不通过会把原因告诉农户。
      </Text>
      {paged.shown.map((item) => (
        <ReviewCard key={item.id} item={item} actions={{ busy, onApprove, onReject }} />
      ))}
      <ShowMore paged={paged} label={`显示更多（共 ${queueCount(items.length)} 件）›`} />
    </View>
  )
}

function Queue() {
  const queue = useResource('coop-reviews', reviewsApi.reviews)
  const action = useCoopAction(queue.refresh, reviewErrorMessage)
  return (
    <View>
      <Loaded resource={queue}>{(data) => <ReviewList items={data.items} action={action} />}</Loaded>
    </View>
  )
}

export default coopPage(Queue)
