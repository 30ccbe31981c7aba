/** Invites: a manager invites a person; the person accepts and becomes a farmer of that cooperative. */
import crypto from 'node:crypto'
import type { InviteAcceptDto, InviteCreatedDto, InviteInfoDto, InviteSummaryDto } from '@contracts/farmer-listings'
import type { MeDto } from '@contracts/auth'
import { AppError, forbidden, notFound } from '../../http/errors'
import { LIMITS } from '@domain/limits'
import type { Tx } from '../../db/client'
import { pgErrorCode, UNIQUE_VIOLATION } from '../../db/pg-errors'
import type { ContentGate } from '../farmer-listings'
import type { NewFarmer } from '../members'
import type { InviteRepository, InviteRow } from './invite-repository'

/** No 0/O, 1/I/L: a code read aloud or typed from a screenshot survives. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const DAY_MS = 86_400_000
const LIST_LIMIT = 50

const joinPath = (code: string) => `farmer/pages/join/index?code=${code}`

function drawCode(): string {
  let code = ''
  for (let i = 0; i < LIMITS.inviteCodeLength; i++) code += ALPHABET[crypto.randomInt(ALPHABET.length)]
  return code
}

/** A code as typed: case and spaces do not matter; anything not shaped like a code is unknown. */
function normaliseCode(raw: string): string | null {
  const code = raw.replace(/\s+/g, '').toUpperCase()
  return new RegExp(`^[${ALPHABET}]{${LIMITS.inviteCodeLength}}$`).test(code) ? code : null
}

function statusOf(invite: InviteRow, now: Date): InviteSummaryDto['status'] {
  if (invite.usedAt) return 'used'
  return invite.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid'
}

const summary = (invite: InviteRow, now: Date): InviteSummaryDto => ({ code: invite.code, expiresAt: invite.expiresAt.toISOString(), status: statusOf(invite, now) })

/** Membership, written by its owners (the farmer row: members; the farmer role: auth), inside the acceptance's transaction. */
export interface Membership {
  farmerOfUser(tx: Tx, userId: number): Promise<{ id: number } | null>
  insertFarmer(tx: Tx, farmer: NewFarmer): Promise<number>
  grantFarmerRole(tx: Tx, userId: number): Promise<void>
}

export interface InviteServiceDeps {
  repo: InviteRepository
  gate: ContentGate
  ownedMediaKeys: (userId: number, keys: string[]) => Promise<Set<string>>
  membership: Membership
  clock: () => Date
}

export function createInviteService({ repo, gate, ownedMediaKeys, membership, clock }: InviteServiceDeps) {
  return {
    async create(admin: MeDto, requestedCoopId: number | undefined): Promise<InviteCreatedDto> {
      const coopId = admin.cooperativeId
      if (coopId === null) throw forbidden('This needs a cooperative manager')
      if (requestedCoopId !== undefined && requestedCoopId !== coopId) throw forbidden('You manage another cooperative')
      const expiresAt = new Date(clock().getTime() + LIMITS.inviteValidDays * DAY_MS)
      for (let attempt = 0; attempt < 5; attempt++) {
        const code = drawCode()
        if (await repo.insert({ cooperativeId: coopId, code, createdBy: admin.id, expiresAt })) {
          return { code, expiresAt: expiresAt.toISOString(), sharePath: joinPath(code) }
        }
      }
      throw new Error('could not draw a free invite code in 5 attempts')
    },

    async list(admin: MeDto): Promise<{ items: InviteSummaryDto[] }> {
      if (admin.cooperativeId === null) throw forbidden('This needs a cooperative manager')
      const now = clock()
      return { items: (await repo.listForCooperative(admin.cooperativeId, LIST_LIMIT)).map((i) => summary(i, now)) }
    },

    async info(rawCode: string): Promise<InviteInfoDto> {
      const code = normaliseCode(rawCode)
      const row = code ? await repo.findWithCooperative(code) : null
      if (!row) throw notFound('Invite')
      return { ...summary(row.invite, clock()), cooperative: row.cooperative }
    },

    /** Makes the user a farmer of the invite's cooperative; returns the new farmer id. */
    async accept(userId: number, rawCode: string, input: InviteAcceptDto): Promise<number> {
      const code = normaliseCode(rawCode)
      if (!code) throw notFound('Invite')
      const photoKey = input.photoKey ?? null
      if (photoKey && !(await ownedMediaKeys(userId, [photoKey])).has(photoKey)) throw new AppError('UNKNOWN_PHOTO', 'The photo is not one you uploaded')
      const name = input.name.trim()
      const village = input.village.trim()
      const story = (input.story ?? '').trim()
      if (!name || !village) throw new AppError('VALIDATION_FAILED', 'name and village must not be blank')
      // Risky text is refused; a profile is not held back for review (the manager invited this person).
      await gate.check(userId, [name, village, story])
      const alreadyAFarmer = () => new AppError('ALREADY_A_FARMER', 'This account is already a farmer of a cooperative')
      return repo.transaction(async (tx) => {
        const invite = await repo.lockInvite(tx, code)
        if (!invite) throw notFound('Invite')
        const now = clock()
        if (invite.usedAt) throw new AppError('INVITE_USED', 'This invite has already been used')
        if (invite.expiresAt.getTime() <= now.getTime()) throw new AppError('INVITE_EXPIRED', 'This invite has expired; ask the cooperative for a new one')
        if (await membership.farmerOfUser(tx, userId)) throw alreadyAFarmer()
        const farmerId = await membership.insertFarmer(tx, { cooperativeId: invite.cooperativeId, userId, name, village, story, photoKey })
        await repo.markUsed(tx, invite.id, farmerId, now)
        await membership.grantFarmerRole(tx, userId)
        return farmerId
      }).catch((err: unknown) => {
        // Two invites accepted at once by one account: farmers.user_id is unique, so one loses here.
        throw pgErrorCode(err) === UNIQUE_VIOLATION ? alreadyAFarmer() : err
      })
    },
  }
}

export type InviteService = ReturnType<typeof createInviteService>
