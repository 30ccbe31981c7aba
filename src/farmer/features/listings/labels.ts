/** What the farmer reads: status chips, save outcomes, and the listing errors in plain Chinese. */
import type { ListingDto, ListingSavedDto } from '../../../../server/src/contracts/farmer-listings'
import { isApiError, userMessage } from '../../../lib/api-error'

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

const MESSAGES: Record<string, string> = {
  CONTENT_RISKY: '内容包含违规信息，请修改后再提交',
  UNKNOWN_PHOTO: '有照片没有上传成功，请删掉后重新添加',
  UNKNOWN_CATEGORY: '请重新选择商品分类',
  DUPLICATE_SPEC_NAME: '有两个规格名称相同，请改一下',
  INVALID_HARVEST_WINDOW: '采摘日期有误，请检查',
  INVALID_SHIPS_FROM: '发货日期要在采摘期内',
  SPEC_HAS_ORDERS: '这个规格已经有人买过，不能删除；可以把库存改成 0',
  PRODUCT_HAS_ORDERS: '这个商品已经有订单，不能删除，可以先暂停销售',
  STOCK_BELOW_ZERO: '库存不能少于 0',
  NO_STOCK: '库存是 0，请先加库存再上架',
  UNSUPPORTED_IMAGE_TYPE: '只能上传 JPG、PNG 或 WebP 照片',
  INVALID_IMAGE: '这张照片无法识别，请换一张',
  BODY_TOO_LARGE: '照片太大了（超过 5MB），请换一张',
  FORBIDDEN: '只有合作社的农户才能管理商品',
}

export function listingErrorMessage(err: unknown): string {
  if (isApiError(err) && MESSAGES[err.code]) return MESSAGES[err.code]
  return userMessage(err)
}
