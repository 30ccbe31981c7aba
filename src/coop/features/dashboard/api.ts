/** The cooperative's weekly reports: sales, and the income of poor households. */
import type { ImpactReportDto, WeeklyReportDto } from '@contracts/coop'
import { apiGet } from '../../../lib/request'

export const reportsApi = {
  weekly: (week: string) => apiGet<WeeklyReportDto>('/api/v1/coop/reports/weekly', { week }),
  impact: (week: string) => apiGet<ImpactReportDto>('/api/v1/coop/reports/impact', { week }),
}
