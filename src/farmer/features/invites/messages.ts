/** Invite outcomes and errors in plain Chinese. */
import type { InviteInfoDto } from '../../../../server/src/contracts/farmer-listings'
import { isApiError, userMessage } from '../../../lib/api-error'

export const INVITE_STATUS_TEXT: Record<InviteInfoDto['status'], string> = {
  valid: '邀请您加入合作社，成为合作社的农户，在乡集上卖自家的农产品。',
  used: '这个邀请已经用过了。如果需要加入，请让合作社重新邀请您。',
  expired: '这个邀请已经过期了（7天内有效），请让合作社重新邀请您。',
}

const MESSAGES: Record<string, string> = {
  NOT_FOUND: '没有找到这个邀请，请确认链接是否完整',
  INVITE_USED: INVITE_STATUS_TEXT.used,
  INVITE_EXPIRED: INVITE_STATUS_TEXT.expired,
  ALREADY_A_FARMER: '您已经是合作社的农户了',
  CONTENT_RISKY: '内容包含违规信息，请修改后再提交',
}

export function inviteErrorMessage(err: unknown): string {
  if (isApiError(err) && MESSAGES[err.code]) return MESSAGES[err.code]
  return userMessage(err)
}
