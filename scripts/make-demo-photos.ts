/**
 * Generates the demo catalogue's photos: illustrated produce "photos" and farmer portraits,
 * drawn as SVG in code and encoded with sharp. Nothing is downloaded.
 *
 *   npx tsx scripts/make-demo-photos.ts
 *
 * Writes server/assets/media/demo/<name>.jpg (display) and <name>.thumb.jpg (thumbnail) for
 * every media key the demo data refers to; the output is committed. Deterministic: the same
 * code draws the same pictures (the random layout is seeded by the key).
 */
import { prngOf } from '@domain/prng'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { demoPhotoKeys } from '../server/src/seed/demo-data'

const MEDIA_DIR = path.resolve(__dirname, '../server/assets/media')
const JPEG = { quality: 72, progressive: true, mozjpeg: true } as const
const PRODUCT = { display: 750, thumb: 360 }
const PORTRAIT = { display: 360, thumb: 160 }

// ───────────────────────────── SVG toolkit ─────────────────────────────

type Rng = () => number

const seededRng = (key: string): Rng => prngOf(key)

const f = (n: number) => (Math.round(n * 10) / 10).toString()
type Stop = [offset: number, color: string, opacity?: number]
const stops = (list: Stop[]) =>
  list.map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}"${a === undefined ? '' : ` stop-opacity="${a}"`}/>`).join('')

class Scene {
  private defs: string[] = []
  private ids = new Set<string>()
  private body: string[] = []
  private counter = 0
  constructor(
    readonly rng: Rng,
    readonly size: number,
  ) {}

  /** A random number in [lo, hi). */
  r(lo: number, hi: number): number {
    return lo + (hi - lo) * this.rng()
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rng() * list.length)]!
  }
  uid(prefix: string): string {
    return `${prefix}${++this.counter}`
  }
  private def(id: string, markup: string): string {
    if (!this.ids.has(id)) {
      this.ids.add(id)
      this.defs.push(markup)
    }
    return `url(#${id})`
  }
  radial(id: string, list: Stop[], o: { cx?: number; cy?: number; r?: number; fx?: number; fy?: number } = {}): string {
    const { cx = 0.4, cy = 0.35, r = 0.75, fx = cx, fy = cy } = o
    return this.def(id, `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}" fx="${fx}" fy="${fy}">${stops(list)}</radialGradient>`)
  }
  linear(id: string, list: Stop[], o: { x1?: number; y1?: number; x2?: number; y2?: number } = {}): string {
    const { x1 = 0, y1 = 0, x2 = 0, y2 = 1 } = o
    return this.def(id, `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stops(list)}</linearGradient>`)
  }
  blur(std: number): string {
    const id = `blur${String(std).replace('.', '_')}`
    return this.def(id, `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${std}"/></filter>`)
  }
  clip(d: string): string {
    const id = this.uid('clip')
    return this.def(id, `<clipPath id="${id}"><path d="${d}"/></clipPath>`)
  }
  add(...parts: string[]): void {
    this.body.push(...parts)
  }
  svg(): string {
    const s = this.size
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}"><defs>${this.defs.join('')}</defs>${this.body.join('')}</svg>`
  }
}

/** A smooth closed wobbly ellipse (Catmull-Rom through jittered points). */
function blob(s: Scene, cx: number, cy: number, rx: number, ry: number, wobble = 0.08, n = 10, rot = 0): string {
  const pts: Array<[number, number]> = []
  const phase = s.r(0, Math.PI * 2)
  const cos = Math.cos(rot)
  const sin = Math.sin(rot)
  for (let i = 0; i < n; i++) {
    const a = phase + (i / n) * Math.PI * 2
    const k = 1 + s.r(-wobble, wobble)
    const x = Math.cos(a) * rx * k
    const y = Math.sin(a) * ry * k
    pts.push([cx + x * cos - y * sin, cy + x * sin + y * cos])
  }
  let d = `M${f(pts[0]![0])},${f(pts[0]![1])}`
  for (let i = 0; i < n; i++) {
    const p0 = pts[(i - 1 + n) % n]!
    const p1 = pts[i]!
    const p2 = pts[(i + 1) % n]!
    const p3 = pts[(i + 2) % n]!
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6]
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6]
    d += `C${f(c1[0]!)},${f(c1[1]!)} ${f(c2[0]!)},${f(c2[1]!)} ${f(p2[0])},${f(p2[1])}`
  }
  return `${d}Z`
}

const ellipse = (cx: number, cy: number, rx: number, ry: number, attrs: string) =>
  `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx)}" ry="${f(ry)}" ${attrs}/>`

function shadow(s: Scene, cx: number, cy: number, rx: number, ry: number, opacity = 0.22): string {
  return ellipse(cx, cy, rx, ry, `fill="#3a2a1a" opacity="${opacity}" filter="${s.blur(Math.max(4, ry * 0.45))}"`)
}

function highlight(s: Scene, cx: number, cy: number, rx: number, ry: number, rot: number, opacity = 0.55): string {
  return `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx)}" ry="${f(ry)}" fill="#fff" opacity="${opacity}" transform="rotate(${f(rot)} ${f(cx)} ${f(cy)})" filter="${s.blur(Math.max(2, ry * 0.35))}"/>`
}

interface Backdrop {
  wall: [string, string]
  table: [string, string]
  horizon?: number
  grain?: string
}

/** A soft wall gradient, a table surface with faint grain lines, and a vignette. */
function backdrop(s: Scene, b: Backdrop): void {
  const S = s.size
  const h = (b.horizon ?? 0.58) * S
  s.add(`<rect width="${S}" height="${S}" fill="${s.linear('wall', [[0, b.wall[0]], [1, b.wall[1]]])}"/>`)
  s.add(`<rect y="${f(h)}" width="${S}" height="${f(S - h)}" fill="${s.linear('table', [[0, b.table[0]], [1, b.table[1]]])}"/>`)
  s.add(`<rect y="${f(h - 3)}" width="${S}" height="6" fill="#fff" opacity="0.25" filter="${s.blur(3)}"/>`)
  if (b.grain) {
    for (let i = 0; i < 7; i++) {
      const y = h + 20 + i * ((S - h) / 7) + s.r(-6, 6)
      s.add(
        `<path d="M0,${f(y)} C${f(S * 0.3)},${f(y + s.r(-8, 8))} ${f(S * 0.7)},${f(y + s.r(-8, 8))} ${S},${f(y + s.r(-6, 6))}" stroke="${b.grain}" stroke-width="${f(s.r(1.5, 3))}" fill="none" opacity="0.35"/>`,
      )
    }
  }
}

function vignette(s: Scene): void {
  const S = s.size
  s.add(`<rect width="${S}" height="${S}" fill="${s.radial('vig', [[0.55, '#000', 0], [1, '#2a1a0a', 0.22]], { cx: 0.5, cy: 0.45, r: 0.75 })}"/>`)
}

/** A leaf (pointing right from its base at 0,0 before the transform), with a midrib. */
function leaf(s: Scene, x: number, y: number, len: number, angle: number, tone: 'green' | 'tea' | 'young' = 'green'): string {
  const w = len * 0.36
  const fill =
    tone === 'young'
      ? s.linear('leafYoung', [[0, '#b8d96a'], [1, '#7fae3a']], { x1: 0, y1: 0, x2: 1, y2: 1 })
      : tone === 'tea'
        ? s.linear('leafTea', [[0, '#4f8a2a'], [1, '#2d5e1a']], { x1: 0, y1: 0, x2: 1, y2: 1 })
        : s.linear('leafGreen', [[0, '#6fb23c'], [1, '#2f7a22']], { x1: 0, y1: 0, x2: 1, y2: 1 })
  const d = `M0,0 C${f(len * 0.25)},${f(-w)} ${f(len * 0.75)},${f(-w * 0.9)} ${f(len)},0 C${f(len * 0.75)},${f(w * 0.9)} ${f(len * 0.25)},${f(w)} 0,0Z`
  const veins = [0.3, 0.5, 0.7]
    .map((t) => `M${f(len * t)},0 L${f(len * (t + 0.12))},${f(-w * 0.45)} M${f(len * t)},0 L${f(len * (t + 0.12))},${f(w * 0.45)}`)
    .join(' ')
  return `<g transform="translate(${f(x)} ${f(y)}) rotate(${f(angle)})"><path d="${d}" fill="${fill}"/><path d="M0,0 L${f(len * 0.95)},0 ${veins}" stroke="#d8f0b0" stroke-width="${f(len * 0.015 + 0.6)}" opacity="0.55" fill="none"/></g>`
}

// ───────────────────────────── produce ─────────────────────────────

function applePath(r: number): string {
  return `M0,${f(-0.72 * r)} C${f(0.35 * r)},${f(-1.05 * r)} ${f(1.08 * r)},${f(-0.92 * r)} ${f(1.0 * r)},${f(-0.1 * r)} C${f(0.96 * r)},${f(0.55 * r)} ${f(0.58 * r)},${f(0.98 * r)} ${f(0.26 * r)},${f(0.94 * r)} C${f(0.1 * r)},${f(0.9 * r)} ${f(-0.1 * r)},${f(0.9 * r)} ${f(-0.26 * r)},${f(0.94 * r)} C${f(-0.58 * r)},${f(0.98 * r)} ${f(-0.96 * r)},${f(0.55 * r)} ${f(-1.0 * r)},${f(-0.1 * r)} C${f(-1.08 * r)},${f(-0.92 * r)} ${f(-0.35 * r)},${f(-1.05 * r)} 0,${f(-0.72 * r)}Z`
}

function apple(s: Scene, x: number, y: number, r: number, o: { russet?: boolean; leaf?: boolean; rot?: number } = {}): void {
  const rot = o.rot ?? s.r(-12, 12)
  const d = applePath(r)
  const fill = o.russet
    ? s.radial('appleRusset', [[0, '#f08a5d'], [0.5, '#c8452f'], [1, '#6e1f14']], { cx: 0.36, cy: 0.32, r: 0.8 })
    : s.radial('appleRed', [[0, '#ff7a63'], [0.45, '#d8232a'], [1, '#7a0d12']], { cx: 0.36, cy: 0.3, r: 0.8 })
  s.add(shadow(s, x + r * 0.1, y + r * 0.9, r * 0.95, r * 0.2))
  const clip = s.clip(d)
  let inner = ''
  // Fuji stripes and a yellow blush on the shaded side.
  for (let i = 0; i < 9; i++) {
    const sx = -r + (i + 0.5) * ((2 * r) / 9) + s.r(-6, 6)
    inner += `<path d="M${f(sx)},${f(-r)} C${f(sx + s.r(-r * 0.2, r * 0.2))},${f(-r * 0.2)} ${f(sx + s.r(-r * 0.2, r * 0.2))},${f(r * 0.3)} ${f(sx * 0.7)},${f(r)}" stroke="#ffd24d" stroke-width="${f(r * 0.05)}" fill="none" opacity="0.16"/>`
  }
  inner += ellipse(r * 0.55, r * 0.45, r * 0.55, r * 0.45, `fill="#e8c34a" opacity="0.28" filter="${s.blur(r * 0.18)}"`)
  if (o.russet) {
    for (let i = 0; i < 5; i++) {
      inner += `<path d="${blob(s, s.r(-r * 0.6, r * 0.6), s.r(-r * 0.5, r * 0.6), r * s.r(0.08, 0.2), r * s.r(0.06, 0.14), 0.3, 7)}" fill="#a0783e" opacity="0.45"/>`
    }
  }
  for (let i = 0; i < 16; i++) inner += ellipse(s.r(-r * 0.8, r * 0.8), s.r(-r * 0.6, r * 0.8), r * 0.018, r * 0.018, 'fill="#ffe9a8" opacity="0.45"')
  s.add(
    `<g transform="translate(${f(x)} ${f(y)}) rotate(${f(rot)})">`,
    `<path d="${d}" fill="${fill}"/>`,
    `<g clip-path="${clip}">${inner}</g>`,
    ellipse(0, -0.72 * r, r * 0.16, r * 0.06, 'fill="#4a0a0c" opacity="0.45"'),
    highlight(s, -0.42 * r, -0.38 * r, r * 0.22, r * 0.11, -35, 0.6),
    `<path d="M0,${f(-0.72 * r)} C${f(0.02 * r)},${f(-0.9 * r)} ${f(0.06 * r)},${f(-1.02 * r)} ${f(0.12 * r)},${f(-1.1 * r)}" stroke="#5b3a1e" stroke-width="${f(r * 0.065)}" stroke-linecap="round" fill="none"/>`,
    o.leaf ? leaf(s, 0.1 * r, -1.0 * r, r * 0.75, -25) : '',
    `</g>`,
  )
}

function appleHalf(s: Scene, x: number, y: number, r: number): void {
  const d = applePath(r)
  s.add(shadow(s, x, y + r * 0.88, r * 1.0, r * 0.18))
  const flesh = s.radial('appleFlesh', [[0, '#fffaf0'], [0.7, '#f8eccb'], [1, '#eed9a2']], { cx: 0.5, cy: 0.5, r: 0.6 })
  const core = s.radial('sugarCore', [[0, '#e8b04a', 0.85], [0.6, '#f0c66a', 0.55], [1, '#f6dc98', 0]], { cx: 0.5, cy: 0.5, r: 0.5 })
  let seeds = ''
  for (let i = 0; i < 5; i++) {
    const a = (i / 5) * Math.PI * 2 - Math.PI / 2
    const sx = Math.cos(a) * r * 0.17
    const sy = Math.sin(a) * r * 0.17 + r * 0.05
    seeds += `<ellipse cx="${f(sx)}" cy="${f(sy)}" rx="${f(r * 0.04)}" ry="${f(r * 0.075)}" fill="#5a3015" transform="rotate(${f((a * 180) / Math.PI + 90)} ${f(sx)} ${f(sy)})"/>`
  }
  s.add(
    `<g transform="translate(${f(x)} ${f(y)})">`,
    `<path d="${d}" fill="#b3171f"/>`,
    `<g transform="scale(0.93)"><path d="${d}" fill="${flesh}"/></g>`,
    ellipse(0, r * 0.05, r * 0.42, r * 0.4, `fill="${core}"`),
    seeds,
    `<path d="M0,${f(-0.7 * r)} L0,${f(-0.35 * r)}" stroke="#c9a86a" stroke-width="${f(r * 0.03)}"/>`,
    `<path d="M0,${f(-0.72 * r)} C${f(0.02 * r)},${f(-0.9 * r)} ${f(0.06 * r)},${f(-1.02 * r)} ${f(0.12 * r)},${f(-1.1 * r)}" stroke="#5b3a1e" stroke-width="${f(r * 0.065)}" stroke-linecap="round" fill="none"/>`,
    `</g>`,
  )
}

/** Slatted wooden crate, front face only (draw the produce first). */
function crate(s: Scene, x: number, y: number, w: number, h: number): void {
  const wood = s.linear('crateWood', [[0, '#d9a766'], [1, '#b07a3e']])
  s.add(shadow(s, x + w / 2, y + h, w * 0.55, 18, 0.3))
  const slat = h / 3
  for (let i = 0; i < 3; i++) {
    const sy = y + i * slat + 4
    s.add(`<rect x="${f(x)}" y="${f(sy)}" width="${f(w)}" height="${f(slat - 10)}" rx="4" fill="${wood}"/>`)
    s.add(`<path d="M${f(x + 10)},${f(sy + slat * 0.45)} C${f(x + w * 0.4)},${f(sy + slat * 0.3)} ${f(x + w * 0.6)},${f(sy + slat * 0.6)} ${f(x + w - 10)},${f(sy + slat * 0.4)}" stroke="#8a5a2a" stroke-width="2" fill="none" opacity="0.35"/>`)
  }
  for (const px of [x + 8, x + w - 30]) s.add(`<rect x="${f(px)}" y="${f(y)}" width="22" height="${f(h)}" rx="3" fill="#a66f36"/>`)
}

/** Woven basket: call `back` before the contents and `front` after. */
function basket(s: Scene, cx: number, rimY: number, w: number, h: number) {
  const wicker = s.linear('wicker', [[0, '#d9ad6a'], [1, '#9c6b32']])
  const back = () => {
    s.add(shadow(s, cx, rimY + h, w * 0.5, 22, 0.3))
    s.add(ellipse(cx, rimY, w / 2, w * 0.12, 'fill="#6e4620"'))
  }
  const front = () => {
    const body = `M${f(cx - w / 2)},${f(rimY)} C${f(cx - w / 2)},${f(rimY + h * 0.9)} ${f(cx - w * 0.35)},${f(rimY + h)} ${f(cx)},${f(rimY + h)} C${f(cx + w * 0.35)},${f(rimY + h)} ${f(cx + w / 2)},${f(rimY + h * 0.9)} ${f(cx + w / 2)},${f(rimY)} C${f(cx + w * 0.3)},${f(rimY + w * 0.12)} ${f(cx - w * 0.3)},${f(rimY + w * 0.12)} ${f(cx - w / 2)},${f(rimY)}Z`
    s.add(`<path d="${body}" fill="${wicker}"/>`)
    const clip = s.clip(body)
    let weave = ''
    const rows = 6
    for (let j = 0; j < rows; j++) {
      const yy = rimY + w * 0.1 + j * (h / rows)
      for (let i = 0; i < 14; i++) {
        const xx = cx - w / 2 + (i + (j % 2) * 0.5) * (w / 13)
        weave += ellipse(xx, yy, w / 30, h / rows / 2.6, 'fill="#f0c98a" opacity="0.35"')
      }
      weave += `<path d="M${f(cx - w / 2)},${f(yy + h / rows / 2)} Q${f(cx)},${f(yy + h / rows / 2 + 14)} ${f(cx + w / 2)},${f(yy + h / rows / 2)}" stroke="#6e4620" stroke-width="2" fill="none" opacity="0.45"/>`
    }
    s.add(`<g clip-path="${clip}">${weave}</g>`)
    s.add(`<path d="M${f(cx - w / 2)},${f(rimY)} C${f(cx - w * 0.3)},${f(rimY + w * 0.12)} ${f(cx + w * 0.3)},${f(rimY + w * 0.12)} ${f(cx + w / 2)},${f(rimY)}" stroke="#c08a48" stroke-width="16" stroke-linecap="round" fill="none"/>`)
  }
  return { back, front }
}

type PotatoTone = 'yellow' | 'purple'

function potato(s: Scene, x: number, y: number, rx: number, ry: number, tone: PotatoTone = 'yellow', shade = true): void {
  const rot = s.r(-0.5, 0.5)
  const d = blob(s, x, y, rx, ry, 0.07, 9, rot)
  const fill =
    tone === 'purple'
      ? s.radial('potPurple', [[0, '#8a5a86'], [0.55, '#5a2d55'], [1, '#2a1228']])
      : s.radial('potYellow', [[0, '#f1d9a4'], [0.55, '#d4a766'], [1, '#8f6637']])
  if (shade) s.add(shadow(s, x + rx * 0.1, y + ry * 0.85, rx * 0.95, ry * 0.25))
  s.add(`<path d="${d}" fill="${fill}"/>`)
  const speck = tone === 'purple' ? '#1e0a1c' : '#7a5530'
  for (let i = 0; i < 4; i++) {
    const ex = x + s.r(-rx * 0.6, rx * 0.6)
    const ey = y + s.r(-ry * 0.5, ry * 0.5)
    s.add(`<path d="M${f(ex - 5)},${f(ey)} q5,-4 10,0" stroke="${speck}" stroke-width="2.2" fill="none" opacity="0.55"/>`)
  }
  for (let i = 0; i < 10; i++) s.add(ellipse(x + s.r(-rx * 0.75, rx * 0.75), y + s.r(-ry * 0.6, ry * 0.6), 1.6, 1.6, `fill="${speck}" opacity="0.35"`))
  s.add(highlight(s, x - rx * 0.35, y - ry * 0.4, rx * 0.3, ry * 0.14, -15, 0.35))
}

function potatoCut(s: Scene, x: number, y: number, rx: number, ry: number, tone: PotatoTone): void {
  s.add(shadow(s, x, y + ry * 0.8, rx, ry * 0.25))
  s.add(`<path d="${blob(s, x, y, rx, ry, 0.04, 9)}" fill="${tone === 'purple' ? '#3a1838' : '#b88a4e'}"/>`)
  const flesh =
    tone === 'purple'
      ? s.radial('potFleshP', [[0, '#d7a6e0'], [0.5, '#9a4fb0'], [1, '#6a2a80']], { cx: 0.5, cy: 0.5, r: 0.6 })
      : s.radial('potFleshY', [[0, '#fff2b0'], [0.7, '#f6d66a'], [1, '#e8bf4a']], { cx: 0.5, cy: 0.5, r: 0.6 })
  s.add(`<path d="${blob(s, x, y - 2, rx * 0.9, ry * 0.86, 0.03, 9)}" fill="${flesh}"/>`)
  if (tone === 'purple') {
    s.add(`<path d="${blob(s, x, y, rx * 0.55, ry * 0.5, 0.12, 8)}" fill="none" stroke="#f0d8f0" stroke-width="4" opacity="0.6"/>`)
  }
  s.add(highlight(s, x - rx * 0.3, y - ry * 0.35, rx * 0.3, ry * 0.12, -10, 0.45))
}

function bowl(s: Scene, cx: number, rimY: number, w: number, depth: number, tone: 'wood' | 'white' | 'dark'): { front: () => void; back: () => void } {
  const fills = {
    wood: [['#c88a4a', '#7a4a1e'], '#5a3412'],
    white: [['#ffffff', '#d8d4cc'], '#bdb6aa'],
    dark: [['#6a4a3a', '#2e1e16'], '#1e120c'],
  } as const
  const [grad, inside] = fills[tone]
  const body = s.linear(`bowl-${tone}`, [[0, grad[0]], [1, grad[1]]], { x1: 0, y1: 0, x2: 1, y2: 0.3 })
  return {
    back: () => {
      s.add(shadow(s, cx, rimY + depth, w * 0.48, 20, 0.3))
      s.add(ellipse(cx, rimY, w / 2, w * 0.13, `fill="${inside}"`))
    },
    front: () => {
      s.add(
        `<path d="M${f(cx - w / 2)},${f(rimY)} C${f(cx - w / 2)},${f(rimY + depth * 0.9)} ${f(cx - w * 0.25)},${f(rimY + depth)} ${f(cx)},${f(rimY + depth)} C${f(cx + w * 0.25)},${f(rimY + depth)} ${f(cx + w / 2)},${f(rimY + depth * 0.9)} ${f(cx + w / 2)},${f(rimY)} C${f(cx + w * 0.3)},${f(rimY + w * 0.13)} ${f(cx - w * 0.3)},${f(rimY + w * 0.13)} ${f(cx - w / 2)},${f(rimY)}Z" fill="${body}"/>`,
      )
      s.add(highlight(s, cx - w * 0.28, rimY + depth * 0.45, w * 0.05, depth * 0.25, 10, tone === 'dark' ? 0.2 : 0.4))
    },
  }
}

/** Many small grains heaped inside an ellipse dome. */
function grainHeap(
  s: Scene,
  cx: number,
  cy: number,
  w: number,
  h: number,
  n: number,
  colors: readonly string[],
  size: [number, number],
  shape: 'grain' | 'bean' | 'flake' = 'grain',
): void {
  s.add(`<path d="M${f(cx - w / 2)},${f(cy)} C${f(cx - w * 0.4)},${f(cy - h)} ${f(cx + w * 0.4)},${f(cy - h)} ${f(cx + w / 2)},${f(cy)} Z" fill="${colors[colors.length - 1]}"/>`)
  const items: Array<[number, number]> = []
  for (let i = 0; i < n; i++) {
    const t = s.r(-1, 1)
    const top = cy - h * 0.75 * (1 - t * t)
    items.push([cx + (t * w) / 2 * 0.97, s.r(top, cy + 4)])
  }
  items.sort((a, b) => a[1] - b[1])
  for (const [x, y] of items) grain(s, x, y, s.r(size[0], size[1]), s.pick(colors), shape)
}

function grain(s: Scene, x: number, y: number, len: number, color: string, shape: 'grain' | 'bean' | 'flake'): void {
  const rot = s.r(0, 180)
  if (shape === 'bean') {
    const d = `M${f(-len)},0 C${f(-len)},${f(-len * 0.75)} ${f(len)},${f(-len * 0.75)} ${f(len)},0 C${f(len)},${f(len * 0.62)} ${f(len * 0.3)},${f(len * 0.55)} 0,${f(len * 0.32)} C${f(-len * 0.3)},${f(len * 0.55)} ${f(-len)},${f(len * 0.62)} ${f(-len)},0Z`
    s.add(
      `<g transform="translate(${f(x)} ${f(y)}) rotate(${f(rot)})"><path d="${d}" fill="${color}" stroke="#bfb59c" stroke-width="1"/>${ellipse(-len * 0.3, -len * 0.25, len * 0.35, len * 0.14, 'fill="#fff" opacity="0.7"')}</g>`,
    )
  } else if (shape === 'flake') {
    s.add(`<path d="${blob(s, x, y, len, len * 0.7, 0.35, 6, rot)}" fill="${color}"/>`)
  } else {
    s.add(
      `<ellipse cx="${f(x)}" cy="${f(y)}" rx="${f(len)}" ry="${f(len * 0.62)}" fill="${color}" transform="rotate(${f(rot)} ${f(x)} ${f(y)})"/>`,
      ellipse(x - len * 0.25, y - len * 0.2, len * 0.3, len * 0.18, 'fill="#fff" opacity="0.35"'),
    )
  }
}

function scatter(s: Scene, n: number, area: [number, number, number, number], draw: (x: number, y: number) => void): void {
  const pts: Array<[number, number]> = []
  for (let i = 0; i < n; i++) pts.push([s.r(area[0], area[2]), s.r(area[1], area[3])])
  pts.sort((a, b) => a[1] - b[1])
  for (const [x, y] of pts) draw(x, y)
}

function walnut(s: Scene, x: number, y: number, r: number): void {
  const d = blob(s, x, y, r, r * 0.92, 0.05, 10, s.r(0, 3))
  s.add(shadow(s, x + r * 0.1, y + r * 0.85, r * 0.9, r * 0.22))
  s.add(`<path d="${d}" fill="${s.radial('walnut', [[0, '#e6c48e'], [0.6, '#b88a50'], [1, '#6e4a26']])}"/>`)
  const clip = s.clip(d)
  let lines = ''
  for (let i = 0; i < 9; i++) {
    const a = s.r(0, Math.PI * 2)
    const sx = x + Math.cos(a) * r * s.r(0.1, 0.8)
    const sy = y + Math.sin(a) * r * s.r(0.1, 0.8)
    lines += `<path d="M${f(sx)},${f(sy)} q${f(s.r(-r * 0.4, r * 0.4))},${f(s.r(-r * 0.4, r * 0.4))} ${f(s.r(-r * 0.5, r * 0.5))},${f(s.r(-r * 0.5, r * 0.5))}" stroke="#6e4a26" stroke-width="${f(r * 0.05)}" stroke-linecap="round" fill="none" opacity="0.45"/>`
  }
  lines += `<path d="M${f(x - r * 0.1)},${f(y - r)} C${f(x + r * 0.2)},${f(y - r * 0.3)} ${f(x - r * 0.2)},${f(y + r * 0.3)} ${f(x + r * 0.05)},${f(y + r)}" stroke="#5a3818" stroke-width="${f(r * 0.07)}" fill="none" opacity="0.6"/>`
  s.add(`<g clip-path="${clip}">${lines}</g>`)
  s.add(highlight(s, x - r * 0.35, y - r * 0.4, r * 0.25, r * 0.12, -30, 0.35))
}

function walnutKernel(s: Scene, x: number, y: number, r: number): void {
  s.add(shadow(s, x, y + r * 0.7, r * 0.9, r * 0.2))
  const fill = s.radial('kernel', [[0, '#f3ddb0'], [0.6, '#d8ae72'], [1, '#9a6a36']])
  const rot = s.r(0, 360)
  let g = ''
  for (const [dx, dy, k] of [[-0.45, -0.2, 0.55], [0.45, -0.2, 0.55], [-0.35, 0.4, 0.5], [0.35, 0.4, 0.5]] as const) {
    g += `<path d="${blob(s, dx * r, dy * r, r * k, r * k * 0.8, 0.18, 8)}" fill="${fill}" stroke="#9a6a36" stroke-width="2"/>`
    g += `<path d="M${f(dx * r - r * 0.2)},${f(dy * r)} q${f(r * 0.1)},${f(-r * 0.15)} ${f(r * 0.35)},${f(r * 0.05)}" stroke="#8a5a2a" stroke-width="2.5" fill="none" opacity="0.6"/>`
  }
  s.add(`<g transform="translate(${f(x)} ${f(y)}) rotate(${f(rot)})">${g}</g>`)
}

function jar(
  s: Scene,
  x: number,
  baseY: number,
  w: number,
  h: number,
  content: { id: string; stops: Stop[] },
  lid: 'cloth' | 'red' | 'gold' | 'wood',
): void {
  const top = baseY - h
  s.add(shadow(s, x + 10, baseY, w * 0.6, 16, 0.3))
  const d = `M${f(x - w / 2)},${f(top + 30)} Q${f(x - w / 2)},${f(top + 12)} ${f(x - w / 2 + 18)},${f(top + 10)} L${f(x + w / 2 - 18)},${f(top + 10)} Q${f(x + w / 2)},${f(top + 12)} ${f(x + w / 2)},${f(top + 30)} L${f(x + w / 2)},${f(baseY - 24)} Q${f(x + w / 2)},${f(baseY)} ${f(x + w / 2 - 24)},${f(baseY)} L${f(x - w / 2 + 24)},${f(baseY)} Q${f(x - w / 2)},${f(baseY)} ${f(x - w / 2)},${f(baseY - 24)}Z`
  s.add(`<path d="${d}" fill="${s.linear(content.id, content.stops, { x1: 0, y1: 0, x2: 1, y2: 0 })}"/>`)
  s.add(`<path d="${d}" fill="${s.linear('jarDepth', [[0, '#fff', 0.15], [0.5, '#fff', 0], [1, '#000', 0.18]])}"/>`)
  s.add(`<rect x="${f(x - w / 2 + w * 0.12)}" y="${f(top + 40)}" width="${f(w * 0.08)}" height="${f(h - 80)}" rx="${f(w * 0.04)}" fill="#fff" opacity="0.45" filter="${s.blur(3)}"/>`)
  s.add(`<path d="${d}" fill="none" stroke="#fff" stroke-opacity="0.45" stroke-width="3"/>`)
  const lw = w * 0.86
  if (lid === 'cloth') {
    const cloth = `M${f(x - lw / 2 - 22)},${f(top + 46)} L${f(x - lw / 2)},${f(top - 22)} L${f(x + lw / 2)},${f(top - 22)} L${f(x + lw / 2 + 22)},${f(top + 46)} Q${f(x + lw / 4)},${f(top + 30)} ${f(x)},${f(top + 48)} Q${f(x - lw / 4)},${f(top + 30)} ${f(x - lw / 2 - 22)},${f(top + 46)}Z`
    s.add(`<path d="${cloth}" fill="${s.linear('cloth', [[0, '#e06a5a'], [1, '#b8382c']])}"/>`)
    const clip = s.clip(cloth)
    let check = ''
    for (let i = -6; i <= 6; i++) check += `<rect x="${f(x + i * 18)}" y="${f(top - 30)}" width="8" height="90" fill="#fff" opacity="0.35"/>`
    for (let j = 0; j < 5; j++) check += `<rect x="${f(x - lw)}" y="${f(top - 24 + j * 18)}" width="${f(lw * 2)}" height="8" fill="#fff" opacity="0.3"/>`
    s.add(`<g clip-path="${clip}">${check}</g>`)
    s.add(`<path d="M${f(x - w / 2 - 4)},${f(top + 20)} Q${f(x)},${f(top + 30)} ${f(x + w / 2 + 4)},${f(top + 20)}" stroke="#e8d2a0" stroke-width="6" fill="none"/>`)
  } else {
    const lidFill =
      lid === 'red'
        ? s.linear('lidRed', [[0, '#e0463a'], [1, '#9a1c14']])
        : lid === 'gold'
          ? s.linear('lidGold', [[0, '#f2d27a'], [1, '#b88a2a']])
          : s.linear('lidWood', [[0, '#c89a60'], [1, '#8a5e2e']])
    s.add(`<rect x="${f(x - lw / 2)}" y="${f(top - 26)}" width="${f(lw)}" height="44" rx="10" fill="${lidFill}"/>`)
    for (let i = 1; i < 12; i++) s.add(`<rect x="${f(x - lw / 2 + (i * lw) / 12 - 1)}" y="${f(top - 22)}" width="2" height="36" fill="#000" opacity="0.12"/>`)
    s.add(`<rect x="${f(x - lw / 2 + 10)}" y="${f(top - 20)}" width="${f(lw - 20)}" height="8" rx="4" fill="#fff" opacity="0.3"/>`)
  }
}

/** A jar label without text: a pale band with a simple emblem. */
function jarLabel(s: Scene, x: number, y: number, w: number, h: number, emblem: string): void {
  s.add(`<rect x="${f(x - w / 2)}" y="${f(y - h / 2)}" width="${f(w)}" height="${f(h)}" rx="10" fill="#f6ecd6" opacity="0.95"/>`)
  s.add(`<rect x="${f(x - w / 2 + 8)}" y="${f(y - h / 2 + 8)}" width="${f(w - 16)}" height="${f(h - 16)}" rx="6" fill="none" stroke="${emblem}" stroke-width="2.5" opacity="0.7"/>`)
  s.add(`<circle cx="${f(x)}" cy="${f(y)}" r="${f(h * 0.22)}" fill="${emblem}" opacity="0.85"/>`)
}

function honeycomb(s: Scene, x: number, y: number, cols: number, rows: number, r: number): void {
  s.add(shadow(s, x + (cols * r * 1.7) / 2, y + rows * r * 1.5, cols * r, 14, 0.25))
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols - (j % 2); i++) {
      const cx = x + i * r * 1.732 + (j % 2) * r * 0.866
      const cy = y + j * r * 1.5
      const pts = Array.from({ length: 6 }, (_, k) => {
        const a = (Math.PI / 3) * k + Math.PI / 6
        return `${f(cx + Math.cos(a) * r)},${f(cy + Math.sin(a) * r)}`
      }).join(' ')
      s.add(`<polygon points="${pts}" fill="${s.radial('cell', [[0, '#ffd25a'], [1, '#d98e0a']], { cx: 0.45, cy: 0.4, r: 0.6 })}" stroke="#f6e0a0" stroke-width="3.5"/>`)
    }
  }
}

function dipper(s: Scene, x: number, y: number, angle: number): void {
  let head = ''
  for (let i = 0; i < 5; i++) head += ellipse(-40 + i * 16, 0, 9, 26 - Math.abs(i - 2) * 2, 'fill="#b88550" stroke="#7a5228" stroke-width="2"')
  s.add(
    `<g transform="translate(${f(x)} ${f(y)}) rotate(${f(angle)})">`,
    `<rect x="20" y="-7" width="200" height="14" rx="7" fill="#c89a60"/>`,
    head,
    `<path d="M-30,22 C-28,48 -22,60 -20,70" stroke="#e8a020" stroke-width="9" stroke-linecap="round" fill="none" opacity="0.9"/>`,
    `</g>`,
  )
}

function flowerCluster(s: Scene, x: number, y: number, color: string, centre: string, n: number, petal: number): void {
  for (let i = 0; i < n; i++) {
    const px = x + s.r(-petal * 3, petal * 3)
    const py = y + s.r(-petal * 2.5, petal * 2.5)
    for (let k = 0; k < 5; k++) {
      const a = (k / 5) * Math.PI * 2
      s.add(ellipse(px + Math.cos(a) * petal * 0.7, py + Math.sin(a) * petal * 0.7, petal * 0.55, petal * 0.55, `fill="${color}"`))
    }
    s.add(ellipse(px, py, petal * 0.35, petal * 0.35, `fill="${centre}"`))
  }
}

function kiwiHalf(s: Scene, x: number, y: number, r: number, red = false): void {
  s.add(shadow(s, x, y + r * 0.85, r * 1.0, r * 0.2))
  s.add(`<path d="${blob(s, x, y, r, r * 0.86, 0.03, 10)}" fill="#7a5a30"/>`)
  const flesh = red
    ? s.radial('kiwiFleshR', [[0, '#fbf7c0'], [0.6, '#e4e67a'], [1, '#a8b83a']], { cx: 0.5, cy: 0.5, r: 0.55 })
    : s.radial('kiwiFlesh', [[0, '#eef7a0'], [0.45, '#a8d448'], [1, '#4f8e1c']], { cx: 0.5, cy: 0.5, r: 0.55 })
  s.add(ellipse(x, y, r * 0.92, r * 0.78, `fill="${flesh}"`))
  if (red) {
    for (let i = 0; i < 28; i++) {
      const a = (i / 28) * Math.PI * 2
      s.add(`<path d="M${f(x + Math.cos(a) * r * 0.22)},${f(y + Math.sin(a) * r * 0.19)} L${f(x + Math.cos(a) * r * 0.45)},${f(y + Math.sin(a) * r * 0.38)}" stroke="#d23a4a" stroke-width="${f(r * 0.06)}" stroke-linecap="round" opacity="0.8"/>`)
    }
  } else {
    for (let i = 0; i < 30; i++) {
      const a = (i / 30) * Math.PI * 2
      s.add(`<path d="M${f(x + Math.cos(a) * r * 0.25)},${f(y + Math.sin(a) * r * 0.21)} L${f(x + Math.cos(a) * r * 0.8)},${f(y + Math.sin(a) * r * 0.68)}" stroke="#e8f5b0" stroke-width="1.6" opacity="0.35"/>`)
    }
  }
  s.add(ellipse(x, y, r * 0.22, r * 0.15, `fill="${s.radial('kiwiCore', [[0, '#ffffff'], [1, '#e6efc0']], { cx: 0.5, cy: 0.5, r: 0.6 })}"`))
  for (let ring = 0; ring < 2; ring++) {
    const n = 22 + ring * 8
    for (let i = 0; i < n; i++) {
      const a = (i / n) * Math.PI * 2 + s.r(-0.08, 0.08)
      const rr = r * (0.3 + ring * 0.09) * s.r(0.95, 1.05)
      const sx = x + Math.cos(a) * rr
      const sy = y + Math.sin(a) * rr * 0.85
      s.add(`<ellipse cx="${f(sx)}" cy="${f(sy)}" rx="${f(r * 0.035)}" ry="${f(r * 0.018)}" fill="#1a1208" transform="rotate(${f((a * 180) / Math.PI)} ${f(sx)} ${f(sy)})"/>`)
    }
  }
  s.add(highlight(s, x - r * 0.4, y - r * 0.35, r * 0.25, r * 0.08, -30, 0.4))
}

function kiwiWhole(s: Scene, x: number, y: number, r: number): void {
  const d = blob(s, x, y, r * 1.15, r * 0.85, 0.04, 10, s.r(-0.3, 0.3))
  s.add(shadow(s, x, y + r * 0.75, r * 1.1, r * 0.2))
  s.add(`<path d="${d}" fill="${s.radial('kiwiSkin', [[0, '#b08a52'], [0.6, '#86622f'], [1, '#4e3616']])}"/>`)
  for (let i = 0; i < 40; i++) s.add(ellipse(x + s.r(-r, r), y + s.r(-r * 0.7, r * 0.7), 1.5, 1.5, `fill="${s.pick(['#5e4420', '#c8a46a'])}" opacity="0.5"`))
  s.add(highlight(s, x - r * 0.4, y - r * 0.4, r * 0.35, r * 0.1, -15, 0.25))
}

function chili(s: Scene, x: number, y: number, len: number, angle: number, kind: 'dried' | 'fresh' | 'green'): void {
  const w = kind === 'dried' ? len * 0.2 : len * 0.12
  const bend = kind === 'dried' ? s.r(-0.1, 0.1) : s.r(0.1, 0.25)
  const d = `M0,${f(-w / 2)} C${f(len * 0.35)},${f(-w * 0.6)} ${f(len * 0.75)},${f(len * bend - w * 0.2)} ${f(len)},${f(len * bend * 1.4)} C${f(len * 0.72)},${f(len * bend + w * 0.45)} ${f(len * 0.35)},${f(w * 0.6)} 0,${f(w / 2)} Q${f(-w * 0.2)},0 0,${f(-w / 2)}Z`
  const fill =
    kind === 'dried'
      ? s.linear('chiliDried', [[0, '#d4262a'], [0.5, '#a8121a'], [1, '#5e060a']])
      : kind === 'fresh'
        ? s.linear('chiliFresh', [[0, '#ff4a36'], [0.5, '#e0180e'], [1, '#8e0806']])
        : s.linear('chiliGreen', [[0, '#7ccc3a'], [0.5, '#3f9a1e'], [1, '#1e5a0c']])
  let wrinkles = ''
  if (kind === 'dried') {
    for (let i = 0; i < 3; i++) {
      const t = s.r(0.2, 0.8)
      wrinkles += `<path d="M${f(len * t)},${f(-w * 0.35)} q${f(len * 0.05)},${f(w * 0.3)} ${f(len * 0.02)},${f(w * 0.6)}" stroke="#5e060a" stroke-width="2" fill="none" opacity="0.5"/>`
    }
  }
  const cap = kind === 'dried' ? '#6a7a2a' : '#3e8a1e'
  s.add(
    `<g transform="translate(${f(x)} ${f(y)}) rotate(${f(angle)})">`,
    `<path d="${d}" fill="${fill}"/>`,
    wrinkles,
    `<path d="M${f(len * 0.08)},${f(-w * 0.28)} C${f(len * 0.4)},${f(-w * 0.42)} ${f(len * 0.7)},${f(len * bend - w * 0.1)} ${f(len * 0.85)},${f(len * bend * 1.1)}" stroke="#fff" stroke-width="${f(w * 0.12)}" stroke-linecap="round" fill="none" opacity="${kind === 'dried' ? 0.25 : 0.55}"/>`,
    `<path d="M${f(-w * 0.15)},${f(-w * 0.55)} Q${f(w * 0.35)},0 ${f(-w * 0.15)},${f(w * 0.55)} Q${f(-w * 0.5)},0 ${f(-w * 0.15)},${f(-w * 0.55)}Z" fill="${cap}"/>`,
    `<path d="M${f(-w * 0.3)},0 Q${f(-w * 1.1)},${f(-w * 0.3)} ${f(-w * 1.4)},${f(-w * 0.9)}" stroke="${cap}" stroke-width="${f(Math.max(3, w * 0.18))}" stroke-linecap="round" fill="none"/>`,
    `</g>`,
  )
}

function bambooTray(s: Scene, cx: number, cy: number, rx: number, ry: number): void {
  s.add(shadow(s, cx, cy + ry * 0.55, rx * 0.98, ry * 0.3, 0.3))
  s.add(ellipse(cx, cy, rx, ry, `fill="${s.radial('tray', [[0, '#e9cf94'], [1, '#b8914f']], { cx: 0.5, cy: 0.45, r: 0.6 })}"`))
  for (let i = 1; i < 9; i++) s.add(ellipse(cx, cy, rx * (i / 9), ry * (i / 9), 'fill="none" stroke="#a07a3a" stroke-width="2" opacity="0.35"'))
  s.add(ellipse(cx, cy, rx, ry, 'fill="none" stroke="#8a6230" stroke-width="12"'))
}

/** A narrow tea leaf or bud, length `len`, pointing along `angle`. */
function teaLeaf(s: Scene, x: number, y: number, len: number, angle: number, color: string, width = 0.16): void {
  const w = len * width
  s.add(
    `<path d="M0,0 C${f(len * 0.3)},${f(-w)} ${f(len * 0.7)},${f(-w * 0.8)} ${f(len)},0 C${f(len * 0.7)},${f(w * 0.6)} ${f(len * 0.3)},${f(w * 0.8)} 0,0Z" fill="${color}" transform="translate(${f(x)} ${f(y)}) rotate(${f(angle)})"/>`,
  )
}

function curlyLeaf(s: Scene, x: number, y: number, len: number, color: string): void {
  const a = s.r(0, 360)
  s.add(`<path d="M0,0 q${f(len * 0.4)},${f(-len * 0.5)} ${f(len)},${f(-len * 0.1)}" stroke="${color}" stroke-width="${f(len * 0.22)}" stroke-linecap="round" fill="none" transform="translate(${f(x)} ${f(y)}) rotate(${f(a)})"/>`)
}

function teaSprig(s: Scene, x: number, y: number, scale: number, angle: number): void {
  s.add(`<g transform="translate(${f(x)} ${f(y)}) rotate(${f(angle)}) scale(${f(scale)})">`)
  s.add(`<path d="M0,0 C30,-20 60,-60 70,-120" stroke="#5a7a2a" stroke-width="6" stroke-linecap="round" fill="none"/>`)
  s.add(leaf(s, 20, -15, 120, 10, 'tea'), leaf(s, 45, -60, 100, -160, 'tea'), leaf(s, 60, -95, 70, -40, 'young'))
  s.add(`<path d="M70,-120 C62,-150 72,-175 82,-190 C90,-168 86,-140 70,-120Z" fill="#b8da70"/>`)
  s.add(`</g>`)
}

function cup(s: Scene, cx: number, rimY: number, w: number, h: number, tea: [string, string], glass: boolean): { back: () => void; front: () => void } {
  const body = `M${f(cx - w / 2)},${f(rimY)} L${f(cx - w * 0.4)},${f(rimY + h)} Q${f(cx)},${f(rimY + h + 16)} ${f(cx + w * 0.4)},${f(rimY + h)} L${f(cx + w / 2)},${f(rimY)}Z`
  return {
    back: () => {
      s.add(shadow(s, cx, rimY + h + 8, w * 0.5, 16, 0.3))
      if (!glass) s.add(`<path d="${body}" fill="${s.linear('porcelain', [[0, '#ffffff'], [1, '#dcd8d0']], { x1: 0, y1: 0, x2: 1, y2: 0 })}"/>`)
      s.add(ellipse(cx, rimY, w / 2, w * 0.1, `fill="${glass ? '#fff' : '#f4f1ea'}" opacity="${glass ? 0.35 : 1}"`))
      s.add(ellipse(cx, rimY + (glass ? h * 0.18 : 6), w * (glass ? 0.47 : 0.46), w * 0.085, `fill="${tea[0]}"`))
      if (glass) s.add(`<path d="M${f(cx - w * 0.47)},${f(rimY + h * 0.18)} L${f(cx - w * 0.4)},${f(rimY + h)} Q${f(cx)},${f(rimY + h + 16)} ${f(cx + w * 0.4)},${f(rimY + h)} L${f(cx + w * 0.47)},${f(rimY + h * 0.18)}Z" fill="${s.linear(`tea-${tea[1].slice(1)}`, [[0, tea[0]], [1, tea[1]]])}" opacity="0.85"/>`)
    },
    front: () => {
      if (glass) {
        s.add(`<path d="${body}" fill="#fff" opacity="0.12" stroke="#fff" stroke-opacity="0.7" stroke-width="3"/>`)
        s.add(`<rect x="${f(cx - w * 0.38)}" y="${f(rimY + 20)}" width="${f(w * 0.06)}" height="${f(h - 40)}" rx="6" fill="#fff" opacity="0.5" filter="${s.blur(3)}"/>`)
      } else {
        s.add(`<path d="M${f(cx - w / 2)},${f(rimY + h * 0.35)} L${f(cx + w / 2)},${f(rimY + h * 0.35)}" stroke="#3a6ea8" stroke-width="5" opacity="0.6"/>`)
      }
    },
  }
}

// ───────────────────────────── product scenes ─────────────────────────────

type Draw = (s: Scene) => void

const WARM: Backdrop = { wall: ['#fbf3e4', '#f1e2c6'], table: ['#d9b07a', '#b88a52'], grain: '#8a5e30' }
const LINEN: Backdrop = { wall: ['#f4f1ea', '#e6e0d2'], table: ['#e9dfcb', '#cfc1a4'] }
const SAGE: Backdrop = { wall: ['#eef4e6', '#dbe7cc'], table: ['#cdb38a', '#a98956'], grain: '#7a5a30' }
const SLATE: Backdrop = { wall: ['#e9ebe8', '#d3d8d2'], table: ['#7d7a72', '#5a5750'] }
const HONEY: Backdrop = { wall: ['#fff5dc', '#f6e2b0'], table: ['#c99a5c', '#a0733a'], grain: '#7a5228' }

const PRODUCT_SCENES: Record<string, Draw> = {
  'weining-fuji-1': (s) => {
    backdrop(s, WARM)
    s.add(leaf(s, 140, 455, 150, -150), leaf(s, 600, 470, 130, -20))
    apple(s, 255, 400, 120, { leaf: true, rot: -8 })
    apple(s, 470, 395, 125, { rot: 10 })
    apple(s, 160, 560, 105, { rot: -15 })
    apple(s, 370, 565, 130, { rot: 4 })
    apple(s, 590, 575, 110, { rot: 14 })
    vignette(s)
  },
  'weining-fuji-2': (s) => {
    backdrop(s, SAGE)
    for (const [x, y, r] of [[190, 330, 95], [330, 310, 100], [470, 318, 98], [600, 335, 92], [260, 380, 100], [410, 385, 104], [545, 388, 98]] as const) {
      apple(s, x, y, r, { leaf: x === 330 })
    }
    crate(s, 110, 390, 550, 250)
    vignette(s)
  },
  'weining-ugly-apple-1': (s) => {
    backdrop(s, LINEN)
    apple(s, 230, 380, 115, { russet: true, leaf: true })
    apple(s, 470, 370, 110, { russet: true, rot: 12 })
    apple(s, 560, 560, 105, { russet: true })
    appleHalf(s, 280, 575, 125)
    vignette(s)
  },
  'weining-potato-1': (s) => {
    backdrop(s, WARM)
    const b = basket(s, 375, 420, 520, 230)
    b.back()
    for (const [x, y] of [[210, 395], [300, 370], [400, 365], [500, 380], [570, 405], [260, 420], [360, 415], [460, 420], [540, 430]] as const) {
      potato(s, x, y, s.r(62, 80), s.r(44, 56), 'yellow', false)
    }
    b.front()
    potato(s, 130, 640, 70, 50)
    potato(s, 640, 650, 64, 46)
    vignette(s)
  },
  'weining-potato-2': (s) => {
    backdrop(s, { wall: ['#f3ecdf', '#e4d6bc'], table: ['#c7ad82', '#a68b5e'] })
    s.add(`<path d="${blob(s, 375, 560, 330, 150, 0.06, 12)}" fill="#d8c49a" opacity="0.9"/>`)
    for (let i = 0; i < 40; i++) s.add(`<path d="M${f(s.r(80, 670))},${f(s.r(440, 690))} l${f(s.r(20, 60))},0" stroke="#b09a6e" stroke-width="2" opacity="0.5"/>`)
    for (const [x, y] of [[230, 430], [380, 415], [520, 440], [170, 530], [320, 520], [600, 545]] as const) potato(s, x, y, s.r(78, 92), s.r(55, 62))
    potatoCut(s, 450, 600, 95, 68, 'yellow')
    potatoCut(s, 250, 625, 85, 60, 'yellow')
    vignette(s)
  },
  'weining-mini-potato-1': (s) => {
    backdrop(s, SAGE)
    bambooTray(s, 375, 500, 310, 150)
    scatter(s, 26, [140, 420, 610, 580], (x, y) => potato(s, x, y, s.r(34, 44), s.r(26, 32), 'yellow', true))
    s.add(leaf(s, 600, 300, 110, -30), leaf(s, 560, 320, 90, -70))
    vignette(s)
  },
  'weining-purple-potato-1': (s) => {
    backdrop(s, LINEN)
    for (const [x, y] of [[220, 420], [390, 400], [540, 430], [180, 560]] as const) potato(s, x, y, s.r(78, 90), s.r(54, 60), 'purple')
    potatoCut(s, 400, 590, 100, 72, 'purple')
    potatoCut(s, 600, 600, 80, 60, 'purple')
    vignette(s)
  },
  'weining-tartary-buckwheat-1': (s) => {
    backdrop(s, WARM)
    const b = bowl(s, 360, 430, 420, 190, 'wood')
    b.back()
    grainHeap(s, 360, 445, 400, 190, 420, ['#d6c27a', '#c4ab5e', '#b2984c', '#e2d08e', '#a88a40'], [6, 9])
    b.front()
    scatter(s, 45, [90, 640, 690, 720], (x, y) => grain(s, x, y, s.r(6, 9), s.pick(['#d6c27a', '#c4ab5e', '#b2984c']), 'grain'))
    s.add(`<g transform="rotate(-18 600 600)"><rect x="520" y="585" width="210" height="22" rx="11" fill="#b07a3e"/>${ellipse(520, 596, 62, 40, 'fill="#c08a4a"')}</g>`)
    s.add(leaf(s, 100, 330, 120, -40, 'young'))
    vignette(s)
  },
  'weining-buckwheat-tea-1': (s) => {
    backdrop(s, { wall: ['#fbf1df', '#f0ddb8'], table: ['#8a6040', '#5e3e24'], grain: '#3e2814' })
    const c = cup(s, 250, 320, 250, 280, ['#f0b64a', '#b86a14'], true)
    c.back()
    scatter(s, 12, [165, 362, 335, 380], (x, y) => grain(s, x, y, 8, '#c88a2e', 'grain'))
    c.front()
    grainHeap(s, 540, 640, 300, 130, 260, ['#e0a94a', '#c98a2e', '#b5742a', '#eab860', '#9a5e1e'], [7, 10])
    scatter(s, 26, [80, 650, 700, 725], (x, y) => grain(s, x, y, s.r(7, 10), s.pick(['#e0a94a', '#c98a2e']), 'grain'))
    vignette(s)
  },
  'weining-walnut-1': (s) => {
    backdrop(s, WARM)
    s.add(leaf(s, 110, 420, 160, -160), leaf(s, 620, 410, 150, -25))
    for (const [x, y, r] of [[250, 400, 82], [410, 390, 86], [560, 420, 80], [170, 540, 84], [330, 540, 90], [500, 560, 88], [640, 590, 78], [250, 660, 80]] as const) walnut(s, x, y, r)
    walnutKernel(s, 440, 680, 60)
    vignette(s)
  },
  'weining-walnut-2': (s) => {
    backdrop(s, SAGE)
    const b = basket(s, 375, 430, 500, 220)
    b.back()
    for (const [x, y] of [[200, 400], [290, 370], [390, 360], [490, 372], [570, 400], [250, 425], [345, 420], [445, 422], [535, 430]] as const) walnut(s, x, y, s.r(54, 62))
    b.front()
    walnut(s, 120, 650, 60)
    walnut(s, 650, 655, 58)
    vignette(s)
  },
  'weining-walnut-kernel-1': (s) => {
    backdrop(s, SLATE)
    const b = bowl(s, 375, 420, 440, 200, 'white')
    b.back()
    scatter(s, 16, [200, 330, 550, 450], (x, y) => walnutKernel(s, x, y, s.r(42, 52)))
    b.front()
    walnutKernel(s, 160, 660, 50)
    walnutKernel(s, 590, 670, 46)
    walnut(s, 660, 560, 55)
    vignette(s)
  },
  'weining-honey-1': (s) => {
    backdrop(s, HONEY)
    jar(s, 300, 620, 260, 330, { id: 'honeyGold', stops: [[0, '#f7b733'], [0.5, '#e8960e'], [1, '#b86b05']] }, 'cloth')
    jarLabel(s, 300, 470, 190, 110, '#b86b05')
    honeycomb(s, 470, 560, 4, 3, 36)
    dipper(s, 520, 690, -12)
    vignette(s)
  },
  'weining-honey-2': (s) => {
    backdrop(s, SAGE)
    flowerCluster(s, 130, 330, '#ffffff', '#f2c230', 6, 14)
    flowerCluster(s, 620, 320, '#fff6a8', '#e89a20', 6, 12)
    jar(s, 260, 640, 230, 300, { id: 'honeyGold', stops: [[0, '#f7b733'], [0.5, '#e8960e'], [1, '#b86b05']] }, 'wood')
    jar(s, 500, 650, 190, 220, { id: 'honeyGold', stops: [[0, '#f7b733'], [0.5, '#e8960e'], [1, '#b86b05']] }, 'gold')
    jarLabel(s, 260, 520, 160, 90, '#7a8a2a')
    jarLabel(s, 500, 560, 130, 70, '#7a8a2a')
    vignette(s)
  },
  'weining-buckwheat-honey-1': (s) => {
    backdrop(s, LINEN)
    for (let i = 0; i < 4; i++) {
      const x = 520 + i * 40
      s.add(`<path d="M${x},620 C${x - 10},520 ${x + 20},420 ${x - 20 + i * 10},330" stroke="#a04a5a" stroke-width="5" fill="none"/>`)
      s.add(leaf(s, x + 2, 520 - i * 20, 60, i % 2 === 0 ? -30 : -150, 'green'))
      flowerCluster(s, x - 20 + i * 10, 330 + s.r(-20, 30), '#fbe4ec', '#e8a0b4', 7, 10)
    }
    jar(s, 310, 640, 270, 340, { id: 'honeyDark', stops: [[0, '#b45a14'], [0.5, '#7a320a'], [1, '#42160a']] }, 'cloth')
    jarLabel(s, 310, 480, 190, 110, '#7a320a')
    vignette(s)
  },
  'meitan-tea-honey-1': (s) => {
    backdrop(s, SAGE)
    teaSprig(s, 600, 600, 1.3, -15)
    flowerCluster(s, 610, 380, '#ffffff', '#f0c23a', 3, 22)
    jar(s, 320, 640, 260, 330, { id: 'honeyPale', stops: [[0, '#fbe08a'], [0.5, '#f0c050'], [1, '#cf9420']] }, 'wood')
    jarLabel(s, 320, 490, 190, 110, '#4f8a2a')
    vignette(s)
  },
  'weining-cabbage-1': (s) => {
    backdrop(s, { wall: ['#eef6f2', '#d8e8df'], table: ['#c9ad80', '#a88a5a'], grain: '#7a5a30' })
    const cab = (x: number, y: number, r: number) => {
      s.add(shadow(s, x, y + r * 0.85, r * 1.1, r * 0.2, 0.28))
      for (let i = 0; i < 7; i++) {
        const a = (i / 7) * Math.PI * 2
        s.add(`<path d="${blob(s, x + Math.cos(a) * r * 0.45, y + Math.sin(a) * r * 0.35 + r * 0.1, r * 0.75, r * 0.55, 0.1, 8, a)}" fill="${s.radial('cabOuter', [[0, '#b8dc8a'], [1, '#5e9a3a']])}"/>`)
      }
      s.add(ellipse(x, y, r * 0.85, r * 0.8, `fill="${s.radial('cabHead', [[0, '#f2fadc'], [0.6, '#cfe8a4'], [1, '#9cc870']])}"`))
      for (let i = 0; i < 5; i++) {
        const off = (i - 2) * r * 0.28
        s.add(`<path d="M${f(x + off * 0.3)},${f(y + r * 0.75)} Q${f(x + off * 1.2)},${f(y)} ${f(x + off * 0.6)},${f(y - r * 0.7)}" stroke="#f8fff0" stroke-width="${f(r * 0.05)}" fill="none" opacity="0.8"/>`)
      }
      s.add(`<path d="M${f(x - r * 0.85)},${f(y - r * 0.05)} Q${f(x)},${f(y - r * 0.5)} ${f(x + r * 0.85)},${f(y - r * 0.05)}" stroke="#8ab85a" stroke-width="4" fill="none" opacity="0.6"/>`)
      s.add(highlight(s, x - r * 0.35, y - r * 0.4, r * 0.3, r * 0.14, -20, 0.5))
    }
    cab(s.size * 0.68, 400, 150)
    cab(s.size * 0.36, 520, 190)
    vignette(s)
  },
  'weining-radish-1': (s) => {
    backdrop(s, { ...LINEN, horizon: 0.36 })
    const radish = (x: number, y: number, len: number, angle: number) => {
      const w = len * 0.17
      s.add(`<g transform="translate(${f(x)} ${f(y)}) rotate(${f(angle)})">`)
      s.add(shadow(s, len * 0.5, w * 1.1, len * 0.5, w * 0.35, 0.2))
      for (let i = 0; i < 4; i++) s.add(leaf(s, 0, 0, len * s.r(0.42, 0.55), 180 + (i - 1.5) * 16, 'green'))
      s.add(`<path d="M0,${f(-w)} C${f(len * 0.5)},${f(-w * 1.05)} ${f(len * 0.85)},${f(-w * 0.4)} ${f(len)},0 C${f(len * 0.85)},${f(w * 0.4)} ${f(len * 0.5)},${f(w * 1.05)} 0,${f(w)} Q${f(-w * 0.3)},0 0,${f(-w)}Z" fill="${s.linear('radish', [[0, '#ffffff'], [0.6, '#f0f2e8'], [1, '#c9cfbd']])}"/>`)
      s.add(`<path d="M0,${f(-w)} Q${f(-w * 0.3)},0 0,${f(w)} C${f(len * 0.15)},${f(w)} ${f(len * 0.2)},${f(-w)} 0,${f(-w)}Z" fill="#b8d890" opacity="0.8"/>`)
      for (let i = 0; i < 6; i++) {
        const t = s.r(0.3, 0.85)
        s.add(`<path d="M${f(len * t)},${f(-w * 0.7)} q3,${f(w * 0.7)} 0,${f(w * 1.3)}" stroke="#b0b4a0" stroke-width="1.5" fill="none" opacity="0.6"/>`)
      }
      s.add(highlight(s, len * 0.4, -w * 0.5, len * 0.25, w * 0.12, 0, 0.6))
      s.add(`<path d="M${f(len)},0 l30,4" stroke="#c9cfbd" stroke-width="2" fill="none"/>`, `</g>`)
    }
    radish(330, 390, 360, 30)
    radish(290, 450, 390, 22)
    radish(270, 520, 370, 13)
    vignette(s)
  },
  'weining-white-bean-1': (s) => {
    backdrop(s, WARM)
    const b = bowl(s, 360, 430, 430, 190, 'dark')
    b.back()
    grainHeap(s, 360, 448, 410, 170, 80, ['#fbf8ef', '#f2ecdc', '#e8e0cc', '#d6ccb4'], [22, 27], 'bean')
    b.front()
    scatter(s, 9, [80, 650, 690, 720], (x, y) => grain(s, x, y, s.r(21, 25), '#f4eee0', 'bean'))
    s.add(leaf(s, 620, 360, 110, -120, 'green'))
    vignette(s)
  },
  'xiuwen-kiwi-1': (s) => {
    backdrop(s, SAGE)
    s.add(leaf(s, 120, 380, 170, -150), leaf(s, 560, 330, 160, -30))
    kiwiWhole(s, 260, 380, 95)
    kiwiWhole(s, 480, 370, 100)
    kiwiHalf(s, 240, 560, 130)
    kiwiHalf(s, 510, 570, 125)
    vignette(s)
  },
  'xiuwen-kiwi-2': (s) => {
    backdrop(s, WARM)
    bambooTray(s, 375, 500, 320, 160)
    for (const [x, y] of [[230, 440], [380, 430], [520, 445], [190, 520], [330, 520], [470, 525], [590, 520], [270, 590], [420, 600]] as const) kiwiWhole(s, x, y, 56)
    kiwiHalf(s, 560, 620, 80)
    vignette(s)
  },
  'xiuwen-red-kiwi-1': (s) => {
    backdrop(s, LINEN)
    s.add(leaf(s, 640, 340, 150, -140))
    kiwiWhole(s, 220, 390, 90)
    kiwiHalf(s, 460, 420, 120, true)
    kiwiHalf(s, 280, 590, 125, true)
    kiwiHalf(s, 540, 620, 95, true)
    vignette(s)
  },
  'xiuwen-kiwi-dried-1': (s) => {
    backdrop(s, SLATE)
    s.add(shadow(s, 375, 560, 300, 50, 0.3))
    s.add(ellipse(375, 500, 310, 170, 'fill="#f7f5f0"'), ellipse(375, 500, 250, 130, 'fill="#ebe7de"'))
    const slices: Array<[number, number]> = [[375, 500], [300, 470], [450, 465]]
    for (let i = 0; i < 8; i++) slices.push([375 + Math.cos((i / 8) * Math.PI * 2) * 200, 500 + Math.sin((i / 8) * Math.PI * 2) * 95])
    slices.sort((a, b) => a[1] - b[1])
    for (const [x, y] of slices) {
      const r = s.r(52, 62)
      s.add(shadow(s, x, y + 8, r, r * 0.3, 0.15))
      s.add(`<path d="${blob(s, x, y, r, r * 0.9, 0.07, 10)}" fill="#6e8a1e" />`)
      s.add(`<path d="${blob(s, x, y, r * 0.9, r * 0.8, 0.06, 10)}" fill="${s.radial('dried', [[0, '#e6e890'], [0.5, '#a8c040'], [1, '#74961e']], { cx: 0.5, cy: 0.5, r: 0.55 })}"/>`)
      s.add(ellipse(x, y, r * 0.2, r * 0.14, 'fill="#f2f2c8"'))
      for (let i = 0; i < 16; i++) {
        const a = (i / 16) * Math.PI * 2
        s.add(ellipse(x + Math.cos(a) * r * 0.32, y + Math.sin(a) * r * 0.28, 2.5, 1.8, 'fill="#221a08"'))
      }
    }
    vignette(s)
  },
  'zunyi-chili-dried-1': (s) => {
    backdrop(s, WARM)
    bambooTray(s, 375, 500, 330, 165)
    scatter(s, 38, [140, 400, 570, 600], (x, y) => chili(s, x, y, s.r(95, 120), s.r(-180, 180), 'dried'))
    vignette(s)
  },
  'zunyi-chili-dried-2': (s) => {
    backdrop(s, { wall: ['#f6ede0', '#e6d2b4'], table: ['#6e4a30', '#4a2e1c'], grain: '#2e1a0e' })
    const b = bowl(s, 375, 430, 440, 190, 'white')
    b.back()
    scatter(s, 30, [190, 340, 560, 450], (x, y) => chili(s, x, y, s.r(95, 120), s.r(-180, 180), 'dried'))
    b.front()
    scatter(s, 8, [80, 640, 680, 720], (x, y) => chili(s, x, y, s.r(90, 115), s.r(-30, 30), 'dried'))
    vignette(s)
  },
  'zunyi-chili-fresh-1': (s) => {
    backdrop(s, SAGE)
    s.add(shadow(s, 375, 640, 320, 30, 0.3))
    s.add(`<rect x="70" y="400" width="610" height="230" rx="30" fill="${s.linear('board', [[0, '#e2bd86'], [1, '#c49458']])}"/>`)
    for (let i = 0; i < 5; i++) s.add(`<path d="M90,${430 + i * 40} C300,${420 + i * 40} 450,${445 + i * 40} 660,${432 + i * 40}" stroke="#a87840" stroke-width="2" fill="none" opacity="0.4"/>`)
    for (let i = 0; i < 8; i++) chili(s, 140 + s.r(-15, 25), 425 + i * 22, s.r(330, 390), s.r(-10, 0), i % 3 === 2 ? 'green' : 'fresh')
    vignette(s)
  },
  'zunyi-ciba-chili-1': (s) => {
    backdrop(s, LINEN)
    // A stone mortar with the pestle.
    s.add(shadow(s, 560, 650, 150, 22, 0.3))
    s.add(`<path d="M430,470 C430,620 470,650 560,650 C650,650 690,620 690,470Z" fill="${s.radial('stone', [[0, '#a8a49c'], [1, '#5e5a54']], { cx: 0.35, cy: 0.3 })}"/>`)
    s.add(ellipse(560, 470, 130, 34, 'fill="#4a4640"'), ellipse(560, 476, 112, 24, 'fill="#a8261a"'))
    s.add(`<rect x="590" y="300" width="36" height="190" rx="18" fill="#8a857c" transform="rotate(20 608 395)"/>`)
    jar(s, 270, 650, 250, 300, { id: 'ciba', stops: [[0, '#d2452f'], [0.5, '#b3261e'], [1, '#7a140e']] }, 'red')
    scatter(s, 70, [160, 380, 380, 630], (x, y) => s.add(`<path d="${blob(s, x, y, s.r(5, 12), s.r(4, 9), 0.3, 6)}" fill="${s.pick(['#e06a3a', '#8e1a12', '#f2d6a0', '#c83a22'])}" opacity="0.8"/>`))
    chili(s, 420, 690, 100, -10, 'dried')
    s.add(ellipse(140, 690, 30, 22, 'fill="#f4ead8" stroke="#d8c8a8" stroke-width="2"'))
    vignette(s)
  },
  'zunyi-chili-oil-1': (s) => {
    backdrop(s, WARM)
    jar(s, 300, 640, 250, 320, { id: 'chiliOil', stops: [[0, '#a8180c'], [0.5, '#7a0e06'], [1, '#3e0604']] }, 'red')
    scatter(s, 90, [190, 420, 410, 620], (x, y) => s.add(ellipse(x, y, s.r(2, 5), s.r(1.5, 3), `fill="${s.pick(['#e8602a', '#f6e0b0', '#c8301a'])}" opacity="0.8"`)))
    jarLabel(s, 300, 430, 180, 80, '#a8180c')
    // A dish of chili oil with a spoon.
    s.add(shadow(s, 560, 660, 130, 22, 0.3), ellipse(560, 640, 130, 44, 'fill="#f7f4ee"'), ellipse(560, 636, 100, 30, 'fill="#8e1208"'))
    scatter(s, 40, [480, 622, 640, 650], (x, y) => s.add(ellipse(x, y, 3, 2, `fill="${s.pick(['#e8602a', '#f6e0b0'])}"`)))
    s.add(`<rect x="560" y="560" width="180" height="18" rx="9" fill="#e8e4dc" transform="rotate(-25 560 560)"/>`)
    chili(s, 470, 470, 110, -60, 'dried')
    chili(s, 560, 480, 100, -100, 'dried')
    vignette(s)
  },
  'zunyi-chili-powder-1': (s) => {
    backdrop(s, SLATE)
    const b = bowl(s, 340, 430, 420, 180, 'white')
    b.back()
    grainHeap(s, 340, 448, 400, 150, 520, ['#e0481e', '#c8301a', '#f07a3a', '#a82010', '#d23a1a'], [3, 6], 'flake')
    b.front()
    for (let i = 0; i < 18; i++) s.add(ellipse(620 + s.r(-40, 40), 620 + s.r(-25, 25), 5, 5, 'fill="#6a1a10"'))
    chili(s, 530, 700, 110, -20, 'dried')
    chili(s, 120, 680, 100, -10, 'dried')
    vignette(s)
  },
  'meitan-green-tea-1': (s) => {
    backdrop(s, SAGE)
    const c = cup(s, 260, 300, 240, 300, ['#e8ecaa', '#c8d47a'], true)
    c.back()
    for (let i = 0; i < 9; i++) teaLeaf(s, 190 + i * 15, 430 + s.r(-40, 80), s.r(60, 90), s.r(-100, -80), s.pick(['#7aa83a', '#8cb84a', '#6a9830']), 0.2)
    c.front()
    bambooTray(s, 530, 620, 190, 70)
    scatter(s, 70, [380, 570, 680, 650], (x, y) => teaLeaf(s, x, y, s.r(36, 50), s.r(-30, 30) + s.pick([0, 180]), s.pick(['#5a7a25', '#6c8f2f', '#84a63a', '#4e6a20']), 0.14))
    teaSprig(s, 560, 360, 1.1, 20)
    vignette(s)
  },
  'meitan-green-tea-2': (s) => {
    backdrop(s, LINEN)
    // A tea canister.
    s.add(shadow(s, 230, 640, 120, 20, 0.3))
    s.add(`<rect x="120" y="300" width="220" height="340" rx="20" fill="${s.linear('tin', [[0, '#4f8a5a'], [0.5, '#2f6a3e'], [1, '#1e4a2a']], { x1: 0, y1: 0, x2: 1, y2: 0 })}"/>`)
    s.add(`<rect x="112" y="270" width="236" height="60" rx="14" fill="#c8a24a"/>`, `<rect x="120" y="450" width="220" height="90" fill="#f0e6c8"/>`)
    teaLeaf(s, 200, 495, 70, -10, '#4f8a2a', 0.3)
    s.add(`<rect x="150" y="320" width="16" height="300" rx="8" fill="#fff" opacity="0.25"/>`)
    const b = bowl(s, 530, 560, 300, 110, 'white')
    b.back()
    grainHeap(s, 530, 572, 280, 90, 0, ['#6c8f2f'], [1, 1])
    scatter(s, 80, [400, 480, 660, 570], (x, y) => teaLeaf(s, x, y, s.r(34, 48), s.r(-40, 40) + s.pick([0, 180]), s.pick(['#5a7a25', '#6c8f2f', '#84a63a', '#4e6a20']), 0.14))
    b.front()
    teaSprig(s, 470, 720, 0.9, 60)
    vignette(s)
  },
  'meitan-black-tea-1': (s) => {
    backdrop(s, { wall: ['#f8ede0', '#ead6bc'], table: ['#7a5236', '#4e321e'], grain: '#2e1a0e' })
    const c = cup(s, 260, 330, 250, 270, ['#c8501e', '#7a2210'], true)
    c.back()
    c.front()
    bambooTray(s, 530, 610, 200, 80)
    scatter(s, 110, [370, 560, 690, 650], (x, y) => curlyLeaf(s, x, y, s.r(18, 28), s.pick(['#3b2414', '#5a3418', '#2a180c', '#c98a3a'])))
    vignette(s)
  },
  'meitan-maojian-1': (s) => {
    backdrop(s, { wall: ['#f0f5ea', '#dde8d0'], table: ['#e8e0cc', '#cbbf9e'] })
    teaSprig(s, 170, 560, 1.5, -10)
    teaSprig(s, 620, 520, 1.2, 30)
    const b = bowl(s, 390, 470, 360, 150, 'white')
    b.back()
    grainHeap(s, 390, 484, 340, 110, 0, ['#5e7e2a'], [1, 1])
    scatter(s, 140, [240, 400, 540, 490], (x, y) => curlyLeaf(s, x, y, s.r(16, 24), s.pick(['#4e6a20', '#6a8a30', '#3e5a18', '#9ab85a'])))
    scatter(s, 40, [250, 400, 530, 490], (x, y) => s.add(ellipse(x, y, 1.8, 1.8, 'fill="#f4f8e8" opacity="0.85"')))
    b.front()
    vignette(s)
  },
}

// ───────────────────────────── portraits ─────────────────────────────

interface Portrait {
  bg: string
  skin: string
  shirt: string
  hair: string
  style: 'short' | 'side' | 'cap' | 'bun' | 'scarf' | 'long' | 'flatcap'
  accent?: string
  age?: 'young' | 'middle' | 'old'
}

const PORTRAITS: Record<string, Portrait> = {
  'farmer-zhang': { bg: '#f6c9a8', skin: '#e3b08a', shirt: '#3e6e9e', hair: '#2a2420', style: 'short', age: 'middle' },
  'farmer-li': { bg: '#c8e0b4', skin: '#e8b894', shirt: '#c8483a', hair: '#1e1a18', style: 'bun', age: 'middle' },
  'farmer-chen': { bg: '#f2dc9a', skin: '#d9a47c', shirt: '#5a7a3a', hair: '#8a8680', style: 'side', age: 'old' },
  'farmer-ma': { bg: '#b8d4e8', skin: '#dca882', shirt: '#4a4a58', hair: '#2a2420', style: 'cap', accent: '#ffffff', age: 'middle' },
  'farmer-yang': { bg: '#f4c0c8', skin: '#e6b48e', shirt: '#2e6a8a', hair: '#1e1a18', style: 'scarf', accent: '#d8485a', age: 'middle' },
  'farmer-lu': { bg: '#d8ccec', skin: '#d39e76', shirt: '#8a5a2a', hair: '#2a2420', style: 'flatcap', accent: '#2e3a5a', age: 'old' },
  'farmer-zhu': { bg: '#cfe6de', skin: '#dca47e', shirt: '#6a8ab0', hair: '#2a2420', style: 'short', age: 'young' },
  'farmer-luo': { bg: '#e6e0a8', skin: '#e0ac86', shirt: '#3a7a5a', hair: '#3a302a', style: 'side', age: 'middle' },
  'farmer-wu': { bg: '#f8d4b0', skin: '#ecbc98', shirt: '#8a4a9a', hair: '#221c18', style: 'long', age: 'young' },
  'farmer-zhao': { bg: '#f0b8a0', skin: '#d8a078', shirt: '#b83a2a', hair: '#6a6660', style: 'short', age: 'old' },
  'farmer-liu': { bg: '#f6e0a0', skin: '#eab892', shirt: '#d86a3a', hair: '#1e1a18', style: 'long', age: 'middle' },
  'farmer-tian': { bg: '#bfe0c8', skin: '#d8a47e', shirt: '#2e5a3a', hair: '#2a2420', style: 'flatcap', accent: '#5a6a3a', age: 'middle' },
  'farmer-he': { bg: '#d4e4f4', skin: '#eebe9a', shirt: '#4a8a8a', hair: '#241e1a', style: 'bun', age: 'young' },
}

function drawPortrait(s: Scene, p: Portrait): void {
  const S = s.size
  const cx = S / 2
  const hy = S * 0.42
  const rx = S * 0.17
  const ry = S * 0.205
  s.add(`<rect width="${S}" height="${S}" fill="#faf7f2"/>`)
  s.add(`<circle cx="${cx}" cy="${cx}" r="${f(S * 0.48)}" fill="${s.radial('pbg', [[0, '#ffffff', 0.5], [1, p.bg]], { cx: 0.5, cy: 0.35, r: 0.7 })}"/>`)
  s.add(`<circle cx="${cx}" cy="${cx}" r="${f(S * 0.48)}" fill="${p.bg}" opacity="0.55"/>`)
  const clip = s.clip(`M${cx - S * 0.48},${cx} a${S * 0.48},${S * 0.48} 0 1,0 ${S * 0.96},0 a${S * 0.48},${S * 0.48} 0 1,0 ${-S * 0.96},0Z`)
  s.add(`<g clip-path="${clip}">`)
  // Hair behind the head.
  if (p.style === 'long') s.add(`<path d="M${f(cx - rx * 1.2)},${f(hy - ry * 0.4)} C${f(cx - rx * 1.4)},${f(hy + ry * 1.2)} ${f(cx - rx * 1.1)},${f(hy + ry * 1.6)} ${f(cx)},${f(hy + ry * 1.5)} C${f(cx + rx * 1.1)},${f(hy + ry * 1.6)} ${f(cx + rx * 1.4)},${f(hy + ry * 1.2)} ${f(cx + rx * 1.2)},${f(hy - ry * 0.4)}Z" fill="${p.hair}"/>`)
  if (p.style === 'bun') s.add(`<circle cx="${f(cx + rx * 0.2)}" cy="${f(hy - ry * 1.05)}" r="${f(rx * 0.42)}" fill="${p.hair}"/>`)
  if (p.style === 'scarf') s.add(`<path d="M${f(cx - rx * 1.2)},${f(hy - ry * 0.2)} L${f(cx - rx * 1.5)},${f(hy + ry * 1.3)} L${f(cx + rx * 1.5)},${f(hy + ry * 1.3)} L${f(cx + rx * 1.2)},${f(hy - ry * 0.2)}Z" fill="${p.accent ?? '#c84a5a'}"/>`)
  // Shoulders and neck.
  const sy = hy + ry * 1.25
  s.add(`<path d="M${f(cx - S * 0.4)},${S} C${f(cx - S * 0.4)},${f(sy + S * 0.06)} ${f(cx - S * 0.25)},${f(sy)} ${f(cx)},${f(sy)} C${f(cx + S * 0.25)},${f(sy)} ${f(cx + S * 0.4)},${f(sy + S * 0.06)} ${f(cx + S * 0.4)},${S}Z" fill="${s.linear('shirt', [[0, p.shirt], [1, p.shirt]])}"/>`)
  s.add(`<path d="M${f(cx - S * 0.4)},${S} C${f(cx - S * 0.4)},${f(sy + S * 0.06)} ${f(cx - S * 0.25)},${f(sy)} ${f(cx)},${f(sy)} C${f(cx + S * 0.25)},${f(sy)} ${f(cx + S * 0.4)},${f(sy + S * 0.06)} ${f(cx + S * 0.4)},${S}Z" fill="${s.linear('shirtShade', [[0, '#fff', 0.15], [1, '#000', 0.2]])}"/>`)
  s.add(`<rect x="${f(cx - rx * 0.42)}" y="${f(hy + ry * 0.6)}" width="${f(rx * 0.84)}" height="${f(ry * 0.75)}" fill="${p.skin}"/>`)
  s.add(`<path d="M${f(cx - rx * 0.42)},${f(hy + ry * 0.85)} Q${f(cx)},${f(hy + ry * 1.05)} ${f(cx + rx * 0.42)},${f(hy + ry * 0.85)} L${f(cx + rx * 0.42)},${f(hy + ry * 0.7)} L${f(cx - rx * 0.42)},${f(hy + ry * 0.7)}Z" fill="#000" opacity="0.12"/>`)
  s.add(`<path d="M${f(cx - rx * 0.7)},${f(sy - 2)} L${f(cx)},${f(sy + S * 0.1)} L${f(cx + rx * 0.7)},${f(sy - 2)}" stroke="#fff" stroke-opacity="0.5" stroke-width="${f(S * 0.018)}" fill="${p.skin}"/>`)
  // Ears and head.
  for (const side of [-1, 1]) s.add(ellipse(cx + side * rx * 0.98, hy + ry * 0.08, rx * 0.17, ry * 0.2, `fill="${p.skin}"`))
  s.add(ellipse(cx, hy, rx, ry, `fill="${s.radial('skin', [[0, '#fff', 0.25], [1, '#fff', 0]], { cx: 0.4, cy: 0.35, r: 0.6 })}"`))
  s.add(`<ellipse cx="${cx}" cy="${f(hy)}" rx="${f(rx)}" ry="${f(ry)}" fill="${p.skin}"/>`)
  s.add(ellipse(cx - rx * 0.25, hy - ry * 0.3, rx * 0.4, ry * 0.3, `fill="#fff" opacity="0.12" filter="${s.blur(S * 0.02)}"`))
  // Face: brows, closed smiling eyes, cheeks, nose, smile.
  const ey = hy + ry * 0.05
  for (const side of [-1, 1]) {
    const ex = cx + side * rx * 0.4
    s.add(`<path d="M${f(ex - rx * 0.16)},${f(ey)} Q${f(ex)},${f(ey - ry * 0.1)} ${f(ex + rx * 0.16)},${f(ey)}" stroke="#2a1e18" stroke-width="${f(S * 0.011)}" stroke-linecap="round" fill="none"/>`)
    s.add(`<path d="M${f(ex - rx * 0.2)},${f(ey - ry * 0.22)} Q${f(ex)},${f(ey - ry * 0.3)} ${f(ex + rx * 0.2)},${f(ey - ry * 0.22)}" stroke="${p.hair}" stroke-width="${f(S * 0.012)}" stroke-linecap="round" fill="none"/>`)
    s.add(ellipse(ex + side * rx * 0.06, ey + ry * 0.22, rx * 0.15, ry * 0.08, 'fill="#e8706a" opacity="0.3"'))
  }
  s.add(`<path d="M${cx},${f(hy + ry * 0.12)} q${f(-rx * 0.08)},${f(ry * 0.16)} ${f(rx * 0.04)},${f(ry * 0.2)}" stroke="#000" stroke-opacity="0.18" stroke-width="${f(S * 0.009)}" stroke-linecap="round" fill="none"/>`)
  s.add(`<path d="M${f(cx - rx * 0.28)},${f(hy + ry * 0.42)} Q${cx},${f(hy + ry * 0.62)} ${f(cx + rx * 0.28)},${f(hy + ry * 0.42)}" stroke="#9a3a30" stroke-width="${f(S * 0.012)}" stroke-linecap="round" fill="none"/>`)
  if (p.age === 'old') {
    for (const side of [-1, 1]) s.add(`<path d="M${f(cx + side * rx * 0.78)},${f(ey + ry * 0.02)} l${f(side * rx * 0.1)},${f(-ry * 0.04)} M${f(cx + side * rx * 0.78)},${f(ey + ry * 0.1)} l${f(side * rx * 0.1)},${f(ry * 0.03)}" stroke="#000" stroke-opacity="0.15" stroke-width="${f(S * 0.007)}" stroke-linecap="round"/>`)
  }
  // Hair or headwear in front.
  const top = hy - ry
  const hairCap = (drop: number) =>
    `M${f(cx - rx * 1.04)},${f(hy + ry * drop)} C${f(cx - rx * 1.1)},${f(top - ry * 0.1)} ${f(cx - rx * 0.4)},${f(top - ry * 0.22)} ${f(cx)},${f(top - ry * 0.2)} C${f(cx + rx * 0.5)},${f(top - ry * 0.22)} ${f(cx + rx * 1.1)},${f(top - ry * 0.1)} ${f(cx + rx * 1.04)},${f(hy + ry * drop)} C${f(cx + rx * 0.9)},${f(hy - ry * 0.55)} ${f(cx + rx * 0.3)},${f(hy - ry * 0.62)} ${f(cx)},${f(hy - ry * 0.6)} C${f(cx - rx * 0.4)},${f(hy - ry * 0.62)} ${f(cx - rx * 0.9)},${f(hy - ry * 0.5)} ${f(cx - rx * 1.04)},${f(hy + ry * drop)}Z`
  switch (p.style) {
    case 'short':
    case 'side':
    case 'bun':
    case 'long':
      s.add(`<path d="${hairCap(p.style === 'long' || p.style === 'bun' ? 0.1 : -0.15)}" fill="${p.hair}"/>`)
      if (p.style === 'side') s.add(`<path d="M${f(cx - rx * 0.3)},${f(top - ry * 0.15)} Q${f(cx - rx * 0.1)},${f(hy - ry * 0.5)} ${f(cx + rx * 0.8)},${f(hy - ry * 0.5)}" stroke="#fff" stroke-opacity="0.18" stroke-width="${f(S * 0.01)}" fill="none"/>`)
      break
    case 'cap':
      s.add(`<path d="${hairCap(-0.2)}" fill="${p.hair}"/>`)
      s.add(`<path d="M${f(cx - rx * 0.98)},${f(hy - ry * 0.42)} C${f(cx - rx)},${f(top - ry * 0.6)} ${f(cx + rx)},${f(top - ry * 0.6)} ${f(cx + rx * 0.98)},${f(hy - ry * 0.42)} Q${cx},${f(hy - ry * 0.56)} ${f(cx - rx * 0.98)},${f(hy - ry * 0.42)}Z" fill="${p.accent ?? '#fff'}" stroke="#d8d8d8" stroke-width="2"/>`)
      break
    case 'flatcap':
      s.add(`<path d="${hairCap(-0.2)}" fill="${p.hair}"/>`)
      s.add(`<path d="M${f(cx - rx * 1.05)},${f(hy - ry * 0.45)} C${f(cx - rx * 1.05)},${f(top - ry * 0.6)} ${f(cx + rx * 1.05)},${f(top - ry * 0.6)} ${f(cx + rx * 1.05)},${f(hy - ry * 0.45)}Z" fill="${p.accent ?? '#3a3a4a'}"/>`)
      s.add(`<path d="M${f(cx - rx * 1.0)},${f(hy - ry * 0.45)} Q${f(cx)},${f(hy - ry * 0.28)} ${f(cx + rx * 1.25)},${f(hy - ry * 0.42)} Q${f(cx)},${f(hy - ry * 0.6)} ${f(cx - rx * 1.0)},${f(hy - ry * 0.45)}Z" fill="#000" opacity="0.35"/>`)
      break
    case 'scarf':
      s.add(`<path d="M${f(cx - rx * 1.15)},${f(hy + ry * 0.1)} C${f(cx - rx * 1.25)},${f(top - ry * 0.3)} ${f(cx + rx * 1.25)},${f(top - ry * 0.3)} ${f(cx + rx * 1.15)},${f(hy + ry * 0.1)} C${f(cx + rx * 0.95)},${f(hy - ry * 0.5)} ${f(cx - rx * 0.95)},${f(hy - ry * 0.5)} ${f(cx - rx * 1.15)},${f(hy + ry * 0.1)}Z" fill="${p.accent ?? '#c84a5a'}"/>`)
      for (let i = 0; i < 7; i++) s.add(ellipse(cx + s.r(-rx * 0.8, rx * 0.8), top + s.r(-ry * 0.05, ry * 0.4), S * 0.012, S * 0.012, 'fill="#fff" opacity="0.7"'))
      break
  }
  s.add(`</g>`)
}

// ───────────────────────────── output ─────────────────────────────

async function writePair(key: string, svg: string, display: number, thumb: number): Promise<[number, number]> {
  const base = path.join(MEDIA_DIR, key)
  fs.mkdirSync(path.dirname(base), { recursive: true })
  const png = await sharp(Buffer.from(svg)).resize(display, display).png().toBuffer()
  const big = await sharp(png).jpeg(JPEG).toBuffer()
  const small = await sharp(png).resize(thumb, thumb, { kernel: 'lanczos3' }).sharpen({ sigma: 0.5 }).jpeg(JPEG).toBuffer()
  fs.writeFileSync(`${base}.jpg`, big)
  fs.writeFileSync(`${base}.thumb.jpg`, small)
  return [big.length, small.length]
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

async function main(): Promise<void> {
  const keys = demoPhotoKeys()
  const name = (key: string) => {
    if (!key.startsWith('demo/')) throw new Error(`demo photo keys live under demo/: ${key}`)
    return key.slice('demo/'.length)
  }
  const missing = [
    ...keys.products.filter((k) => !PRODUCT_SCENES[name(k)]),
    ...keys.farmers.filter((k) => !PORTRAITS[name(k)]),
  ]
  if (missing.length > 0) throw new Error(`no drawing for: ${missing.join(', ')}`)

  let total = 0
  const rows: string[] = []
  for (const key of keys.products) {
    const s = new Scene(seededRng(key), PRODUCT.display)
    PRODUCT_SCENES[name(key)]!(s)
    const [big, small] = await writePair(key, s.svg(), PRODUCT.display, PRODUCT.thumb)
    total += big + small
    rows.push(`${key.padEnd(34)} ${kb(big).padStart(9)} ${kb(small).padStart(9)}`)
  }
  for (const key of keys.farmers) {
    const s = new Scene(seededRng(key), PORTRAIT.display)
    drawPortrait(s, PORTRAITS[name(key)]!)
    const [big, small] = await writePair(key, s.svg(), PORTRAIT.display, PORTRAIT.thumb)
    total += big + small
    rows.push(`${key.padEnd(34)} ${kb(big).padStart(9)} ${kb(small).padStart(9)}`)
  }
  console.log(`${'key'.padEnd(34)} ${'display'.padStart(9)} ${'thumb'.padStart(9)}`)
  console.log(rows.join('\n'))
  console.log(`${keys.products.length + keys.farmers.length} photos, ${kb(total)} in ${path.relative(process.cwd(), path.join(MEDIA_DIR, 'demo'))}`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
