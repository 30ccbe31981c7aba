/**
 * After-sale claims as each side uses them: the buyer files and follows their claims, the
 * farmer answers the claims on their orders, the cooperative's managers decide escalated ones.
 * No HTTP here; SQL lives in the repository, the steps in claim-steps.ts.
 */
import type { ClaimDto, ClaimPageDto, DecideBodyDto, OfferBodyDto } from '@contracts/after-sales'
import type { ClaimStatus } from '@domain/claim-states'
import { notFound } from '../../http/errors'
import type { JobHandler } from '../../jobs/job-runner'
import { decodeCursor, encodeCursor } from '../catalog'
import { findOrder } from '../orders'
import { sees, type ClaimViewer } from './claim-access'
import { createClaimFiling, ESCALATE_CLAIM_JOB, type ClaimFilingDeps, type FileClaimInput } from './claim-filing'
import { toClaimDtos } from './claim-mapper'
import { claimPage, claimsOfOrder, findClaim, type ClaimScope } from './claim-repository'
import { takeStep, type ClaimStep } from './claim-steps'

export interface ClaimListQuery {
  status?: ClaimStatus
  cursor?: string
  limit?: number
}

export type FarmerViewer = Extract<ClaimViewer, { side: 'farmer' }>
export type ManagerViewer = Extract<ClaimViewer, { side: 'manager' }>

const SYSTEM: ClaimViewer = { side: 'system' }

export function createClaimService(deps: ClaimFilingDeps) {
  const { db, clock } = deps
  const filing = createClaimFiling(deps)

  async function one(viewer: ClaimViewer, id: number): Promise<ClaimDto> {
    const claim = await findClaim(db, id)
    if (!claim || !sees(viewer, claim)) throw notFound('Claim')
    const [dto] = await toClaimDtos(db, [claim], viewer.side)
    return dto
  }

  async function step(viewer: ClaimViewer, id: number, s: ClaimStep): Promise<ClaimDto> {
    const claim = (await takeStep(db, viewer, id, s, clock()))!
    const [dto] = await toClaimDtos(db, [claim], viewer.side)
    return dto
  }

  async function page(viewer: FarmerViewer | ManagerViewer, query: ClaimListQuery): Promise<ClaimPageDto> {
    const scope: ClaimScope = viewer.side === 'farmer' ? { farmerId: viewer.farmerId } : { cooperativeId: viewer.cooperativeId }
    const limit = query.limit ?? 20
    const rows = await claimPage(db, scope, query.status, query.cursor === undefined ? undefined : decodeCursor(query.cursor), limit + 1)
    const items = rows.slice(0, limit)
    return { items: await toClaimDtos(db, items, viewer.side), nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].id) : null }
  }

  return {
    async file(input: FileClaimInput): Promise<{ claim: ClaimDto; created: boolean }> {
      const { claim, created } = await filing.file(input)
      const [dto] = await toClaimDtos(db, [claim], 'buyer')
      return { claim: dto, created }
    },

    /** The buyer's claims on one of their orders, newest first; anyone else's order is a 404. */
    async ofOrder(buyerId: number, orderId: number): Promise<ClaimDto[]> {
      const order = await findOrder(db, orderId)
      if (!order || order.buyerId !== buyerId) throw notFound('Order')
      return toClaimDtos(db, await claimsOfOrder(db, orderId), 'buyer')
    },

    one,
    page,

    buyer: {
      acceptOffer: (userId: number, id: number) => step({ side: 'buyer', userId }, id, { action: 'accept_offer' }),
      askCooperative: (userId: number, id: number) => step({ side: 'buyer', userId }, id, { action: 'ask_cooperative' }),
      withdraw: (userId: number, id: number) => step({ side: 'buyer', userId }, id, { action: 'withdraw' }),
    },
    farmer: {
      accept: (viewer: FarmerViewer, id: number) => step(viewer, id, { action: 'accept' }),
      offer: (viewer: FarmerViewer, id: number, body: OfferBodyDto) => step(viewer, id, { action: 'offer', amountFen: body.amountFen, note: body.note }),
      contest: (viewer: FarmerViewer, id: number, note: string) => step(viewer, id, { action: 'contest', note }),
    },
    manager: {
      decide: (viewer: ManagerViewer, id: number, body: DecideBodyDto) => step(viewer, id, { action: 'decide', ...body }),
    },

    jobs: {
      /** The farmer's deadline passed: an open claim goes to the cooperative; an answered one stays as it is. */
      [ESCALATE_CLAIM_JOB]: (async (payload, now) => {
        const claimId = Number(payload.claimId)
        if (!(await findClaim(db, claimId))) return
        await takeStep(db, SYSTEM, claimId, { action: 'time_out' }, now, true)
      }) satisfies JobHandler,
    },
  }
}

export type ClaimService = ReturnType<typeof createClaimService>
