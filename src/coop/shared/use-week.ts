/** The week a coop page shows: `?week=` when it is a real ISO week, else the week in progress in China. */
import { useState } from 'react'
import { compareWeeks, currentWeek, isIsoWeek } from '@domain/weeks'
import { useRouter } from '../../lib/page'

export function useWeek(): { week: string; setWeek: (week: string) => void; isCurrent: boolean } {
  const { params } = useRouter()
  const asked = params.week
  const [week, setWeek] = useState(() => (asked && isIsoWeek(asked) && compareWeeks(asked, currentWeek()) <= 0 ? asked : currentWeek()))
  return { week, setWeek, isCurrent: week === currentWeek() }
}
