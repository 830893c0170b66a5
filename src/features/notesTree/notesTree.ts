import * as vscode from 'vscode';
import { answerElsewhereText, questionsText, termsText } from '../counts';
import * as path from 'node:path';
import type { NoteIndex } from '../../core/index/noteIndex';
import type { QuestionCount } from '../../core/index/questionCounts';
import type { Card, Topic } from '../../core/model';
import { answerShape } from '../../core/notes/answerShape';
import { safeNoteMarkdown } from '../../core/hover/safeMarkdown';
import { markStepDone } from '../onboarding/stepsDone';
import { Commands, type Services } from '../services';
import { childrenOfDay, childrenOfSection, childrenOfStarter, childrenOfTopic, rootNodes, type TreeNode } from './treeModel';

export const TOPIC_LABELS: Record<Topic, string> = {
  os: 'OS',
  kubernetes: 'Kubernetes',
  webrtc: 'WebRTC',
  web: 'Web',
  java: 'Java',
  other: 'Other',
};
const TOPIC_ICONS: Record<Topic, string> = {
  os: 'server-process',
  kubernetes: 'server-environment',
  webrtc: 'broadcast',
  web: 'globe',
  java: 'coffee',
  other: 'note',
};

export type ExtraRoots = (mode: 'day' | 'topic') => TreeNode[];

/** One provider, two groupings: by day (days → sections → questions) and by topic (topics → questions). */
export class NotesTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly index: NoteIndex,
    private readonly mode: 'day' | 'topic',
    private readonly extraRoots: ExtraRoots = () => [],
    /** Whether the starter notes' root may show (not while the first discovery may still drop them). */
    private readonly showsStarterNotes: () => boolean = () => true,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return [...this.extraRoots(this.mode), ...rootNodes(this.index, this.mode, this.showsStarterNotes())];
    switch (node.kind) {
      case 'day':
        return childrenOfDay(this.index, node.group);
      case 'section':
        return childrenOfSection(this.index, node);
      case 'topic':
        return childrenOfTopic(this.index, node);
      case 'starter':
        return childrenOfStarter(this.index, node);
      case 'due':
        return node.cards.map((g) => ({ kind: 'question' as const, id: `due:${g.key}`, card: g.places[0], places: g.places.length }));
      case 'hidden':
        return node.cards.map((card) => ({ kind: 'hiddenCard' as const, id: `hidden:${card.key}`, card }));
      case 'diagrams':
        return node.links.map((l) => ({ kind: 'diagramLink' as const, id: `diagrams:${l.id}`, diagramId: l.id, title: l.title }));
      default:
        return [];
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function open(file: string, line: number): vscode.Command {
  return { command: Commands.openLocation, title: vscode.l10n.t('Open Note'), arguments: [file, line] };
}

/**
 * A day's or a topic's count (the one rule of questionCounts.ts) in the row's tooltip, with how many of its questions
 * are written more than once: the description says only "21 questions", to read whole at the side bar's default width.
 */
function countTooltip(count: QuestionCount): string[] {
  const lines = [questionsText(count.questions)];
  if (count.writtenAgain)
    lines.push(
      vscode.l10n.t(
        'Written more than once in your notes: {0}. Such a question counts on each day it is on, and once in its topic.',
        count.writtenAgain,
      ),
    );
  return lines;
}

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const C = vscode.TreeItemCollapsibleState;
  switch (node.kind) {
    case 'day': {
      const item = new vscode.TreeItem(node.group.title, C.Collapsed);
      item.id = node.id;
      item.description = questionsText(node.count.questions);
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.contextValue = 'til.day';
      const first = node.group.entries[0].day;
      // Plain text (a string tooltip renders nothing): the day, its count in words, and where each of its entries is.
      item.tooltip = [
        node.group.title,
        ...countTooltip(node.count),
        ...node.group.entries.map((e) => `${path.basename(e.day.file)}:${e.day.line}`),
      ].join('\n');
      item.command = open(first.file, first.line);
      return item;
    }
    case 'section': {
      const { section } = node;
      const hasChildren = node.children.length + node.cards.length + node.diagrams.length > 0;
      const item = new vscode.TreeItem(section.title, hasChildren ? C.Collapsed : C.None);
      item.id = node.id;
      item.description = node.cards.length ? questionsText(node.cards.length) : TOPIC_LABELS[section.topic];
      // A heading that asks a question is one row: the question's icon and answer, the section's contents.
      item.iconPath = new vscode.ThemeIcon(node.own ? questionIcon(node.own) : TOPIC_ICONS[section.topic]);
      item.contextValue = 'til.section';
      item.tooltip = node.own
        ? questionTooltip(node.own)
        : `${TOPIC_LABELS[section.topic]} · ${path.basename(section.file)}:${section.line}`;
      item.command = open(section.file, section.line);
      return item;
    }
    case 'question': {
      const { card } = node;
      const item = new vscode.TreeItem(card.question, C.None);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon(questionIcon(card));
      item.description = node.places > 1 ? vscode.l10n.t('written {0} times', node.places) : undefined;
      item.contextValue = 'til.question';
      item.tooltip = questionTooltip(card);
      item.command = open(card.file, card.line);
      return item;
    }
    case 'topic': {
      const item = new vscode.TreeItem(TOPIC_LABELS[node.topic], C.Collapsed);
      item.id = node.id;
      item.description = questionsText(node.count.questions);
      item.iconPath = new vscode.ThemeIcon(TOPIC_ICONS[node.topic]);
      item.contextValue = 'til.topic';
      item.tooltip = [TOPIC_LABELS[node.topic], ...countTooltip(node.count)].join('\n');
      return item;
    }
    case 'diagram': {
      const item = new vscode.TreeItem(vscode.l10n.t('Diagram: {0}', node.diagram.title), C.None);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon('type-hierarchy');
      item.contextValue = 'til.diagram';
      item.command = { command: Commands.openMermaidBlock, title: vscode.l10n.t('Show Diagram'), arguments: [node.diagram.id] };
      return item;
    }
    case 'diagrams': {
      const item = new vscode.TreeItem(vscode.l10n.t('Diagrams'), C.Collapsed);
      item.id = node.id;
      item.description = String(node.links.length);
      item.iconPath = new vscode.ThemeIcon('type-hierarchy');
      item.contextValue = 'til.diagrams';
      return item;
    }
    case 'diagramLink': {
      const item = new vscode.TreeItem(node.title, C.None);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon('type-hierarchy-sub');
      item.contextValue = 'til.diagram';
      item.command = { command: Commands.showDiagram, title: vscode.l10n.t('Show Diagram'), arguments: [{ id: node.diagramId }] };
      return item;
    }
    case 'hidden': {
      const item = new vscode.TreeItem(vscode.l10n.t('Suspended and hidden'), C.Collapsed);
      item.id = node.id;
      item.description = String(node.cards.length);
      item.iconPath = new vscode.ThemeIcon('eye-closed');
      item.contextValue = 'til.hidden';
      item.tooltip = vscode.l10n.t('Cards you took out of the quiz. Undo one to ask it again.');
      return item;
    }
    case 'hiddenCard': {
      const { card } = node;
      const item = new vscode.TreeItem(card.question, C.None);
      item.id = node.id;
      item.iconPath = new vscode.ThemeIcon(card.kind === 'suspended' ? 'debug-pause' : card.kind === 'buried' ? 'clock' : 'circle-slash');
      item.description =
        card.kind === 'suspended'
          ? vscode.l10n.t('suspended')
          : card.kind === 'notQuestion'
            ? vscode.l10n.t('not a question')
            : vscode.l10n.t('buried until tomorrow');
      item.contextValue = 'til.hiddenCard';
      item.tooltip = vscode.l10n.t(
        '{0} since {1}. Use the undo button to ask it again.',
        item.description,
        new Date(card.at).toLocaleString(),
      );
      item.accessibilityInformation = { label: `${card.question}, ${item.description}` };
      return item;
    }
    case 'starter': {
      const item = new vscode.TreeItem(vscode.l10n.t('Starter notes'), C.Collapsed);
      item.id = node.id;
      // Short enough for the side bar's default width; the tooltip says the rest.
      item.description = vscode.l10n.t('{0} examples', node.notes);
      item.iconPath = new vscode.ThemeIcon('library');
      item.contextValue = 'til.starter';
      item.tooltip = vscode.l10n.t(
        '{0} notes that come with TIL Companion, as examples, kept apart from your notes. Run "TIL: Choose Notes Folder…" to add yours. Setting: tilCompanion.notes.includeBundled ("auto": only while none of your notes are found).',
        node.notes,
      );
      return item;
    }
    case 'due': {
      const item = new vscode.TreeItem(vscode.l10n.t('Due for review'), node.cards.length ? C.Collapsed : C.None);
      item.id = node.id;
      const reviews = node.cards.length - node.fresh;
      item.description = !node.fresh
        ? String(reviews)
        : reviews
          ? vscode.l10n.t('{0} to review · {1} new', reviews, node.fresh)
          : vscode.l10n.t('{0} new', node.fresh);
      // The terms due (counted in the status bar too) in the tooltip: the description stays short enough to read whole.
      const lines = [
        node.fresh
          ? vscode.l10n.t(
              '{0} questions for today: {1} new (never answered) and {2} due for review. Click to start the quiz.',
              node.cards.length,
              node.fresh,
              reviews,
            )
          : '',
        node.terms ? vscode.l10n.t('And {0} to name again in "Name the term".', termsText(node.terms)) : '',
      ].filter(Boolean);
      item.tooltip = lines.length ? lines.join('\n') : undefined;
      item.iconPath = new vscode.ThemeIcon('mortar-board');
      item.contextValue = 'til.due';
      item.command = { command: Commands.startQuiz, title: vscode.l10n.t('Start Quiz'), arguments: [{ scope: 'due' }] };
      return item;
    }
  }
}

function questionIcon(card: Card): string {
  return card.answer ? 'question' : 'circle-outline';
}

/**
 * The question and its answer. The answer is note text: it goes through safeNoteMarkdown, so no link or image of the
 * note becomes live in the tooltip; an answer that is only a picture or links says where it is instead.
 */
function questionTooltip(card: Card): vscode.MarkdownString {
  const elsewhere = answerElsewhereText(answerShape(card.answer));
  const answer = !card.answer.trim()
    ? vscode.l10n.t('_No answer yet._')
    : elsewhere
      ? `_${escapeMd(elsewhere)}_`
      : safeNoteMarkdown(card.answer.slice(0, 800));
  const tooltip = new vscode.MarkdownString(`**${escapeMd(card.question)}**\n\n${answer}`);
  tooltip.supportHtml = false;
  return tooltip;
}

function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, '\\$&');
}

export interface NotesTreeOptions {
  /** Groups shown above the days / topics (the quiz adds "Due for review"). */
  extraRoots?: ExtraRoots;
  /** Other changes that should refresh the views. */
  refreshOn?: vscode.Event<void>[];
  /** The first index load: until it settles the views say so instead of looking empty. */
  loading?: Promise<unknown>;
  /** Whether the starter notes' root may show (NotesSource.showsStarterNotes); add its change to refreshOn. */
  showsStarterNotes?: () => boolean;
}

/** Registers both views; they refresh when the index (or anything in refreshOn) changes. */
export function registerNotesTree(services: Services, options: NotesTreeOptions = {}): vscode.Disposable {
  const byDay = new NotesTreeProvider(services.index, 'day', options.extraRoots, options.showsStarterNotes);
  const byTopic = new NotesTreeProvider(services.index, 'topic', options.extraRoots, options.showsStarterNotes);
  let timer: NodeJS.Timeout | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      byDay.refresh();
      byTopic.refresh();
      showMessage();
    }, 100);
  };
  const indexChanged = services.index.onDidChange(refresh);
  const subscriptions = (options.refreshOn ?? []).map((event) => event(refresh));
  const views = [
    vscode.window.createTreeView('til.notesByDay', { treeDataProvider: byDay, showCollapseAll: true }),
    vscode.window.createTreeView('til.notesByTopic', { treeDataProvider: byTopic, showCollapseAll: true }),
  ];
  // The walkthrough's "Browse your notes" step: the view was shown, in this session or an earlier one.
  const browsed = () => markStepDone(services, 'browse');
  const visibility = views.map((view) => view.onDidChangeVisibility((e) => e.visible && browsed()));
  if (views.some((view) => view.visible)) browsed();
  let loaded = !options.loading;
  // Only the starter notes: the day view says so, once and briefly (the starter row's tooltip says more); the topic
  // view below it does not repeat it. The welcome text shows only when a view is empty.
  const showMessage = () => {
    if (!loaded) return;
    const starterOnly = services.index.size > 0 && !services.index.hasUserNotes();
    views[0].message = starterOnly ? vscode.l10n.t('None of your notes found yet: run TIL: Choose Notes Folder…') : undefined;
    views[1].message = undefined;
  };
  if (options.loading) {
    for (const view of views) view.message = vscode.l10n.t('Indexing your TIL notes…');
    const done = () => {
      loaded = true;
      showMessage();
    };
    options.loading.then(done, done);
  }
  const disposables = [byDay, byTopic, ...views, ...visibility, ...subscriptions, indexChanged, { dispose: () => clearTimeout(timer) }];
  return vscode.Disposable.from(...disposables);
}
