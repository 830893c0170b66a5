import * as vscode from 'vscode';
import type { Services } from '../services';
import { WALKTHROUGH_ID } from './walkthrough';

/** The walkthrough's steps (their ids in package.json). */
export type WalkthroughStep = 'chooseNotes' | 'hover' | 'browse' | 'diagrams' | 'quiz' | 'glossary';

/** globalState: the steps already reported in this profile (VS Code keeps the tick; nothing to send again). */
const REPORTED_STATE = 'til.walkthroughStepsReported';

/** The steps reported so far in this profile (tests ask through `til.test.walkthroughStepsReported`). */
export function reportedSteps(context: Pick<vscode.ExtensionContext, 'globalState'>): WalkthroughStep[] {
  const reported = context.globalState.get<unknown>(REPORTED_STATE);
  return Array.isArray(reported) ? reported : [];
}

/**
 * The user did a step: tick it, whether or not the walkthrough was ever opened. VS Code counts a step's completion
 * events only while its walkthrough service listens, and it starts that service when a walkthrough page first opens:
 * an `onCommand:` or `onView:` before then is lost. An `onContext:` key does not help either: one that is already true
 * when the service reads the walkthrough counts as seen and never ticks the step. So we tell the service ourselves,
 * once per profile; it keeps the tick in the profile's storage, so later sessions show it too.
 */
export function markStepDone(services: Pick<Services, 'context' | 'output'>, step: WalkthroughStep): void {
  const steps = reportedSteps(services.context);
  if (steps.includes(step)) return;
  void services.context.globalState.update(REPORTED_STATE, [...steps, step]);
  // Before the service has read our walkthrough, it stores the tick and then throws, not finding the step: harmless.
  void vscode.commands
    .executeCommand('welcome.markStepComplete', `${WALKTHROUGH_ID}#${step}`)
    .then(undefined, (error: unknown) => services.output.debug(`walkthrough step ${step}: ${String(error)}`));
}
