/** A page's thing failed to load: a missing one (404) says so for good, anything else can be retried. */
import { isApiError, userMessage } from '../lib/api-error'
import { ErrorState } from './status'

interface Props {
  error: unknown
  /** what to say when the thing does not exist */
  missingText: string
  onRetry: () => void
}

export function LoadError({ error, missingText, onRetry }: Props) {
  const missing = isApiError(error) && error.status === 404
  return missing ? <ErrorState message={missingText} /> : <ErrorState message={userMessage(error)} onRetry={onRetry} />
}
