/**
 * China time in SQL, the one place it is written: the server's twin of src/domain/china-time.ts
 * and weeks.ts. Rollups, reports and settlements file and filter by these expressions, so a sale
 * lands in the same China day and ISO week in SQL as in `chinaDate` / `isoWeekOf`.
 * `column` is trusted SQL text (a column name such as 'o.paid_at'), never user input.
 */
import { sql, type SQL } from 'drizzle-orm'
import { BUSINESS_TIME_ZONE } from '@domain/china-time'

const dayText = (column: string) => `((${column}) at time zone '${BUSINESS_TIME_ZONE}')::date`
const weekText = (day: string) => `to_char(${day}, 'IYYY-"W"IW')`

/** The China calendar day (a `date`) of a timestamptz column. */
export const chinaDaySql = (column: string): SQL => sql.raw(dayText(column))

/** The ISO week ('2026-W48') in China of a timestamptz column; the same as `isoWeekOf`. */
export const chinaWeekSql = (column: string): SQL => sql.raw(weekText(dayText(column)))

/** The ISO week ('2026-W48') of a column that already holds a China calendar day (a `date`); the same as `weekOfDay`. */
export const weekOfDaySql = (dayColumn: string): SQL => sql.raw(weekText(dayColumn))
