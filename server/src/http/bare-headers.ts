/**
 * The security headers of an error answered before any route or hook runs — Node's parser
 * refusing a request head (client-errors.ts), the router refusing a URL (errors.ts
 * frameworkErrors) — where helmet's hook (security-headers.ts) never sees the response. Such an
 * answer is a small JSON error: nothing may load from it, frame it or sniff it.
 */
export const BARE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
}
