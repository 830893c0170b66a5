/**
 * Colour arithmetic for charts that must read on any theme's background: parsing the colours VS Code's CSS
 * variables hold, WCAG relative luminance and contrast, and nudging a colour until it contrasts enough.
 * No DOM here, so the unit tests run it in Node.
 */

/** Red, green, blue (0–255) and alpha (0–1). */
export type Rgba = readonly [number, number, number, number];

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB = /^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:[\s,/]+([\d.]+%?))?\s*\)$/i;

/** `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(…)` or `rgba(…)`; undefined for anything else. */
export function parseColour(text: string): Rgba | undefined {
  const t = text.trim();
  const hex = HEX.exec(t)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const n = (i: number) => parseInt(full.slice(i, i + 2), 16);
    return [n(0), n(2), n(4), full.length === 8 ? n(6) / 255 : 1];
  }
  const m = RGB.exec(t);
  if (!m) return undefined;
  const channel = (v: string) => Math.min(255, v.endsWith('%') ? (parseFloat(v) * 255) / 100 : parseFloat(v));
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [channel(m[1]), channel(m[2]), channel(m[3]), Math.min(1, alpha)];
}

export function toHex(c: Rgba): string {
  return `#${c
    .slice(0, 3)
    .map((v) => Math.round(v).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** `a` moved toward `b` by `t` (0: a, 1: b), opaque. */
export function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t, 1];
}

/** `a` moved toward `b` by `t`, as hex; `a` unchanged when either does not parse. */
export function blend(a: string, b: string, t: number): string {
  const x = parseColour(a);
  const y = parseColour(b);
  return x && y ? toHex(mix(x, y, t)) : a;
}

/** The colour without its alpha (a theme's chart colours may carry one meant for fills), as hex. */
export function opaque(colour: string): string {
  const c = parseColour(colour);
  return c ? toHex(c) : colour;
}

/** A colour with alpha as it shows over `bg`. */
export function over(c: Rgba, bg: Rgba): Rgba {
  return c[3] >= 1 ? c : mix(bg, c, c[3]);
}

/** WCAG relative luminance. */
export function luminance(c: Rgba): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
}

/** WCAG contrast ratio, 1 to 21. */
export function contrast(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * `colour` as it shows on `bg`, moved toward `toward` (the theme's foreground) in small steps until it contrasts
 * with `bg` by at least `min` (3: what WCAG asks of graphics). Unreadable input gives `toward` itself.
 */
export function readable(colour: string, bg: string, toward: string, min = 3): string {
  const b = parseColour(bg);
  const target = parseColour(toward);
  const c = parseColour(colour);
  if (!b || !target) return colour;
  const background = over(b, [255, 255, 255, 1]);
  const fg = over(target, background);
  if (!c) return toHex(fg);
  let out = over(c, background);
  for (let t = 0.1; contrast(out, background) < min && t <= 1; t += 0.1) out = mix(over(c, background), fg, t);
  return toHex(out);
}
