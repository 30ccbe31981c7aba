/** Invite outcomes and errors in plain Chinese. */
import type { InviteInfoDto } from '@contracts/farmer-listings'
import { catalogMessage, userMessage, type MessageOverrides } from '../../../lib/api-error'

export const INVITE_STATUS_TEXT: Record<InviteInfoDto['status'], string> = {
  valid: '邀请您加入合作社，成为合作社的农户，在乡集上卖自家的农产品。',
  used: catalogMessage('INVITE_USED'),
  expired: catalogMessage('INVITE_EXPIRED'),
}

/** This screen's wording where the catalogue's generic text would be vague. */
const OVERRIDES: MessageOverrides = {
  NOT_FOUND: '没有找到这个邀请，请确认链接是否完整',
}

export function inviteErrorMessage(err: unknown): string {
  return userMessage(err, OVERRIDES)
}
