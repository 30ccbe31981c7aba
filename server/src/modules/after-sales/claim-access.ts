/**
 * Who sees a claim: the buyer who filed it, the farmer whose order it is on, the managers of
 * that farmer's cooperative, and the system (the escalation job). Anyone else gets a 404.
 */
import type { ClaimActor } from '@domain/claim-states'
import type { ClaimRow } from './claim-repository'

export type ClaimViewer =
  | { side: 'buyer'; userId: number }
  | { side: 'farmer'; userId: number; farmerId: number }
  | { side: 'manager'; userId: number; cooperativeId: number }
  | { side: 'system' }

export function sees(viewer: ClaimViewer, claim: Pick<ClaimRow, 'buyerId' | 'farmerId' | 'cooperativeId'>): boolean {
  switch (viewer.side) {
    case 'buyer':
      return claim.buyerId === viewer.userId
    case 'farmer':
      return claim.farmerId === viewer.farmerId
    case 'manager':
      return claim.cooperativeId === viewer.cooperativeId
    case 'system':
      return true
  }
}

export const actorOf = (viewer: ClaimViewer): ClaimActor => viewer.side

export const userIdOf = (viewer: ClaimViewer): number | null => (viewer.side === 'system' ? null : viewer.userId)
