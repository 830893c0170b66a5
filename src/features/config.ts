import * as vscode from 'vscode';
import type { IDisposable } from '../core/dispose';
import { SECTION, Setting, type SettingKey } from './settingKeys';
import type { StarterNotesMode } from '../core/index/sources';

export { SECTION, Setting, type SettingKey };

export interface TilConfig {
  include: string[];
  exclude: string[];
  extraFolders: string[];
  /** `"auto"`: the starter notes only while none of the user's notes are found. */
  includeBundledNotes: StarterNotesMode;
  /** The user's glossary files, relative to a workspace folder or absolute (each must lie inside one). */
  glossaryFiles: string[];
  maxNoteSizeKB: number;
  hoverEnabled: boolean;
  hoverLanguages: string[];
  hoverExcerptLength: number;
  diagramsTheme: string;
  /** Load `https:` images in quiz answers (restricted: ignored from workspace settings in Restricted Mode). */
  quizRemoteImages: boolean;
}

type Check<T> = (value: unknown) => value is T;
const isStrings: Check<string[]> = (v): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isBoolean: Check<boolean> = (v): v is boolean => typeof v === 'boolean';
const isNumber: Check<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);
const isString: Check<string> = (v): v is string => typeof v === 'string';
// true and false from before "auto" existed keep their meaning.
const isStarterMode: Check<StarterNotesMode> = (v): v is StarterNotesMode => v === 'auto' || typeof v === 'boolean';

/** One setting as VS Code resolves it now (user, workspace, folder, else the manifest's default). */
function read<T>(config: vscode.WorkspaceConfiguration, key: SettingKey, check: Check<T>): T {
  const value = config.get<unknown>(key);
  if (check(value)) return value;
  // A hand-edited settings.json can hold anything: use the manifest's default rather than crash.
  const fallback = config.inspect<unknown>(key)?.defaultValue;
  if (check(fallback)) return fallback;
  throw new Error(`Setting ${SECTION}.${key} has no valid value and package.json declares no default for it.`);
}

/** Settings, read fresh on every call so changes apply without a reload. Call it where the value is used. */
export function readConfig(): TilConfig {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    include: read(c, Setting.include, isStrings),
    exclude: read(c, Setting.exclude, isStrings),
    extraFolders: read(c, Setting.extraFolders, isStrings),
    includeBundledNotes: read(c, Setting.includeBundled, isStarterMode),
    glossaryFiles: read(c, Setting.glossaryFiles, isStrings),
    // package.json's bounds, enforced: VS Code does not validate a hand-edited settings.json.
    maxNoteSizeKB: Math.min(8192, Math.max(16, read(c, Setting.maxFileSizeKB, isNumber))),
    hoverEnabled: read(c, Setting.hoverEnabled, isBoolean),
    hoverLanguages: read(c, Setting.hoverLanguages, isStrings),
    hoverExcerptLength: read(c, Setting.hoverExcerptLength, isNumber),
    diagramsTheme: read(c, Setting.diagramsTheme, isString),
    quizRemoteImages: read(c, Setting.quizRemoteImages, isBoolean),
  };
}

/** The quiz's scheduling settings (limits and retention are clamped by the core, as user input). */
export interface QuizConfig {
  newCardsPerDay: number;
  reviewsPerDay: number;
  desiredRetention: number;
  /** Which generated card kinds quizzes ask besides the notes' own questions. */
  cardKinds: { cloze: boolean; reverse: boolean; diagram: boolean };
}

export function readQuizConfig(): QuizConfig {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    newCardsPerDay: read(c, Setting.quizNewCardsPerDay, isNumber),
    reviewsPerDay: read(c, Setting.quizReviewsPerDay, isNumber),
    desiredRetention: read(c, Setting.quizDesiredRetention, isNumber),
    cardKinds: {
      cloze: read(c, Setting.quizClozeCards, isBoolean),
      reverse: read(c, Setting.quizReverseCards, isBoolean),
      diagram: read(c, Setting.quizDiagramQuestions, isBoolean),
    },
  };
}

/** Calls `listener` when any of the given settings (or groups such as `notes`) changes. */
export function onDidChangeSettings(keys: readonly string[], listener: () => void): IDisposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (keys.some((key) => e.affectsConfiguration(`${SECTION}.${key}`))) listener();
  });
}

/** Whether the walkthrough opens by itself the first time the extension runs in a profile. */
export function readWalkthroughOnFirstRun(): boolean {
  return read(vscode.workspace.getConfiguration(SECTION), Setting.walkthroughOnFirstRun, isBoolean);
}
