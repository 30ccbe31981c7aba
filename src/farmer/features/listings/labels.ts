/** What the farmer reads: status chips, save outcomes, and the listing errors in plain Chinese. */
import type { ListingDto, ListingSavedDto } from '@contracts/farmer-listings'
import { userMessage, type MessageOverrides } from '../../../lib/api-error'

export type ChipTone = 'green' | 'grey' | 'orange' | 'red'

/** The one chip that says where a product stands, most urgent first. */
export function statusChip(l: Pick<ListingDto, 'status' | 'reviewStatus' | 'specs'>): { text: string; tone: ChipTone } {
  if (l.reviewStatus === 'pending_review') return { text: '审核中', tone: 'orange' }
  if (l.reviewStatus === 'rejected') return { text: '未通过', tone: 'red' }
  if (l.status === 'paused') return { text: '已暂停', tone: 'grey' }
  if (l.status === 'sold_out' || l.specs.every((s) => s.stock === 0)) return { text: '已售罄', tone: 'grey' }
  return { text: '在售', tone: 'green' }
}

export const SAVE_OUTCOME: Record<ListingSavedDto['check'], { title: string; text: string }> = {
  pass: { title: '已上架', text: '买家现在就能看到这个商品了。' },
  review: { title: '已提交，等待审核', text: '内容需要合作社人工审核，审核通过后买家才能看到。' },
  unavailable: { title: '已提交，等待审核', text: '内容检查暂时不可用，已转给合作社人工审核，通过后买家才能看到。' },
}

/** This screen's wording where the catalogue's generic text would be vague. */
const OVERRIDES: MessageOverrides = {
  BODY_TOO_LARGE: '照片太大了（超过 5MB），请换一张',
  FORBIDDEN: '只有合作社的农户才能管理商品',
}

export function listingErrorMessage(err: unknown): string {
  return userMessage(err, OVERRIDES)
}
