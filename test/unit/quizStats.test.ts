// Statistics over the review log and progress, and the Mermaid chart sources built from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { ProgressBook } from '../../src/core/quiz/progress';
import { Scheduler } from '../../src/core/quiz/scheduler';
import { createSession } from '../../src/core/quiz/session';
import { quizStats } from '../../src/core/quiz/stats';
import { selectTerms } from '../../src/core/quiz/scope';
import { isAskableTerm } from '../../src/core/quiz/termChoices';
import type { Term } from '../../src/core/model';
import { chartLabel, statsCharts, type ChartLabels } from '../../src/core/quiz/statsCharts';
import { seededRng } from '../../src/core/random';

const DAY = 86_400_000;
const T0 = new Date(2025, 2, 10, 12, 0, 0);

const NOTE = `# 2025-03-10 TIL

## 프로세스

> 프로세스와 스레드는 무엇이 다른가요?

스레드는 주소 공간을 나눠 쓴다.

> 문맥 교환은 언제 일어나나요?

타이머 인터럽트.

## WebRTC

> Who sends the SDP answer?

The callee.
`;

const LABELS: ChartLabels = {
  reviewsPerDay: 'Reviews per day',
  reviews: 'Reviews',
  again: 'Again',
  retention: 'True retention',
  target: 'Target',
  forecast: 'Due in the next 30 days',
  due: 'Due',
  coverageTopics: 'Coverage per topic',
  coverageDays: 'Coverage per day of notes',
  cards: 'Cards',
  studied: 'Studied',
  notStudied: 'New',
  hidden: 'Hidden',
  overall: 'All cards',
};

function studied() {
  const index = new NoteIndex();
  index.upsert(parseNote('/n/til.md', NOTE));
  let t = T0.getTime() - 20 * DAY;
  const now = () => new Date(t);
  const book = new ProgressBook();
  const deps = { book, scheduler: new Scheduler(), now, rng: seededRng(1) };
  // Day -20: learn everything; then review whatever is due every day, forgetting the SDP card each time it is in review.
  for (let day = 0; day <= 20; day++) {
    const s = createSession(index, { scope: 'due' }, deps);
    while (!s.done) {
      const item = s.current()!;
      s.grade(item.kind === 'card' && item.question.startsWith('Who sends') && book.card(item.key)?.state === 2 ? 1 : 3);
      if (s.progress().reviewed > 20) break;
    }
    t += DAY;
  }
  return { index, book, now: new Date(t - DAY) };
}

test('stats: reviews per day, true retention of review-state cards, forecast, hardest cards, coverage', () => {
  const { index, book, now } = studied();
  const stats = quizStats(index.cardGroups(), index.days(), book, now, { target: 0.9 });
  assert.equal(stats.days.length, 30);
  const total = stats.reviewsPerDay.reduce((a, b) => a + b, 0);
  assert.equal(total, book.log.entries.filter((e) => e.kind === 'card').length, 'every review in the last 30 days is counted');
  assert.ok(stats.againPerDay.reduce((a, b) => a + b, 0) > 0);
  assert.ok(stats.retention.weeks.length > 0, 'some weeks had reviews of cards in review');
  for (const r of stats.retention.rate) assert.ok(r >= 0 && r <= 1);
  assert.equal(
    stats.forecast.due.reduce((a, b) => a + b, 0),
    3,
    'each studied card is due once in the forecast (or overdue on day one)',
  );
  assert.equal(stats.hardest[0].question, 'Who sends the SDP answer?', 'the card failed every day is the hardest');
  assert.deepEqual(stats.topics.map((r) => [r.topic, r.total, r.studied]).sort(), [
    ['os', 2, 2],
    ['webrtc', 1, 1],
  ]);
  assert.deepEqual(
    stats.noteDays.map((r) => [r.label, r.total, r.studied]),
    [['2025-03-10', 3, 3]],
  );
  assert.equal(stats.totals.studied, 3);
  assert.equal(stats.totals.questions, stats.totals.cards, "every card is one of the notes' questions here");
});

/** The note above with five terms it explains (lines inside its day), as "Name the term" asks them. */
function withTerms() {
  const parsed = parseNote('/n/til.md', NOTE);
  const term = (name: string, topic: Term['topic'], summary: string, line: number): Term => ({
    term: name,
    aliases: [],
    file: '/n/til.md',
    line,
    summary,
    topic,
    source: 'definition',
    weight: 5,
  });
  const index = new NoteIndex();
  index.upsert({
    ...parsed,
    terms: [
      term('Address space', 'os', 'The range of memory a program may use.', 7),
      term('Context switch', 'os', 'Saving one task and loading another on the CPU.', 11),
      term('Timer interrupt', 'os', 'A tick from the clock that hands control back to the kernel.', 11),
      term('Scheduler', 'os', 'The part of the kernel that picks who runs next.', 9),
      term('Callee', 'webrtc', 'The side that answers an offer.', 17),
    ],
  });
  return index;
}

test('stats count the answers of "Name the term" in reviews, studied, due and coverage', () => {
  const index = withTerms();
  const terms = selectTerms(index, { scope: 'due' }).filter(isAskableTerm);
  assert.equal(terms.length, 5, 'every term can be asked');
  const book = new ProgressBook();
  let t = T0.getTime() - 2 * DAY;
  const deps = { book, scheduler: new Scheduler(), now: () => new Date(t), rng: seededRng(3) };
  // Two days ago: name every term, the first one wrongly; no card is answered.
  const session = createSession(index, { scope: 'due', mode: 'terms' }, deps);
  assert.equal(session.items.length, 5);
  let first = true;
  while (!session.done) {
    const item = session.current()!;
    assert.equal(item.kind, 'term');
    if (item.kind !== 'term') break;
    session.choose(first ? (item.answer + 1) % item.choices.length : item.answer);
    first = false;
    t += 60_000;
  }
  const logged = book.log.entries.length;
  assert.ok(logged >= 5 && book.log.entries.every((e) => e.kind === 'term'));

  const stats = quizStats(index.cardGroups(), index.days(), book, T0, { target: 0.9 }, terms);
  assert.equal(
    stats.reviewsPerDay.reduce((a, b) => a + b, 0),
    logged,
    'every term answer is a review',
  );
  assert.ok(stats.againPerDay.reduce((a, b) => a + b, 0) >= 1, 'the wrong pick is an Again');
  assert.equal(stats.totals.reviews, logged);
  assert.equal(stats.totals.studied, 5, 'the five terms are studied');
  assert.equal(stats.totals.cards, 3 + 5, "the note's three questions and its five terms");
  assert.equal(stats.totals.terms, 5);
  assert.equal(stats.totals.questions, 3);
  assert.equal(
    stats.forecast.due.reduce((a, b) => a + b, 0),
    5,
    'each studied term is due once in the forecast',
  );
  assert.deepEqual(stats.topics.map((r) => [r.topic, r.total, r.studied]).sort(), [
    ['os', 2 + 4, 4],
    ['webrtc', 1 + 1, 1],
  ]);
  assert.deepEqual(
    stats.noteDays.map((r) => [r.label, r.total, r.studied]),
    [['2025-03-10', 8, 5]],
    "the day's terms count in its coverage",
  );
  const charts = statsCharts(stats, LABELS, 'No reviews yet');
  assert.ok(charts.find((c) => c.id === 'reviews')!.source, 'the reviews chart is drawn for term answers alone');
  assert.match(charts.find((c) => c.id === 'overall')!.source!, /"Studied" : 5\n {2}"New" : 3$/);
});

test('charts: one Mermaid source per chart with the numbers; nothing to draw says so; labels cannot break out', () => {
  const { index, book, now } = studied();
  const charts = statsCharts(quizStats(index.cardGroups(), index.days(), book, now, { target: 0.9 }), LABELS, 'No reviews yet');
  assert.deepEqual(
    charts.map((c) => c.id),
    ['reviews', 'retention', 'forecast', 'topics', 'noteDays', 'overall'],
  );
  for (const c of charts) assert.ok(c.source, `${c.id} has a chart`);
  assert.match(
    charts[0].source!,
    /^xychart-beta\n {2}x-axis \["\d\d-\d\d", " ", " ", " ", " ", "\d\d-\d\d", /,
    'every fifth date labelled',
  );
  assert.match(charts[1].source!, /line \[90(, 90)*\]/, 'the target line');
  // Counts of a few reviews still get whole-number ticks: the axis runs to at least 10.
  for (const i of [0, 2, 3, 4]) assert.match(charts[i].source!, /y-axis "[^"]+" 0 --> (\d+)\n/, charts[i].id);
  assert.match(charts[2].source!, /y-axis "Due" 0 --> 10\n/, 'three cards due: the axis still runs to 10');
  assert.match(charts[5].source!, /^pie showData\n {2}"Studied" : 3\n {2}"New" : 0$/);
  for (const c of charts) assert.ok(!/Who sends/.test(c.source!), 'no card text in a chart');
  // Topic names are long ("Operating systems"): bars as rows, their names beside them, never overlapping.
  assert.match(charts[3].source!, /^xychart-beta horizontal\n/);
  assert.match(charts[4].source!, /^xychart-beta\n/, 'one day fits its label upright');

  const empty = statsCharts(
    quizStats(index.cardGroups(), index.days(), new ProgressBook(), now, { target: 0.9 }),
    LABELS,
    'No reviews yet',
  );
  assert.equal(empty[0].source, undefined);
  assert.equal(empty[0].summary, 'No reviews yet');
  assert.equal(chartLabel('a" ]\n%%{init: {"theme":"dark"}}%%'), 'a init: theme : dark');
  const hostile = statsCharts(
    quizStats(index.cardGroups(), index.days(), book, now, { target: 0.9 }),
    { ...LABELS, reviews: 'R"]\n  bar [1' },
    '',
  );
  assert.ok(!hostile[0].source!.includes('R"'), 'a label cannot close its string');
  assert.equal(hostile[0].source!.split('\n').length, 5, 'nor add a line');
});

test('charts: day labels that do not fit side by side are cut and slanted, never overlapping', () => {
  const { index, book, now } = studied();
  const stats = quizStats(index.cardGroups(), index.days(), book, now, { target: 0.9 });
  const row = (label: string) => ({ label, total: 4, studied: 1, mature: 0 });
  const few = statsCharts({ ...stats, noteDays: ['2025-01-13', '2025-01-14', '2025-01-15'].map(row) }, LABELS, '');
  assert.match(few[4].source!, /^xychart-beta\n {2}x-axis \["01-13", "01-14", "01-15"\]/);
  const many = statsCharts(
    {
      ...stats,
      noteDays: [...Array.from({ length: 13 }, (_, i) => `2025-01-${String(i + 10)}`), '컨테이너 오케스트레이션 복습 정리'].map(row),
    },
    LABELS,
    '',
  );
  const source = many[4].source!;
  assert.match(source, /^---\nconfig:\n {2}xyChart:\n {4}xAxis:\n {6}labelRotation: -45\n---\nxychart-beta\n/);
  assert.match(source, /"컨테이너 오케스트레이…"/, 'a long title is cut on the axis');
  assert.match(many[4].summary, /컨테이너 오케스트레이션 복습 정리: 1\/4/, 'and whole in the summary');
});
