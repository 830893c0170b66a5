/**
 * The quiz feature: `til.startQuiz`, export/import/reset of progress, the "N due" status-bar item,
 * and the due cards for the notes tree.
 *
 *   context.subscriptions.push(registerQuiz(services));
 *   // notes tree, "Due for review" group:
 *   dueCards(); dueCount(); onDidChangeDueCards(() => tree.refresh());
 */
import * as vscode from 'vscode';
import type { CardGroup } from '../../core/index/noteIndex';
import { isGrade } from '../../core/quiz/scheduler';
import { Commands, type Services } from '../services';
import { QUIZ_VIEW_TYPE } from './panel';
import { QuizController, type QuizOptions, type QuizTestState } from './quizController';

export type { QuizOptions, QuizTestState };
export { QuizController };

/** Commands registered only when the extension runs under test (`ExtensionMode.Test`). */
export const QuizTestCommands = {
  /** Grades the current card of the open quiz (arg: 1–4, default 3); returns QuizTestState. */
  gradeCurrent: 'til.test.quiz.gradeCurrent',
  /** Returns QuizTestState. */
  state: 'til.test.quiz.state',
} as const;

export interface QuizFeature extends vscode.Disposable {
  dueCount(): number;
  dueCards(): CardGroup[];
  readonly onDidChangeDue: vscode.Event<void>;
  readonly controller: QuizController;
}

let active: QuizController | undefined;
const dueChanged = new vscode.EventEmitter<void>();

/** Cards due for review now (new cards included), most urgent first; empty before registerQuiz. */
export function dueCards(): CardGroup[] {
  return active?.dueCards() ?? [];
}

/** How many cards are due now. */
export function dueCount(): number {
  return active?.dueCount() ?? 0;
}

/** Fires when the due cards may have changed (notes edited, a card graded, progress imported or reset, time passing). */
export const onDidChangeDueCards: vscode.Event<void> = dueChanged.event;

export function registerQuiz(services: Services, options: QuizOptions = {}): QuizFeature {
  const controller = new QuizController(services, options);
  active = controller;
  const disposables: vscode.Disposable[] = [
    controller,
    controller.onDidChangeDue(() => dueChanged.fire()),
    vscode.commands.registerCommand(Commands.startQuiz, (arg?: unknown) => controller.start(arg)),
    vscode.commands.registerCommand(Commands.exportProgress, () => controller.exportProgress()),
    vscode.commands.registerCommand(Commands.importProgress, (arg?: unknown) => controller.importProgress(arg)),
    vscode.commands.registerCommand(Commands.resetProgress, (arg?: unknown) => controller.resetProgress(arg)),
    vscode.window.registerWebviewPanelSerializer(QUIZ_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => controller.revive(panel, state),
    }),
  ];
  if (services.context.extensionMode === vscode.ExtensionMode.Test) {
    disposables.push(
      vscode.commands.registerCommand(QuizTestCommands.gradeCurrent, async (grade?: unknown) => {
        await controller.whenLoaded();
        await controller.grade(isGrade(grade) ? grade : 3);
        await controller.flush();
        return controller.testState();
      }),
      vscode.commands.registerCommand(QuizTestCommands.state, async () => {
        await controller.whenLoaded();
        return controller.testState();
      }),
    );
  }
  return {
    controller,
    dueCount: () => controller.dueCount(),
    dueCards: () => controller.dueCards(),
    onDidChangeDue: controller.onDidChangeDue,
    dispose() {
      if (active === controller) active = undefined;
      for (const d of disposables.splice(0)) d.dispose();
    },
  };
}
