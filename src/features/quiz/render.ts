import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readConfig } from '../config';
import { escapeText, sanitizeHtml } from '../../core/quiz/sanitize';
import { strongForCjk } from '../../core/quiz/cjkStrong';

/**
 * Markdown → safe HTML for the quiz webview, on the host: the built-in Markdown renderer
 * (`markdown.api.render`), then the allow-list sanitiser. A local image is inlined as a `data:` URI when
 * the file is an image inside the workspace or a notes folder (so the webview's resource roots stay limited
 * to our own bundle); otherwise a text placeholder takes its place.
 */
export class AnswerRenderer {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly imageFolders: () => readonly string[],
    private readonly log?: vscode.LogOutputChannel,
    private readonly allowRemoteImages: () => boolean = remoteImagesAllowed,
  ) {}

  async render(markdown: string, noteFile: string | undefined): Promise<string> {
    const remote = this.allowRemoteImages();
    const cacheKey = `${remote ? 1 : 0}${noteFile ?? ''}\u0000${markdown}`;
    const hit = this.cache.get(cacheKey);
    if (hit !== undefined) return hit;
    let html: string;
    try {
      html = (await vscode.commands.executeCommand<string>('markdown.api.render', strongForCjk(markdown))) ?? '';
      if (typeof html !== 'string') throw new Error('markdown.api.render returned no string');
    } catch (err) {
      this.log?.warn(`quiz: Markdown rendering failed, showing plain text: ${err instanceof Error ? err.message : String(err)}`);
      html = plainHtml(markdown);
    }
    const safe = sanitizeHtml(html, {
      allowRemoteImages: remote,
      resolveImage: (src) => this.resolveImage(src, noteFile),
      imagePlaceholder: (alt, src) => vscode.l10n.t('[image: {0}]', alt || path.basename(safeDecode(src.split(/[?#]/)[0])) || '?'),
    });
    if (this.cache.size > 200) this.cache.clear();
    this.cache.set(cacheKey, safe);
    return safe;
  }

  clear(): void {
    this.cache.clear();
  }

  private resolveImage(src: string, noteFile: string | undefined): string | undefined {
    if (!noteFile) return undefined;
    const clean = safeDecode(src.split(/[?#]/)[0]);
    let file: string;
    if (/^file:/i.test(clean)) {
      try {
        file = vscode.Uri.parse(src).fsPath;
      } catch {
        return undefined;
      }
    } else file = path.resolve(path.dirname(noteFile), clean);
    if (!this.imageFolders().some((dir) => isInside(file, dir))) return undefined;
    const mime = IMAGE_TYPES[path.extname(file).toLowerCase()];
    try {
      const stat = fs.statSync(file);
      if (!mime || !stat.isFile() || stat.size > MAX_IMAGE_BYTES) return undefined;
      return `data:${mime};base64,${fs.readFileSync(file).toString('base64')}`;
    } catch {
      return undefined;
    }
  }
}

/** `tilCompanion.quiz.remoteImages`: a restricted setting (a workspace cannot turn it on in Restricted Mode). */
export function remoteImagesAllowed(): boolean {
  return readConfig().quizRemoteImages;
}

const MAX_IMAGE_BYTES = 1024 * 1024;
const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** When the Markdown extension is unavailable: paragraphs of escaped text. */
export function plainHtml(markdown: string): string {
  return markdown
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}
