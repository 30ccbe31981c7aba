/** The farmer's own weekly statements (newest week first). */
import type { FarmerStatementsDto } from '@contracts/coop'
import { apiGet } from '../../../lib/request'

export const fetchMyStatements = () => apiGet<FarmerStatementsDto>('/api/v1/farmer/statements')
