/**
 * Neutralises the parts of a note's Mermaid source that could loosen the renderer: init directives
 * (`%%{init: ...}%%`) and front-matter `config:` that touch secure keys, and `click`/`callback`/`link`
 * statements (the panel handles node clicks itself). Line numbers are kept so Mermaid's syntax errors
 * still point at the right line. Pure: used by the webview before every render, unit-tested in Node.
 */

/**
 * Config keys a diagram may never set. Passed to mermaid as its `secure` list too (mermaid's own
 * defaults are the first six), so even a directive this filter missed cannot change them.
 */
export const SECURE_CONFIG_KEYS: readonly string[] = Object.freeze([
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'suppressErrorRendering',
  'maxEdges',
  'dompurifyConfig',
  'themeCSS',
  'legacyMathML',
  'forceLegacyMathML',
  'arrowMarkerAbsolute',
]);

export interface SecuredSource {
  source: string;
  /** What was removed, for the panel to mention (e.g. `init directive`, `click`). */
  removed: string[];
}

const keyPattern = (keys: readonly string[]) => new RegExp(`["']?\\b(${keys.join('|')})\\b["']?\\s*:`, 'i');
const SECURE_KEY = keyPattern(SECURE_CONFIG_KEYS);
/** Prototype-pollution shaped keys are never legitimate in a diagram's config. */
const PROTO_KEY = /__proto__|\bconstructor\b|\bprototype\b|["']?__\w+/;
const INTERACTION = /^[ \t]*(click|callback|link)[ \t]+[^\s]+[ \t]+\S.*$/gim;

const blankLike = (text: string) => text.replace(/[^\n]/g, '');

export function secureMermaidSource(input: string): SecuredSource {
  const removed = new Set<string>();
  let source = input.replace(/\r\n?/g, '\n');

  // %%{init: {...}}%% and friends: drop any directive that tries to set a secure key.
  source = replaceDirectives(source, (directive) => {
    if (SECURE_KEY.test(directive) || PROTO_KEY.test(directive)) {
      removed.add('init directive');
      return blankLike(directive);
    }
    return directive;
  });
  // An unterminated directive (`%%{init: {...}` with no closing `}%%`) is left for mermaid to reject,
  // but never with a secure key in it.
  source = dropUnclosedDirectives(source, removed);

  source = secureFrontMatter(source, removed);

  // click / callback / link: strict mode already refuses callbacks and sanitises URLs; dropping the
  // statements keeps `javascript:` links out of the SVG altogether. Not for sequence messages.
  source = source.replace(INTERACTION, (line) => {
    if (/-[->x)]|<<|>>/.test(line)) return line;
    removed.add('click');
    return '';
  });
  return { source, removed: [...removed] };
}

/**
 * Each `%%{ … }%%` (shortest match, as `/%%\{[\s\S]*?\}%%/g` would find them) through `replace`. A regex scans to
 * the end of the source for every unclosed `%%{`; here, once no `}%%` follows, no later `%%{` can close either.
 */
function replaceDirectives(source: string, replace: (directive: string) => string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = source.indexOf('%%{', from);
    if (open < 0) break;
    const close = source.indexOf('}%%', open + 3);
    if (close < 0) break;
    out += source.slice(from, open) + replace(source.slice(open, close + 3));
    from = close + 3;
  }
  return out + source.slice(from);
}

/** From the first `%%{` of a line to its end, when that holds a secure key (as `/%%\{[^\n]*$/gm` would match). */
function dropUnclosedDirectives(source: string, removed: Set<string>): string {
  let out = '';
  let from = 0;
  for (let at = source.indexOf('%%{'); at >= 0;) {
    let end = source.indexOf('\n', at);
    if (end < 0) end = source.length;
    const directive = source.slice(at, end);
    if (SECURE_KEY.test(directive) || PROTO_KEY.test(directive)) {
      removed.add('init directive');
      out += source.slice(from, at);
      from = end;
    }
    at = source.indexOf('%%{', end);
  }
  return out + source.slice(from);
}

/** In a leading `---` front-matter block: drop secure keys (with their indented children). */
function secureFrontMatter(source: string, removed: Set<string>): string {
  // Most diagrams have none: look before splitting the source into lines.
  if (!/^(?:[^\S\n]*\n)*[^\S\n]*---[^\S\n]*(?:\n|$)/.test(source)) return source;
  const lines = source.split('\n');
  let start = 0;
  while (start < lines.length && lines[start].trim() === '') start++;
  if (lines[start]?.trim() !== '---') return source;
  let end = start + 1;
  while (end < lines.length && lines[end].trim() !== '---') end++;
  if (end >= lines.length) return source;
  for (let i = start + 1; i < end; i++) {
    const line = lines[i];
    const key = /^([ \t]*)(.*)$/.exec(line)!;
    if (!(SECURE_KEY.test(key[2]) || PROTO_KEY.test(key[2])) || !/^["']?[\w-]+["']?\s*:/.test(key[2])) continue;
    removed.add('front-matter config');
    const indent = key[1].length;
    lines[i] = '';
    while (i + 1 < end && (lines[i + 1].trim() === '' || /^[ \t]*/.exec(lines[i + 1])![0].length > indent)) {
      lines[++i] = '';
    }
  }
  return lines.join('\n');
}
