import * as path from 'path';
import * as vscode from 'vscode';
import type { QuizSession } from '../../core/quiz/session';
import type { Services } from '../services';

/** Opens the note an item comes from; keys not in the session are looked up in the index. */
export async function openItemNote(services: Services, session: QuizSession | undefined, key: string): Promise<void> {
  const item = session?.items.find((i) => i.key === key);
  let place: { file: string; line: number } | undefined;
  if (item?.kind === 'card') place = item.places[0];
  else if (item?.kind === 'term') place = item;
  else place = services.index.cardGroup(key)?.places[0] ?? services.index.term(key);
  if (place) await services.openLocation(place.file, place.line);
}

/** Opens a link clicked in an answer: web links outside, relative links beside the current item's note. */
export async function openAnswerLink(services: Services, session: QuizSession | undefined, href: string): Promise<void> {
  if (/^(https?|mailto):/i.test(href)) {
    await vscode.env.openExternal(vscode.Uri.parse(href));
    return;
  }
  const item = session?.current();
  const base = item?.kind === 'card' ? item.places[0]?.file : item?.file;
  if (!base || /^[a-z][a-z0-9+.-]+:/i.test(href)) return;
  const [rel, fragment] = href.split('#');
  let target: string;
  try {
    target = path.resolve(path.dirname(base), decodeURIComponent(rel));
  } catch {
    return;
  }
  const line = /^L(\d+)$/.exec(fragment ?? '')?.[1];
  if (services.index.note(target) || /\.md$/i.test(target)) await services.openLocation(target, line ? Number(line) : 1);
  else await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(target));
}
