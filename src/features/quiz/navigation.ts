import * as path from 'node:path';
import * as vscode from 'vscode';
import type { QuizSession } from '../../core/quiz/session';
import { Commands, type Services } from '../services';
import { resolveAnswerLink } from '../../core/quiz/answerLinks';

/** Opens the note an item comes from; keys not in the session are looked up in the index. */
export async function openItemNote(services: Services, session: QuizSession | undefined, key: string): Promise<void> {
  const item = session?.items.find((i) => i.key === key);
  let place: { file: string; line: number } | undefined;
  if (item?.kind === 'card' && !item.places.length && item.diagramId) {
    // A built-in diagram's question: "Open" shows the diagram.
    await vscode.commands.executeCommand(Commands.showDiagram, { id: item.diagramId });
    return;
  }
  if (item?.kind === 'card') place = item.places[0];
  else if (item?.kind === 'term') place = item;
  else place = services.index.cardGroup(key)?.places[0] ?? services.index.term(key);
  if (place) await services.openLocation(place.file, place.line);
}

/**
 * Opens a link clicked in an answer: web links outside (VS Code confirms), relative links only when
 * they resolve inside `roots` (the workspace and the notes folders); anything else is refused with a
 * line in the log.
 */
export async function openAnswerLink(
  services: Services,
  session: QuizSession | undefined,
  href: string,
  roots: readonly string[],
): Promise<void> {
  const item = session?.current();
  const base = item?.kind === 'card' ? item.places[0]?.file : item?.file;
  const target = resolveAnswerLink(href, base, roots);
  switch (target.kind) {
    case 'external':
      await vscode.env.openExternal(vscode.Uri.parse(target.url));
      return;
    case 'blocked':
      services.output.warn(`quiz: a link in an answer was not opened (${target.reason}): ${href.slice(0, 200)}`);
      return;
    case 'file':
      if (services.index.note(target.path) || services.index.note(path.normalize(target.path)) || /\.md$/i.test(target.path)) {
        await services.openLocation(path.normalize(target.path), target.line ?? 1);
      } else await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(target.path));
  }
}
