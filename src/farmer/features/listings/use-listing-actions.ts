/** Quick actions on one listing (pause, resume, sold out, stock ±), updating what is shown. */
import { useState } from 'react'
import type { ListingDto } from '@contracts/farmer-listings'
import { showToast } from '../../../lib/page'
import { adjustStock, markSoldOut, pauseListing, resumeListing } from './api'
import { listingErrorMessage } from './labels'

export function useListingActions(listing: ListingDto, onChange: (next: ListingDto) => void) {
  const [busy, setBusy] = useState(false)

  const run = async (work: () => Promise<ListingDto>, done?: string) => {
    if (busy) return
    setBusy(true)
    try {
      onChange(await work())
      if (done) showToast(done)
    } catch (err) {
      showToast(listingErrorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return {
    busy,
    pause: () => run(() => pauseListing(listing.id), '已暂停，买家暂时看不到'),
    resume: () => run(() => resumeListing(listing.id), '已重新上架'),
    soldOut: () => run(() => markSoldOut(listing.id), '已标记售罄'),
    adjust: (specId: number, delta: number) =>
      run(async () => {
        const result = await adjustStock(specId, delta)
        return {
          ...listing,
          status: result.productStatus,
          specs: listing.specs.map((s) => (s.id === specId ? { ...s, stock: result.stock } : s)),
        }
      }),
  }
}
