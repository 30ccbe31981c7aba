/** 管理库存 (farmer subpackage), `?id=`: one product's stock per spec with big buttons. */
import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { ListingDto } from '@contracts/farmer-listings'
import { ErrorState, LoadingState } from '../../../components/status'
import { useRouter } from '../../../lib/page'
import { fetchListing, listingErrorMessage, StockPanel } from '../../features/listings'

export default function StockPage() {
  const raw = useRouter().params.id
  const id = raw && /^\d{1,15}$/.test(raw) ? Number(raw) : 0
  const [listing, setListing] = useState<ListingDto | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [round, setRound] = useState(0)

  useEffect(() => {
    setError(null)
    fetchListing(id).then(setListing, setError)
  }, [id, round])

  if (error) return <ErrorState message={listingErrorMessage(error)} onRetry={() => setRound((r) => r + 1)} />
  if (!listing) return <LoadingState />
  return (
    <View className="page">
      <StockPanel listing={listing} onChange={setListing} />
    </View>
  )
}
