// The DOM of each quiz screen (card, term choice, summary, empty). The panel's state, messages and
// keys stay in main.ts; the screens call back into it through ScreenHost.
import type {
  CardAction,
  CardView,
  Grade,
  HostToWebview,
  NoticeView,
  QuizStrings,
  SummaryView,
  TermView,
  WebviewToHost,
} from '../../shared/quizProtocol';
import { format } from '../../shared/webviewProtocol';
import { el } from './dom';

/** The answer shown after a term was picked. */
export type Chosen = Extract<HostToWebview, { type: 'chosen' }>;

/** What the screens need from the panel: where to draw, its strings, and what the controls do. */
export interface ScreenHost {
  readonly screen: HTMLElement;
  /** Announced by screen readers. */
  readonly live: HTMLElement;
  strings(): QuizStrings;
  post(message: WebviewToHost): void;
  revealAnswer(): void;
  grade(g: Grade): void;
  choose(i: number): void;
  nextItem(): void;
  act(action: CardAction): void;
  undo(key: string): void;
}

/** What the last action did, with an Undo for suspend / not a question. */
function noticeBar(host: ScreenHost, notice: NoticeView | undefined): HTMLElement[] {
  if (!notice) return [];
  const s = host.strings();
  const text =
    notice.action === 'skip'
      ? s.skipped
      : notice.action === 'suspend'
        ? s.suspended
        : notice.action === 'notQuestion'
          ? s.notQuestionDone
          : format(s.buried, notice.removed);
  const bar = el('div', { class: 'notice', role: 'status' }, el('span', {}, text));
  if (notice.undoKey) {
    const key = notice.undoKey;
    const undo = el('button', { class: 'link-button undo' }, s.undo);
    undo.addEventListener('click', () => host.undo(key));
    bar.append(undo);
  }
  host.live.textContent = text;
  return [bar];
}

/** Skip (any item); suspend, not a question and bury siblings (cards). */
function cardActions(host: ScreenHost, item: CardView | TermView): HTMLElement {
  const s = host.strings();
  const row = el('div', { class: 'card-actions', role: 'group', 'aria-label': s.actionsLabel });
  const labels: Record<CardAction, string> = { skip: s.skip, suspend: s.suspend, notQuestion: s.notQuestion, burySiblings: s.burySiblings };
  const actions: CardAction[] = item.kind === 'card' ? ['skip', 'suspend', 'notQuestion', 'burySiblings'] : ['skip'];
  for (const action of actions) {
    const b = el('button', { class: 'secondary card-action', 'data-action': action }, labels[action]);
    b.addEventListener('click', () => host.act(action));
    row.append(b);
  }
  return row;
}

function meta(host: ScreenHost, item: CardView | TermView): HTMLElement {
  const s = host.strings();
  const row = el('div', { class: 'meta' });
  row.append(el('span', { class: 'topic' }, item.topic));
  if (item.kind === 'card') {
    const open = item.opensDiagram ? s.openDiagram : s.openNote;
    const link = el('a', { href: '#', class: 'open-note', role: 'button', 'aria-label': `${open}: ${item.source}` }, open);
    link.addEventListener('click', (e) => {
      e.preventDefault();
      host.post({ type: 'openNote', key: item.key });
    });
    row.append(el('span', { class: 'source' }, item.source), link);
  }
  return row;
}

export function renderCard(host: ScreenHost, card: CardView, revealed: boolean, notice?: NoticeView): void {
  const { screen } = host;
  const s = host.strings();
  const nodes: Node[] = [...noticeBar(host, notice), meta(host, card)];
  const kind =
    card.cardKind && card.cardKind !== 'question'
      ? { cloze: s.kindCloze, reverse: s.kindReverse, diagram: s.kindDiagram }[card.cardKind]
      : undefined;
  if (kind) nodes.push(el('p', { class: `card-kind card-kind-${card.cardKind}` }, kind));
  const question = el(
    'h1',
    { class: `question${card.cardKind === 'reverse' ? ' long' : ''}`, id: 'question', tabindex: '-1' },
    card.question,
  );
  nodes.push(question);
  if (!revealed) {
    const reveal = el(
      'button',
      { class: 'primary reveal', id: 'reveal', 'aria-keyshortcuts': 'Space', 'aria-describedby': 'question' },
      s.reveal,
    );
    reveal.addEventListener('click', () => host.revealAnswer());
    nodes.push(reveal, el('p', { class: 'hint' }, s.revealHint), cardActions(host, card));
    screen.replaceChildren(...nodes);
    reveal.focus();
    return;
  }
  const answer = el('div', { class: 'answer', id: 'answer', role: 'region', 'aria-label': s.answer, tabindex: '-1' });
  answer.innerHTML = card.answerHtml; // sanitised on the host
  const grades = el('div', { class: 'grades', role: 'group', 'aria-label': s.gradeHint });
  const labels: Record<Grade, string> = { 1: s.again, 2: s.hard, 3: s.good, 4: s.easy };
  let good: HTMLButtonElement | undefined;
  for (const g of [1, 2, 3, 4] as Grade[]) {
    const b = el(
      'button',
      {
        class: `grade grade-${g}`,
        'data-grade': String(g),
        'aria-keyshortcuts': String(g),
        'aria-label': `${labels[g]} (${g}), ${card.intervals[g]}`,
      },
      el('span', { class: 'key' }, String(g)),
      el('span', { class: 'label' }, labels[g]),
      el('span', { class: 'interval' }, card.intervals[g]),
    ) as HTMLButtonElement;
    b.addEventListener('click', () => host.grade(g));
    grades.append(b);
    if (g === 3) good = b;
  }
  nodes.push(answer, grades, el('p', { class: 'hint' }, s.gradeHint), cardActions(host, card));
  screen.replaceChildren(...nodes);
  good?.focus();
}

/** `chosen`: the pick for this term in this session, if any. */
export function renderTerm(host: ScreenHost, term: TermView, chosen: Chosen | undefined, notice?: NoticeView): void {
  const { screen } = host;
  const s = host.strings();
  const nodes: Node[] = [
    ...noticeBar(host, notice),
    meta(host, term),
    el('h1', { class: 'question', id: 'question', tabindex: '-1' }, s.whichTerm),
  ];
  const prompt = el('div', { class: 'answer prompt', role: 'region', 'aria-label': s.whichTerm });
  prompt.innerHTML = term.promptHtml; // sanitised on the host
  nodes.push(prompt);
  const list = el('div', { class: 'choices', role: 'group', 'aria-label': s.chooseHint });
  const buttons: HTMLButtonElement[] = [];
  term.choices.forEach((choice, i) => {
    const b = el(
      'button',
      { class: 'choice', 'aria-keyshortcuts': String(i + 1) },
      el('span', { class: 'key' }, String(i + 1)),
      el('span', { class: 'label' }, choice),
    ) as HTMLButtonElement;
    if (chosen) {
      b.disabled = i !== chosen.answer && i !== chosen.choice;
      if (i === chosen.answer) b.classList.add('right');
      else if (i === chosen.choice) b.classList.add('wrong');
      b.setAttribute('aria-disabled', 'true');
    } else {
      b.addEventListener('click', () => host.choose(i));
    }
    buttons.push(b);
    list.append(b);
  });
  nodes.push(list);
  if (chosen) {
    const feedback = el(
      'p',
      { class: `feedback ${chosen.correct ? 'right' : 'wrong'}`, role: 'status' },
      chosen.correct ? s.correct : format(s.wrong, term.choices[chosen.answer] ?? ''),
    );
    const explanation = el('div', { class: 'answer explanation' });
    explanation.innerHTML = chosen.explanationHtml; // sanitised on the host
    const next = el('button', { class: 'primary next', 'aria-keyshortcuts': 'Space Enter' }, s.next);
    next.addEventListener('click', () => host.nextItem());
    nodes.push(feedback, explanation, next);
    screen.replaceChildren(...nodes);
    next.focus();
    return;
  }
  nodes.push(el('p', { class: 'hint' }, s.chooseHint), cardActions(host, term));
  screen.replaceChildren(...nodes);
  buttons[0]?.focus();
}

export function renderSummary(host: ScreenHost, summary: SummaryView): void {
  const { screen, live } = host;
  const s = host.strings();
  const title = el('h1', { class: 'question', tabindex: '-1' }, s.summaryTitle);
  const stats = el('ul', { class: 'stats' });
  stats.append(el('li', {}, format(s.summaryReviewed, summary.reviewed)));
  stats.append(el('li', {}, format(s.summaryCorrect, summary.correct, summary.reviewed)));
  if (summary.mode === 'cards') {
    const labels: Record<Grade, string> = { 1: s.again, 2: s.hard, 3: s.good, 4: s.easy };
    const counts = ([1, 2, 3, 4] as Grade[]).map((g) => `${labels[g]} ${summary.counts[g]}`).join(' · ');
    stats.append(el('li', {}, counts));
  }
  if (summary.nextDue) stats.append(el('li', {}, format(s.summaryNextDue, summary.nextDue)));
  const nodes: Node[] = [title, stats];
  if (summary.missed.length) {
    const list = el('ul', { class: 'missed' });
    for (const m of summary.missed) list.append(el('li', {}, m));
    nodes.push(el('h2', {}, s.summaryMissed), list);
  }
  nodes.push(actions(host));
  screen.replaceChildren(...nodes);
  title.focus();
  live.textContent = `${s.summaryTitle} ${format(s.summaryReviewed, summary.reviewed)}`;
}

export function renderEmpty(host: ScreenHost, message: string): void {
  const s = host.strings();
  const title = el('h1', { class: 'question', tabindex: '-1' }, s.emptyTitle);
  host.screen.replaceChildren(title, el('p', {}, message || s.emptyBody), actions(host));
  title.focus();
}

function actions(host: ScreenHost): HTMLElement {
  const s = host.strings();
  const row = el('div', { class: 'actions' });
  const restart = el('button', { class: 'primary' }, s.restart);
  restart.addEventListener('click', () => host.post({ type: 'restart' }));
  const close = el('button', {}, s.close);
  close.addEventListener('click', () => host.post({ type: 'close' }));
  row.append(restart, close);
  return row;
}
