/**
 * Allow-list HTML sanitiser for answers rendered from note Markdown (the notes may hold raw HTML).
 * Keeps formatting tags and safe attributes; drops scripts, styles, frames, event handlers,
 * `javascript:`-like URLs and comments; escapes every stray `<`. Images go through `resolveImage`
 * and become a text placeholder when it gives no URL; remote (`https:`) images only with
 * `allowRemoteImages`. Runs in the extension host (no DOM).
 */
import { isNetworkPath } from './answerLinks';

export interface SanitizeOptions {
  /** A URL the webview may load for a (non-https, non-data) image source, or undefined for a placeholder. */
  resolveImage?: (src: string) => string | undefined;
  /** Text shown instead of an image that cannot be shown. */
  imagePlaceholder?: (alt: string, src: string) => string;
  /** Load `https:` images (a setting, off by default: a remote image tells its server you read the note). */
  allowRemoteImages?: boolean;
}

const ALLOWED = new Set(
  (
    'a abbr aside b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em ' +
    'figcaption figure h1 h2 h3 h4 h5 h6 hr i img input ins kbd li mark ol p pre q rp rt ruby s samp section ' +
    'small span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr'
  ).split(' '),
);
const DROP_WITH_CONTENT = new Set(
  'script style iframe frame frameset object embed applet noscript noembed noframes template textarea title xmp svg math select option head'.split(
    ' ',
  ),
);
const VOID = new Set('br col hr img input wbr'.split(' '));
const GLOBAL_ATTRS = new Set(['class', 'title', 'lang', 'dir']);
const TAG_ATTRS: Record<string, Set<string>> = {
  a: new Set(['href']),
  img: new Set(['src', 'alt', 'width', 'height']),
  ol: new Set(['start', 'reversed', 'type']),
  td: new Set(['colspan', 'rowspan', 'align']),
  th: new Set(['colspan', 'rowspan', 'align', 'scope']),
  col: new Set(['span']),
  details: new Set(['open']),
  input: new Set(['type', 'checked', 'disabled']),
  time: new Set(['datetime']),
  p: new Set(['align']),
  div: new Set(['align']),
};

// Attribute names exclude `<`: otherwise `<div b<a b<a …` makes every `<` scan to the end (quadratic).
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

export function sanitizeHtml(html: string, options: SanitizeOptions = {}): string {
  let out = '';
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    i = TAG.lastIndex;
    const closing = m[1] === '/';
    const name = m[2].toLowerCase();
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing) {
        const close = new RegExp(`</${name}\\s*>`, 'ig');
        close.lastIndex = i;
        const c = close.exec(html);
        i = c ? close.lastIndex : n;
      }
      continue;
    }
    if (!ALLOWED.has(name)) continue; // unknown tag: keep its content, drop the tag
    if (closing) {
      if (!VOID.has(name)) out += `</${name}>`;
      continue;
    }
    const attrs = readAttrs(m[3]);
    if (name === 'img') {
      out += image(attrs, options);
      continue;
    }
    if (name === 'input' && attrs.get('type')?.toLowerCase() !== 'checkbox') continue;
    let kept = '';
    for (const [key, value] of attrs) {
      if (!GLOBAL_ATTRS.has(key) && !TAG_ATTRS[name]?.has(key)) continue;
      if (key === 'href') {
        if (!safeHref(value)) continue;
      }
      kept += ` ${key}="${escapeAttr(value)}"`;
    }
    if (name === 'input') kept += ' disabled=""';
    out += `<${name}${kept}>`;
  }
  return out;
}

function readAttrs(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(source); m; m = ATTR.exec(source)) {
    const key = m[1].toLowerCase();
    if (attrs.has(key)) continue;
    attrs.set(key, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

function image(attrs: Map<string, string>, options: SanitizeOptions): string {
  // The built-in Markdown renderer keeps the source as written in data-src.
  const src = (attrs.get('data-src') || attrs.get('src') || '').trim();
  const alt = attrs.get('alt') ?? '';
  let url: string | undefined;
  if (/^https:\/\//i.test(src)) url = options.allowRemoteImages ? src : undefined;
  else if (/^data:image\/(png|jpe?g|gif|webp|avif|bmp);/i.test(src)) url = src;
  else if (src && isLocalSource(src) && !isNetworkPath(src)) url = options.resolveImage?.(src);
  if (!url) {
    const text = options.imagePlaceholder ? options.imagePlaceholder(alt, src) : `[${alt || src || 'image'}]`;
    return `<span class="image-placeholder" role="img" aria-label="${escapeAttr(text)}">${escapeText(text)}</span>`;
  }
  let out = `<img src="${escapeAttr(url)}" alt="${escapeAttr(alt)}"`;
  for (const key of ['title', 'width', 'height']) {
    const v = attrs.get(key);
    if (v !== undefined && (key === 'title' || /^\d{1,5}(px|%)?$/.test(v))) out += ` ${key}="${escapeAttr(v)}"`;
  }
  return out + '>';
}

/** http(s), mailto, in-page anchors and relative links; nothing that runs code, no `//host` or UNC path. */
export function safeHref(value: string): boolean {
  const v = value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  if (!v || isNetworkPath(v)) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(v);
  if (!scheme) return true;
  return ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

/** A relative path, an absolute path, a Windows drive path or a file: URI. */
function isLocalSource(src: string): boolean {
  const v = src.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(v);
  return !m || m[1].length === 1 || m[1].toLowerCase() === 'file';
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
  sol: '/',
  lpar: '(',
  rpar: ')',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);?/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    const named = NAMED[body.toLowerCase()];
    return named ?? whole;
  });
}

export function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
