/** The weekly statements: list, confirm, record the payment. */
import type { StatementDto, StatementListDto } from '@contracts/coop'
import { apiGet, apiPost } from '../../../lib/request'

export const settlementsApi = {
  statements: (week: string) => apiGet<StatementListDto>('/api/v1/coop/settlements', { week }),
  confirm: (farmerId: number, week: string) => apiPost<StatementDto>(`/api/v1/coop/settlements/${farmerId}/${week}/confirm`),
  pay: (farmerId: number, week: string, paymentRef: string) => apiPost<StatementDto>(`/api/v1/coop/settlements/${farmerId}/${week}/pay`, { paymentRef }),
}
