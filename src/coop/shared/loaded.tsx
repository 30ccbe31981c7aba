/** A coop page's data: loading, error with retry, or the content drawn from it. */
import type { ReactNode } from 'react'
import { ErrorState, LoadingState } from '../../components/status'
import { userMessage } from '../../lib/api-error'
import { useResource, type Resource } from '../../lib/use-resource'
import { useWeek } from './use-week'

export function Loaded<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ReactNode }) {
  const { state } = resource
  if (state.status === 'loading') return <LoadingState />
  if (state.status === 'error') return <ErrorState message={userMessage(state.error)} onRetry={resource.retry} />
  return <>{children(state.data)}</>
}

/** The week the page shows (see useWeek) and one report of it, loaded afresh when the week changes. */
export function useWeekResource<T>(name: string, load: (week: string) => Promise<T>) {
  const { week, setWeek } = useWeek()
  const resource = useResource(`${name}:${week}`, () => load(week))
  return { week, setWeek, resource }
}
