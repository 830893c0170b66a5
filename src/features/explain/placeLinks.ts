import * as vscode from 'vscode';
import type { NoteIndex } from '../../core/index/noteIndex';
import type { TermLinkArgs } from '../../core/hover/links';
import { OPEN_PLACE_PATH, parsePlaceQuery, placeQuery } from '../../core/notes/placeLink';
import { linkedPlace } from '../notes/openNote';

/**
 * The link to a place of a term's explanation: this app's URI scheme (`vscode`, `code-oss` in code-server…), our
 * extension id, and the look-up (core/notes/placeLink). The Markdown preview lets a link with a scheme through to
 * VS Code, which gives its own scheme to the URI handler below, so the link works under every preview setting.
 */
export function placeLinkTarget(extensionId: string, args: TermLinkArgs): string {
  return `${vscode.env.uriScheme}://${extensionId}${OPEN_PLACE_PATH}?${placeQuery(args)}`;
}

/** Opens the place a link stands for, looked up again in the index; any other URI opens nothing. */
export function registerPlaceLinks(index: NoteIndex, openLocation: (file: string, line: number) => Promise<void>): vscode.Disposable {
  return vscode.window.registerUriHandler({
    async handleUri(uri) {
      const args = uri.path === OPEN_PLACE_PATH ? parsePlaceQuery(uri.query) : undefined;
      const place = args && linkedPlace(index, args);
      if (!place) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('That link points to no place in your notes now. Explain the term again to get fresh links.'),
        );
        return;
      }
      await openLocation(place.file, place.line);
    },
  });
}
