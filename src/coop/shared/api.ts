/** The cooperative side's API calls (reports, statements, members, the review queue) and its downloads. */
import type {
  ImpactReportDto,
  MemberDto,
  MemberListDto,
  StatementDto,
  StatementListDto,
  WeeklyReportDto,
} from '../../../server/src/contracts/coop'
import type { ListingDto, ReviewItemDto } from '../../../server/src/contracts/farmer-listings'
import { downloadFile } from '../../lib/download'
import { apiGet, apiPost, apiPut } from '../../lib/request'

export const coopApi = {
  weekly: (week: string) => apiGet<WeeklyReportDto>('/api/v1/coop/reports/weekly', { week }),
  impact: (week: string) => apiGet<ImpactReportDto>('/api/v1/coop/reports/impact', { week }),
  statements: (week: string) => apiGet<StatementListDto>('/api/v1/coop/settlements', { week }),
  confirm: (farmerId: number, week: string) => apiPost<StatementDto>(`/api/v1/coop/settlements/${farmerId}/${week}/confirm`),
  pay: (farmerId: number, week: string, paymentRef: string) => apiPost<StatementDto>(`/api/v1/coop/settlements/${farmerId}/${week}/pay`, { paymentRef }),
  members: (week: string) => apiGet<MemberListDto>('/api/v1/coop/members', { week }),
  setPoorHousehold: (farmerId: number, value: boolean) => apiPost<MemberDto>(`/api/v1/coop/members/${farmerId}/poor-household`, { value }),
  setActive: (farmerId: number, active: boolean) => apiPost<MemberDto>(`/api/v1/coop/members/${farmerId}/${active ? 'activate' : 'deactivate'}`),
  setCommission: (bps: number) => apiPut<{ commissionBps: number }>('/api/v1/coop/commission', { bps }),
  /** The invites API of the farmer side: a code a new member opens to join. */
  invite: () => apiPost<{ code: string; expiresAt: string; sharePath: string }>('/api/v1/coop/invites'),
  /** Listings of the cooperative's farmers held by the content check (at most 50, oldest first). */
  reviews: () => apiGet<{ items: ReviewItemDto[] }>('/api/v1/coop/reviews'),
  approve: (productId: number) => apiPost<ListingDto>(`/api/v1/coop/reviews/${productId}/approve`),
  /** Without a note the farmer reads the server's default reason. */
  reject: (productId: number, note?: string) => apiPost<ListingDto>(`/api/v1/coop/reviews/${productId}/reject`, note ? { note } : {}),
}

export type Download = 'weekly.csv' | 'weekly.xlsx' | 'impact.csv' | 'settlements.csv'

const FILE_NAMES: Record<Download, string> = {
  'weekly.csv': '乡集周报',
  'weekly.xlsx': '乡集周报',
  'impact.csv': '乡集帮扶收入',
  'settlements.csv': '乡集结算单',
}

export function downloadReport(file: Download, week: string): Promise<void> {
  const ext = file.split('.').pop()
  return downloadFile(`/api/v1/coop/reports/${file}`, { week }, `${FILE_NAMES[file]}-${week}.${ext}`)
}
