/** The cooperative's registered households (server/src/contracts/households.ts): members' status, county lists, the report, the audit log. */
import type {
  AuditPageDto,
  EndHouseholdBodyDto,
  HouseholdDetailDto,
  HouseholdListDto,
  ImportMappingDto,
  ImportProposalDto,
  RegistryReportDto,
  ReportPeriod,
  SetHouseholdBodyDto,
} from '@contracts/households'
import { downloadFile } from '../../../lib/download'
import type { ChosenFile } from '../../../lib/files'
import { apiGet, apiPost, apiPut, buildQuery } from '../../../lib/request'

const member = (farmerId: number) => `/api/v1/coop/members/${farmerId}/household`
const anImport = (importId: number) => `/api/v1/coop/household-imports/${importId}`

export const householdsApi = {
  list: () => apiGet<HouseholdListDto>('/api/v1/coop/households'),
  /** The full 户编号: the server writes this view to the audit log. */
  detail: (farmerId: number) => apiGet<HouseholdDetailDto>(member(farmerId)),
  set: (farmerId: number, body: SetHouseholdBodyDto) => apiPut<HouseholdDetailDto>(member(farmerId), body),
  end: (farmerId: number, body: EndHouseholdBodyDto) => apiPost<HouseholdDetailDto>(`${member(farmerId)}/end`, body),

  /** The county's list as the file's raw bytes; the same key on every retry of the same file. */
  upload: (file: ChosenFile, idempotencyKey: string) =>
    apiPost<ImportProposalDto>(`/api/v1/coop/household-imports${buildQuery({ fileName: file.name.slice(0, 120) })}`, file.bytes, {
      headers: { 'Content-Type': file.contentType, 'Idempotency-Key': idempotencyKey },
    }),
  getImport: (importId: number) => apiGet<ImportProposalDto>(anImport(importId)),
  setMapping: (importId: number, mapping: ImportMappingDto) => apiPut<ImportProposalDto>(`${anImport(importId)}/mapping`, { mapping }),
  apply: (importId: number, changesDigest: string) => apiPost<ImportProposalDto>(`${anImport(importId)}/apply`, { changesDigest }),
  discard: (importId: number) => apiPost<ImportProposalDto>(`${anImport(importId)}/discard`),

  report: (period: ReportPeriod, at: string) => apiGet<RegistryReportDto>('/api/v1/coop/reports/households', { period, at }),
  /** The same figures as xlsx (weapp: opens in WeChat's document viewer; H5: saved). The server audits it. */
  exportReport: (period: ReportPeriod, at: string) => downloadFile('/api/v1/coop/reports/households.xlsx', { period, at }, `乡集帮扶户收入-${at}.xlsx`),
  audit: (cursor: string | null) => apiGet<AuditPageDto>('/api/v1/coop/registry-audit', { cursor }),
}

export const householdRoutes = {
  member: (farmerId: number) => `/coop/pages/household/index?farmerId=${farmerId}`,
  import: '/coop/pages/household-import/index',
  report: '/coop/pages/registry-report/index',
  audit: '/coop/pages/registry-audit/index',
} as const
