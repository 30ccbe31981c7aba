/**
 * Registered households (建档立卡 / 监测户): the HTTP contract of modules/households. Every route is
 * the cooperative manager's (requireCoopAdmin): another cooperative's farmer or import is a 404,
 * a farmer or a buyer gets 403. Registry numbers are personal information: lists carry them
 * masked (`5224****0173`, maskRegistryNo in src/domain/households.ts); only the member's own
 * household page and the xlsx export carry them in full, and each of those is written to the audit
 * log. Buyers' and public answers never carry any of this.
 *
 *   GET  /api/v1/coop/households                                → HouseholdList
 *   GET  /api/v1/coop/members/:farmerId/household               → HouseholdDetail   (audited: view_number)
 *   PUT  /api/v1/coop/members/:farmerId/household  SetHousehold → HouseholdDetail   (audited: set_status)
 *   POST /api/v1/coop/members/:farmerId/household/end  EndHousehold → HouseholdDetail (audited: end_status)
 *   POST /api/v1/coop/household-imports?fileName=…  (raw CSV or xlsx body, Idempotency-Key) → ImportProposal (201; audited: import)
 *   GET  /api/v1/coop/household-imports/:importId               → ImportProposal
 *   PUT  /api/v1/coop/household-imports/:importId/mapping  ImportMappingBody → ImportProposal
 *   POST /api/v1/coop/household-imports/:importId/apply  ApplyImportBody → ImportProposal (status applied; audited: apply_import)
 *   POST /api/v1/coop/household-imports/:importId/discard       → ImportProposal (status discarded)
 *   GET  /api/v1/coop/reports/households?period=&at=            → RegistryReport
 *   GET  /api/v1/coop/reports/households.xlsx?period=&at=       → the same figures as xlsx (audited: export)
 *   GET  /api/v1/coop/registry-audit?cursor=                    → AuditPage
 *
 * Dates are China dates `YYYY-MM-DD`; money is integer fen; 斤 are 500 g.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { FINDING_KINDS, HOUSEHOLD_STATUSES } from '@domain/households'
import { PERIOD_KINDS as REPORT_PERIODS } from '@domain/periods'
import { Id } from './catalog'
import { literalUnion } from './literals'

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()])
const Timestamp = Type.String({ format: 'date-time' })

export const ChinaDate = Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', maxLength: 10, description: 'China date, YYYY-MM-DD' })
export const HouseholdStatus = literalUnion(HOUSEHOLD_STATUSES, { description: 'registered 在册 · lifted 已脱贫 · monitored 监测户' })

// ---- a member's household ----

export const HouseholdPeriod = Type.Object({
  id: Type.Integer(),
  status: HouseholdStatus,
  startedOn: ChinaDate,
  /** The last day of this status (inclusive); null while it lasts. */
  endedOn: Nullable(ChinaDate),
  /** manual · import:<id> · migration · demo */
  source: Type.String(),
})

export const HouseholdListItem = Type.Object({
  farmerId: Type.Integer(),
  name: Type.String(),
  village: Type.String(),
  active: Type.Boolean(),
  /** Masked (`5224****0173`); null when the member has no number on record. */
  registryNoMasked: Nullable(Type.String()),
  /** Today's status; null when the household is not on the registry today. */
  status: Nullable(HouseholdStatus),
  /** When today's status began. */
  since: Nullable(ChinaDate),
  /** Whether today's status counts as a registered household (COUNTING_STATUSES). */
  counts: Type.Boolean(),
})
export const HouseholdList = Type.Object({
  members: Type.Array(HouseholdListItem),
  /** How many members count as registered households today. */
  registeredToday: Type.Integer(),
})

export const HouseholdDetail = Type.Object({
  farmerId: Type.Integer(),
  name: Type.String(),
  village: Type.String(),
  /** In full (this view is audited); null when none on record. */
  registryNo: Nullable(Type.String()),
  headName: Type.String(),
  current: Nullable(HouseholdPeriod),
  /** Every period, newest first. */
  history: Type.Array(HouseholdPeriod),
})

export const SetHouseholdBody = Type.Object(
  {
    /** 户编号; spaces and dashes are dropped, letters upper-cased; then 6–30 digits or capitals (INVALID_REGISTRY_NO). */
    registryNo: Type.String({ minLength: 1, maxLength: 40 }),
    headName: Type.String({ minLength: 1, maxLength: 40 }),
    status: HouseholdStatus,
    /** The first day of this status; the open period (if any) ends the day before. Not before the open period began, not after today. */
    since: ChinaDate,
  },
  { additionalProperties: false },
)
export const EndHouseholdBody = Type.Object(
  {
    /** The last day the household was on the registry (inclusive); not before its status began, not after today. */
    endedOn: ChinaDate,
  },
  { additionalProperties: false },
)

// ---- importing the county's list ----

/** The fields of a county list row (IMPORT_FIELDS in src/domain/households.ts); registryNo and headName must be mapped, the others are optional. */
export { IMPORT_FIELDS, type ImportField } from '@domain/households'

export const ImportMapping = Type.Object(
  {
    registryNo: Type.String({ minLength: 1, maxLength: 100, description: 'header text of the 户编号 column' }),
    headName: Type.String({ minLength: 1, maxLength: 100, description: 'header text of the 户主姓名 column' }),
    status: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '在册 / 已脱贫 / 监测户 (absent: every row 在册)' })),
    since: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'date the status began (absent: the day the list is applied)' })),
    village: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
)
export const ImportMappingBody = Type.Object({ mapping: ImportMapping }, { additionalProperties: false })
export const ImportQuery = Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 120 })) }, { additionalProperties: false })
export const ImportParams = Type.Object({ importId: Id }, { additionalProperties: false })

export { FINDING_KINDS, type FindingKind } from '@domain/households'

export const ImportFinding = Type.Object({
  kind: literalUnion(FINDING_KINDS),
  /** 1-based data row of the file (the header is row 0); null for not_on_list. */
  row: Nullable(Type.Integer()),
  registryNoMasked: Type.String(),
  /** The head's name on the list (null for not_on_list). */
  listName: Nullable(Type.String()),
  farmerId: Nullable(Type.Integer()),
  farmerName: Nullable(Type.String()),
  /** Chinese, for the manager. */
  message: Type.String(),
})
export const RowError = Type.Object({ row: Type.Integer(), message: Type.String({ description: 'Chinese, e.g. 第3行：户编号为空' }) })

export const ProposedChange = Type.Object({
  farmerId: Type.Integer(),
  farmerName: Type.String(),
  row: Type.Integer(),
  from: Nullable(Type.Object({ status: HouseholdStatus, registryNoMasked: Nullable(Type.String()) })),
  to: Type.Object({ status: HouseholdStatus, since: ChinaDate, registryNoMasked: Type.String(), headName: Type.String() }),
})

export const ImportProposal = Type.Object({
  importId: Type.Integer(),
  fileName: Type.String(),
  status: literalUnion(['proposed', 'applied', 'discarded'] as const),
  header: Type.Array(Type.String()),
  rowCount: Type.Integer(),
  /** null until every required field is mapped (IMPORT_MAPPING_INCOMPLETE on apply). */
  mapping: Nullable(ImportMapping),
  /** True when the mapping came from this cooperative's last import. */
  mappingRemembered: Type.Boolean(),
  rowErrors: Type.Array(RowError),
  findings: Type.Array(ImportFinding),
  changes: Type.Array(ProposedChange),
  /** Digest of `changes`; apply sends it back so what is applied is what the manager saw (IMPORT_STALE otherwise). */
  changesDigest: Type.String(),
  createdAt: Timestamp,
  appliedAt: Nullable(Timestamp),
})
export const ApplyImportBody = Type.Object({ changesDigest: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false })

// ---- the registry report ----

export { PERIOD_KINDS as REPORT_PERIODS } from '@domain/periods'
export const RegistryReportQuery = Type.Object(
  {
    period: literalUnion(REPORT_PERIODS),
    /** 2026-W48 · 2026-11 · 2026; absent: the current one (INVALID_PERIOD when it does not fit `period`). */
    at: Type.Optional(Type.String({ maxLength: 8 })),
  },
  { additionalProperties: false },
)

const Figures = {
  /** Sales to these households (goods, on the day of sale) minus the refunds they bore (in the period the refund succeeded, counted by the status on its sale's day). */
  incomeFen: Type.Integer(),
  grossFen: Type.Integer(),
  refundsFen: Type.Integer(),
  orders: Type.Integer(),
  /** 斤 sold (500 g), one decimal. */
  jin: Type.Number(),
}
export const RegistryHouseholdRow = Type.Object({
  farmerId: Type.Integer(),
  name: Type.String(),
  village: Type.String(),
  registryNoMasked: Nullable(Type.String()),
  /** The status at the end of the period (or today, for the current period). */
  status: Nullable(HouseholdStatus),
  ...Figures,
})
export const RegistryVillageRow = Type.Object({ village: Type.String(), households: Type.Integer(), ...Figures })
export const RegistryReport = Type.Object({
  period: literalUnion(REPORT_PERIODS),
  at: Type.String(),
  from: ChinaDate,
  to: ChinaDate,
  cooperative: Type.Object({ id: Type.Integer(), name: Type.String(), county: Type.String() }),
  /** households: how many distinct households had income counted in the period. */
  totals: Type.Object({ households: Type.Integer(), ...Figures }),
  byVillage: Type.Array(RegistryVillageRow),
  byHousehold: Type.Array(RegistryHouseholdRow),
})

// ---- the audit log ----

export const AUDIT_ACTIONS = ['view_number', 'set_status', 'end_status', 'import', 'apply_import', 'discard_import', 'export'] as const
export const AuditQuery = Type.Object({ cursor: Type.Optional(Type.String({ maxLength: 40 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, { additionalProperties: false })
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Timestamp,
  userName: Type.String(),
  action: literalUnion(AUDIT_ACTIONS),
  farmerId: Nullable(Type.Integer()),
  farmerName: Nullable(Type.String()),
  rows: Nullable(Type.Integer()),
  /** Chinese, e.g. 查看了完整户编号 / 导出了2026年11月报表 */
  summary: Type.String(),
})
export const AuditPage = Type.Object({ entries: Type.Array(AuditEntry), nextCursor: Nullable(Type.String()) })

export type HouseholdListDto = Static<typeof HouseholdList>
export type HouseholdDetailDto = Static<typeof HouseholdDetail>
export type HouseholdPeriodDto = Static<typeof HouseholdPeriod>
export type SetHouseholdBodyDto = Static<typeof SetHouseholdBody>
export type EndHouseholdBodyDto = Static<typeof EndHouseholdBody>
export type ImportMappingDto = Static<typeof ImportMapping>
export type ImportProposalDto = Static<typeof ImportProposal>
export type ImportFindingDto = Static<typeof ImportFinding>
export type ProposedChangeDto = Static<typeof ProposedChange>
export type RegistryReportDto = Static<typeof RegistryReport>
export type RegistryReportQueryDto = Static<typeof RegistryReportQuery>
export type AuditPageDto = Static<typeof AuditPage>
export type AuditEntryDto = Static<typeof AuditEntry>
export type AuditAction = (typeof AUDIT_ACTIONS)[number]
export type ReportPeriod = (typeof REPORT_PERIODS)[number]
