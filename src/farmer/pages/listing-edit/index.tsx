/**
 * 上架 / 修改商品 (farmer subpackage), `?id=` to edit. The form restores a draft left on the
 * phone; after submitting it says whether the product is on sale or waiting for review.
 */
import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ListingDto, ListingSavedDto } from '@contracts/farmer-listings'
import { ErrorState, LoadingState } from '../../../components/status'
import { openPage } from '../../../lib/navigation'
import { confirmModal, setPageTitle, showToast, useRouter } from '../../../lib/page'
import {
  clearDraft,
  deleteListing,
  draftFromListing,
  emptyDraft,
  fetchListing,
  listingErrorMessage,
  listingRoutes,
  ListingForm,
  loadDraft,
  withPhotosStillThere,
  SaveResult,
  type ListingDraft,
} from '../../features/listings'

interface Loaded {
  initial: ListingDraft
  restored: boolean
  listing: ListingDto | null
}

const parseId = (raw: string | undefined) => (raw && /^\d{1,15}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null)

export default function ListingEditPage() {
  const id = parseId(useRouter().params.id)
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [saved, setSaved] = useState<ListingSavedDto | null>(null)
  const [round, setRound] = useState(0)

  useEffect(() => {
    setPageTitle(id === null ? '上架新商品' : '修改商品')
    setLoaded(null)
    setError(null)
    const stored = loadDraft(id)
    const restoring = stored ? withPhotosStillThere(stored) : Promise.resolve(null)
    const tell = (r: { dropped: number } | null) => r && r.dropped > 0 && showToast(`${r.dropped}张照片已过期，请重新添加`)
    if (id === null) {
      void restoring.then((r) => {
        setLoaded({ initial: r?.draft ?? emptyDraft(), restored: r !== null, listing: null })
        tell(r)
      })
      return
    }
    Promise.all([fetchListing(id), restoring]).then(([listing, r]) => {
      setLoaded({ initial: r?.draft ?? draftFromListing(listing), restored: r !== null, listing })
      tell(r)
    }, setError)
  }, [id, round])

  const startOver = () => {
    clearDraft(id)
    setRound((r) => r + 1)
  }

  const remove = async (listing: ListingDto) => {
    if (!(await confirmModal({ title: '删除商品', content: `确定删除「${listing.title}」吗？删除后不能恢复。`, confirmText: '删除' }))) return
    try {
      await deleteListing(listing.id)
      clearDraft(listing.id)
      showToast('已删除')
      openPage(listingRoutes.list)
    } catch (err) {
      showToast(listingErrorMessage(err))
    }
  }

  if (saved) {
    return (
      <SaveResult
        saved={saved}
        onList={() => openPage(listingRoutes.list)}
        onAnother={() => {
          setSaved(null)
          if (id === null) startOver()
          else openPage(listingRoutes.create)
        }}
      />
    )
  }
  if (error) return <ErrorState message={listingErrorMessage(error)} onRetry={() => setRound((r) => r + 1)} />
  if (!loaded) return <LoadingState />
  const deletable = loaded.listing && !loaded.listing.hasOrders ? loaded.listing : null
  return (
    <View className="page">
      <ListingForm key={round} initial={loaded.initial} restored={loaded.restored} onDiscard={startOver} onSaved={setSaved} />
      {deletable ? (
        <Text id="listing-delete" className="lf__link" onClick={() => void remove(deletable)}>
          删除这个商品
        </Text>
      ) : null}
    </View>
  )
}
