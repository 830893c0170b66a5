// Statistics over the review log and progress, and the Mermaid chart sources built from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { ProgressBook } from '../../src/core/quiz/progress';
import { Scheduler } from '../../src/core/quiz/scheduler';
import { createSession } from '../../src/core/quiz/session';
import { quizStats } from '../../src/core/quiz/stats';
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
