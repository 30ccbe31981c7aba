/**
 * "This farmer's household counted as registered on this day" in SQL, the one place it is
 * written: the twin of `countsAsRegistered(statusOn(periods, day))` in src/domain/households.ts,
 * over household_periods (modules/households' table: farmer_id, status, started_on, ended_on; a
 * period covers started_on through ended_on, both inclusive). The members list, the weekly
 * report's flag and the registry report's sales all ask it this way.
 */
import { sql, type SQL } from 'drizzle-orm'
import { COUNTING_STATUSES } from '@domain/households'

const COUNTING = sql.join(COUNTING_STATUSES.map((s) => sql`${s}::household_status`), sql`, `)

/** `exists (…)` for the farmer `farmerId` (an SQL expression) on the date `day` (an SQL `date` expression). */
export function countsOnDaySql(farmerId: SQL, day: SQL): SQL {
  return sql`exists (select 1 from household_periods h
    where h.farmer_id = ${farmerId} and h.status in (${COUNTING})
      and h.started_on <= ${day} and (h.ended_on is null or h.ended_on >= ${day}))`
}
