/**
 * Where Explain's "Open in …" links point: `<app scheme>://<extension id>/open?term=…&topics=…&place=…`. VS Code's
 * Markdown preview hands a link with a scheme to the webview, and the webview opens the app's own scheme by giving it
 * to this extension's URI handler, whatever `markdown.preview.openMarkdownLinks` says. The query holds the same
 * look-up a hover's "Open note" link makes (`TermLinkArgs`): a term key, our topic names and a small position, never a
 * path. A link made anywhere else (a note can hold one) can still only open a place the index already holds.
 */
import { isTermLinkArgs, type TermLinkArgs } from '../hover/links';

/** The URI path the handler answers. */
export const OPEN_PLACE_PATH = '/open';
/** Longer queries are not ours (a term key is at most a heading's length). */
const MAX_QUERY_LENGTH = 4000;

/**
 * The query for a place: `p=` and the look-up as base64url JSON. VS Code decodes a URI's query once before the
 * handler sees it, so a term holding `&`, `=` or `%` would not survive plain URL encoding; base64url has none.
 */
export function placeQuery(args: TermLinkArgs): string {
  const fields: TermLinkArgs = { term: args.term };
  if (args.topics?.length) fields.topics = args.topics;
  if (args.place !== undefined) fields.place = args.place;
  return `p=${toBase64Url(JSON.stringify(fields))}`;
}

/** The look-up a query stands for, or undefined when it is not one of ours (other fields, topics or numbers). */
export function parsePlaceQuery(query: string): TermLinkArgs | undefined {
  if (query.length > MAX_QUERY_LENGTH) return undefined;
  const encoded = /^p=([A-Za-z0-9_-]+)$/.exec(query)?.[1];
  if (!encoded) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(fromBase64Url(encoded));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (Object.keys(value).some((k) => k !== 'term' && k !== 'topics' && k !== 'place')) return undefined;
  return isTermLinkArgs(value) && value.term.trim() ? value : undefined;
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on text that is not base64url of UTF-8. */
function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}
