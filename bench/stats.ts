/** Small helpers every bench shares: percentiles, the machine's load, command-line flags. */
import os from 'node:os'

/** The p-th percentile (nearest rank) of an ascending array. */
export const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]

export interface Summary {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

/** p50 / p95 / p99 / max / mean of some timings (any order; the array is not modified). */
export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  if (n === 0) return { n, p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN }
  return { n, p50: pct(sorted, 50), p95: pct(sorted, 95), p99: pct(sorted, 99), max: sorted[n - 1], mean: sorted.reduce((s, v) => s + v, 0) / n }
}

/** The 1 / 5 / 15-minute load average, e.g. "1.8 / 3.7 / 4.0" (on 2 cores, above 2 means others wait for a core). */
export const loadAvg = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' / ')

/** `--key=value` flags (a bare `--flag` is "true"). */
export function parseArgs(argv: string[] = process.argv.slice(2)): Record<string, string> {
  return Object.fromEntries(argv.map((a) => a.replace(/^--/, '').split('=')).map(([k, ...v]) => [k, v.length > 0 ? v.join('=') : 'true']))
}

/** Which stores a bench runs on: `--store=postgres|pglite`, both by default. */
export function storesFrom(args: Record<string, string>): ('postgres' | 'pglite')[] {
  return args.store === 'postgres' || args.store === 'pglite' ? [args.store] : ['postgres', 'pglite']
}

export const ms = (v: number): string => v.toFixed(1)
