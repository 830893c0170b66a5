// Synthetic TIL notes for the benchmark: Korean study notes in the style people actually write them
// (day headings in mixed styles, topic sections, blockquote / heading / <aside> questions with answers,
// bold definitions, nested lists, code blocks, now and then a mermaid diagram). Deterministic for a seed.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { seededRng as mulberry32, type Rng } from '../src/core/random';

export type { Rng };

const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
const chance = (rng: Rng, p: number) => rng() < p;

// ---- vocabulary (written for this benchmark) ----

interface TermWord {
  ko: string;
  en?: string;
}
interface Topic {
  sections: string[];
  terms: TermWord[];
  objects: string[];
  code: Array<{ lang: string; lines: string[] }>;
}

const t = (ko: string, en?: string): TermWord => ({ ko, en });

const TOPICS: Topic[] = [
  {
    sections: ['OS', '운영 체제', '운영체제', 'OS 스터디', '프로세스와 스레드', '동기화'],
    terms: [
      t('프로세스', 'Process'),
      t('스레드', 'Thread'),
      t('뮤텍스', 'Mutex'),
      t('세마포어', 'Semaphore'),
      t('교착 상태', 'Deadlock'),
      t('컨텍스트 스위칭', 'Context Switching'),
      t('시스템 콜', 'System Call'),
      t('인터럽트', 'Interrupt'),
      t('페이징', 'Paging'),
      t('세그멘테이션', 'Segmentation'),
      t('가상 메모리', 'Virtual Memory'),
      t('스핀락', 'Spinlock'),
      t('임계 구역', 'Critical Section'),
      t('경쟁 상태', 'Race Condition'),
      t('모니터', 'Monitor'),
      t('기아 상태', 'Starvation'),
      t('에이징', 'Aging'),
      t('PCB'),
      t('TCB'),
      t('좀비 프로세스', 'Zombie Process'),
      t('고아 프로세스', 'Orphan Process'),
      t('데몬 프로세스', 'Daemon'),
      t('스와핑', 'Swapping'),
      t('페이지 폴트', 'Page Fault'),
      t('TLB'),
      t('스케줄러', 'Scheduler'),
      t('라운드 로빈', 'Round Robin'),
      t('선점형 스케줄링', 'Preemptive Scheduling'),
      t('FCFS'),
      t('SJF'),
      t('MLFQ'),
      t('듀얼 모드', 'Dual Mode'),
      t('커널 모드', 'Kernel Mode'),
      t('사용자 모드', 'User Mode'),
      t('폴링', 'Polling'),
      t('공유 메모리', 'Shared Memory'),
      t('파이프', 'Pipe'),
      t('메시지 큐', 'Message Queue'),
      t('IPC'),
      t('fork'),
      t('exec'),
      t('조건 변수', 'Condition Variable'),
      t('피터슨 알고리즘', "Peterson's Algorithm"),
      t('스택 영역', 'Stack'),
      t('힙 영역', 'Heap'),
    ],
    objects: [
      '임계 구역',
      '공유 자원',
      '레지스터 값',
      '페이지 테이블',
      '준비 큐',
      '커널 스택',
      '주소 공간',
      '파일 디스크립터',
      '프로그램 카운터',
      'CPU 시간',
      '물리 메모리',
      '인터럽트 벡터',
      '자식 프로세스',
      '락 변수',
      '대기 큐',
    ],
    code: [
      {
        lang: 'c',
        lines: [
          'pid_t pid = fork();',
          'if (pid == 0) {',
          '    execlp("/bin/ls", "ls", NULL);',
          '} else {',
          '    wait(NULL);',
          '    printf("child done\\n");',
          '}',
        ],
      },
      {
        lang: 'c',
        lines: [
          'pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;',
          'void *worker(void *arg) {',
          '    pthread_mutex_lock(&lock);',
          '    counter++;',
          '    pthread_mutex_unlock(&lock);',
          '    return NULL;',
          '}',
        ],
      },
      {
        lang: 'c',
        lines: [
          'sem_t slots;',
          'sem_init(&slots, 0, BUFFER_SIZE);',
          'while (1) {',
          '    sem_wait(&slots);',
          '    produce(buffer);',
          '    sem_post(&items);',
          '}',
        ],
      },
      { lang: 'bash', lines: ['ps -ef | grep defunct', 'cat /proc/$$/status', 'ulimit -s', 'strace -c ls'] },
    ],
  },
  {
    sections: ['CKA', 'Kubernetes', '쿠버네티스', 'k8s 정리', 'CKA 대비'],
    terms: [
      t('파드', 'Pod'),
      t('디플로이먼트', 'Deployment'),
      t('레플리카셋', 'ReplicaSet'),
      t('서비스', 'Service'),
      t('노드포트', 'NodePort'),
      t('클러스터IP', 'ClusterIP'),
      t('로드밸런서', 'LoadBalancer'),
      t('네임스페이스', 'Namespace'),
      t('컨트롤 플레인', 'Control Plane'),
      t('스케줄러', 'kube-scheduler'),
      t('kubelet'),
      t('etcd'),
      t('라벨 셀렉터', 'Label Selector'),
      t('롤링 업데이트', 'Rolling Update'),
      t('데몬셋', 'DaemonSet'),
      t('스테이트풀셋', 'StatefulSet'),
      t('컨피그맵', 'ConfigMap'),
      t('시크릿', 'Secret'),
      t('인그레스', 'Ingress'),
      t('테인트', 'Taint'),
      t('톨러레이션', 'Toleration'),
      t('노드 어피니티', 'Node Affinity'),
      t('kube-proxy'),
      t('kubectl'),
    ],
    objects: [
      'YAML 매니페스트',
      '컨테이너 이미지',
      '워커 노드',
      '파드 템플릿',
      '라벨',
      '클러스터 상태',
      '엔드포인트',
      '포트 번호',
      '복제본 수',
      'API 서버',
    ],
    code: [
      {
        lang: 'yaml',
        lines: [
          'apiVersion: apps/v1',
          'kind: Deployment',
          'metadata:',
          '  name: web',
          'spec:',
          '  replicas: 3',
          '  selector:',
          '    matchLabels:',
          '      app: web',
          '  template:',
          '    metadata:',
          '      labels:',
          '        app: web',
          '    spec:',
          '      containers:',
          '        - name: nginx',
          '          image: nginx:1.25',
        ],
      },
      {
        lang: 'yaml',
        lines: [
          'apiVersion: v1',
          'kind: Service',
          'metadata:',
          '  name: web-svc',
          'spec:',
          '  type: NodePort',
          '  ports:',
          '    - port: 80',
          '      targetPort: 80',
          '      nodePort: 30080',
        ],
      },
      {
        lang: '',
        lines: [
          'kubectl run nginx --image=nginx --dry-run=client -o yaml > pod.yaml',
          'kubectl get pods -o wide',
          'kubectl scale rs web --replicas=5',
        ],
      },
    ],
  },
  {
    sections: ['WebRTC', '화상 회의 구현', '실시간 통신', '미디어 서버'],
    terms: [
      t('시그널링', 'Signaling'),
      t('ICE'),
      t('STUN'),
      t('TURN'),
      t('SDP'),
      t('SFU'),
      t('MCU'),
      t('메시', 'Mesh'),
      t('NAT'),
      t('피어 커넥션', 'RTCPeerConnection'),
      t('미디어 스트림', 'MediaStream'),
      t('데이터 채널', 'DataChannel'),
      t('오퍼', 'Offer'),
      t('앤서', 'Answer'),
      t('ICE 후보', 'ICE Candidate'),
      t('Kurento'),
      t('OpenVidu'),
      t('코덱', 'Codec'),
      t('지터 버퍼', 'Jitter Buffer'),
    ],
    objects: ['미디어 트랙', '공인 IP', '시그널링 서버', '영상 패킷', '대역폭', '브라우저', '연결 정보', '클라이언트', '세션'],
    code: [
      {
        lang: 'javascript',
        lines: [
          'const pc = new RTCPeerConnection({ iceServers: [{ urls: "stun:stun.l.google.com:19302" }] });',
          'stream.getTracks().forEach((track) => pc.addTrack(track, stream));',
          'const offer = await pc.createOffer();',
          'await pc.setLocalDescription(offer);',
          'socket.emit("offer", offer);',
          'pc.onicecandidate = (e) => e.candidate && socket.emit("candidate", e.candidate);',
        ],
      },
    ],
  },
  {
    sections: ['Web', 'WAS와 웹 서버', '백엔드', '서버'],
    terms: [
      t('웹 서버', 'Web Server'),
      t('WAS'),
      t('서블릿', 'Servlet'),
      t('서블릿 컨테이너', 'Servlet Container'),
      t('CGI'),
      t('정적 콘텐츠', 'Static Content'),
      t('동적 콘텐츠', 'Dynamic Content'),
      t('리버스 프록시', 'Reverse Proxy'),
      t('로드 밸런싱', 'Load Balancing'),
      t('톰캣', 'Tomcat'),
      t('Nginx'),
      t('커넥션 풀', 'Connection Pool'),
      t('스레드 풀', 'Thread Pool'),
    ],
    objects: ['HTTP 요청', '정적 파일', '비즈니스 로직', 'DB 커넥션', '응답 헤더', '세션 정보', '요청 스레드'],
    code: [
      {
        lang: 'nginx',
        lines: ['server {', '    listen 80;', '    location /api/ {', '        proxy_pass http://127.0.0.1:8080;', '    }', '}'],
      },
    ],
  },
  {
    sections: ['Java', '자바', 'Record와 DTO', 'Spring'],
    terms: [
      t('레코드', 'Record'),
      t('DTO'),
      t('VO'),
      t('엔티티', 'Entity'),
      t('불변 객체', 'Immutable Object'),
      t('롬복', 'Lombok'),
      t('정적 팩토리 메서드', 'Static Factory Method'),
      t('가비지 컬렉션', 'Garbage Collection'),
      t('직렬화', 'Serialization'),
      t('제네릭', 'Generics'),
    ],
    objects: ['필드 값', '생성자', '접근자 메서드', '컴팩트 생성자', 'equals와 hashCode', '계층 간 데이터', '힙 메모리', '컬렉션'],
    code: [
      {
        lang: 'java',
        lines: [
          'public record MemberResponse(Long id, String name, String email) {',
          '    public MemberResponse {',
          '        Objects.requireNonNull(name);',
          '    }',
          '    public static MemberResponse from(Member member) {',
          '        return new MemberResponse(member.getId(), member.getName(), member.getEmail());',
          '    }',
          '}',
        ],
      },
      { lang: 'java', lines: ['synchronized (this) {', '    count++;', '}', 'ExecutorService pool = Executors.newFixedThreadPool(4);'] },
    ],
  },
];

const CONNECTIVES = [
  '즉,',
  '따라서',
  '반면에',
  '예를 들어,',
  '이때',
  '결과적으로',
  '일반적으로',
  '그래서',
  '다만',
  '또한',
  '정리하면,',
  '',
];
const ADVERBS = ['직접', '한 번에 하나씩', '순서대로', '안전하게', '효율적으로', '주기적으로', '필요할 때만', '미리', '동시에', '잠시', ''];
// Verb stems (all end in a vowel): `보호하` → 보호한다 / 보호하는데 / 보호하는.
const VERBS = [
  '보호하',
  '저장하',
  '전환하',
  '할당하',
  '해제하',
  '관리하',
  '전달하',
  '복사하',
  '참조하',
  '줄여 주',
  '늘리',
  '기다리게 하',
  '검사하',
  '다시 불러오',
  '나누어 처리하',
  '공유하',
  '기록해 두',
  '대신 처리하',
  '제한하',
];
/** 하 → 한다: add the final ㄴ to the stem's last syllable. */
const plainForm = (stem: string) => stem.slice(0, -1) + String.fromCharCode(stem.charCodeAt(stem.length - 1) + 4) + '다';
const REASONS = [
  '성능 때문이다',
  '자원을 아끼기 위해서다',
  '안정성을 높이기 위해서다',
  '충돌을 막기 위해서다',
  '구현이 단순해지기 때문이다',
  '오버헤드가 크기 때문이다',
  '확장성을 고려한 설계다',
  '운영체제가 그렇게 보장하기 때문이다',
];
const ENDINGS = ['이다.', '을 말한다.', '라고 볼 수 있다.', '에 해당한다.', '이라고 한다.'];
const ASIDE_TITLES = ['명령어로 빠르게 만들기', '자주 헷갈리는 부분', '시험에 나온 부분', '직접 해 보고 알게 된 점', '정리해 둘 것'];
const MERMAID = [
  ['flowchart LR', '  New --> Ready', '  Ready --> Running', '  Running --> Waiting', '  Waiting --> Ready', '  Running --> Terminated'],
  [
    'sequenceDiagram',
    '  participant A as Peer A',
    '  participant S as Signaling',
    '  participant B as Peer B',
    '  A->>S: offer',
    '  S->>B: offer',
    '  B->>S: answer',
    '  S->>A: answer',
  ],
  ['graph TD', '  Deployment --> ReplicaSet', '  ReplicaSet --> Pod1[Pod]', '  ReplicaSet --> Pod2[Pod]'],
];

// ---- Korean particles: 은/는, 이/가, 을/를, 와/과 by final consonant ----

function hasBatchim(word: string): boolean {
  const w = word.trim();
  const last = w.charCodeAt(w.length - 1);
  if (last >= 0xac00 && last <= 0xd7a3) return (last - 0xac00) % 28 !== 0;
  return /(?:[mnl]|ng)$/i.test(w); // English, read aloud: roughly
}
const topicP = (w: string) => w + (hasBatchim(w) ? '은' : '는');
const subjP = (w: string) => w + (hasBatchim(w) ? '이' : '가');
const objP = (w: string) => w + (hasBatchim(w) ? '을' : '를');
const andP = (w: string) => w + (hasBatchim(w) ? '과' : '와');

const name = (w: TermWord) => w.ko;
const full = (w: TermWord) => (w.en && w.en !== w.ko ? `${w.ko}(${w.en})` : w.ko);
/** The particle that follows the Korean name, for `뮤텍스(Mutex)는`. */
const particleOf = (w: TermWord, withParticle: (x: string) => string) => withParticle(w.ko).slice(w.ko.length);

// ---- blocks ----

function sentence(rng: Rng, topic: Topic): string {
  const term = name(pick(rng, topic.terms));
  const obj = pick(rng, topic.objects);
  const conn = pick(rng, CONNECTIVES);
  const adv = pick(rng, ADVERBS);
  const verb = pick(rng, VERBS);
  const head = [conn, subjP(term), objP(obj), adv].filter(Boolean).join(' ');
  if (chance(rng, 0.25)) return `${head} ${verb}는데, 이는 ${pick(rng, REASONS)}.`;
  if (chance(rng, 0.15))
    return `${head} ${plainForm(verb)}. 이것은 \`${pick(rng, topic.code).lines[0].split(/[ (]/)[0]}\` 같은 코드에서 확인할 수 있다.`;
  return `${head} ${plainForm(verb)}.`;
}

function paragraph(rng: Rng, topic: Topic, n = int(rng, 2, 4)): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = sentence(rng, topic);
    if (chance(rng, 0.2)) s = s.replace(/(\S+ \S+)\.$/, '**$1**.');
    out.push(s);
  }
  return out.join(' ');
}

function definition(rng: Rng, topic: Topic): string {
  const w = pick(rng, topic.terms);
  const obj = pick(rng, topic.objects);
  const desc = `${pick(rng, [`${obj}에 대한 접근을`, `${objP(obj)} 다루면서`, `${obj} 단위로`, `${obj}에 맞춰`])} ${pick(rng, VERBS)}는 기법`;
  switch (int(rng, 0, 3)) {
    case 0:
      return `**${full(w)}**${particleOf(w, topicP)} ${desc}${pick(rng, ENDINGS)} ${sentence(rng, topic)}`;
    case 1:
      return `**${name(w)}** : ${desc}. ${sentence(rng, topic)}`;
    case 2:
      return `${full(w)}: ${desc}${pick(rng, ENDINGS)}`;
    default:
      return `**${full(w)}${particleOf(w, topicP)} ${desc}${pick(rng, ENDINGS)}**`;
  }
}

function list(rng: Rng, topic: Topic): string {
  const numbered = chance(rng, 0.35);
  const lines: string[] = [];
  const n = int(rng, 2, 5);
  for (let i = 0; i < n; i++) {
    const marker = numbered ? `${i + 1}.` : '-';
    if (chance(rng, 0.3)) {
      lines.push(`${marker} **${name(pick(rng, topic.terms))}**`);
      for (let j = int(rng, 1, 3); j > 0; j--) lines.push(`    - ${sentence(rng, topic)}`);
    } else {
      lines.push(`${marker} ${sentence(rng, topic)}`);
    }
  }
  return lines.join('\n');
}

function codeBlock(rng: Rng, topic: Topic): string {
  const c = pick(rng, topic.code);
  return ['```' + c.lang, ...c.lines, '```'].join('\n');
}

function question(rng: Rng, topic: Topic): string {
  const a = name(pick(rng, topic.terms));
  let b = name(pick(rng, topic.terms));
  if (b === a) b = name(topic.terms[(topic.terms.findIndex((x) => x.ko === a) + 1) % topic.terms.length]);
  return pick(rng, [
    `${topicP(a)} 무엇인가요?`,
    `${a}에 대해 설명해 주세요.`,
    `${andP(a)} ${b}의 차이는 무엇인가요?`,
    `${subjP(a)} 필요한 이유는 무엇일까요?`,
    `${objP(a)} 사용할 때 주의할 점은 무엇인가요?`,
    `${a}의 동작 과정을 설명해 주세요.`,
    `${a} 없이 ${objP(b)} 구현할 수 있을까요?`,
    `그렇다면, ${topicP(a)} ${objP(b)} 어떻게 다루나요?`,
  ]);
}

function questionBlock(rng: Rng, topic: Topic, sectionDepth: number, budget: number): string {
  const q = question(rng, topic);
  const out: string[] = [];
  switch (int(rng, 0, 9)) {
    case 0:
    case 1:
    case 2:
      out.push(`> ${q}`);
      break;
    case 3:
    case 4:
      out.push(`> ❗**${q}**`);
      break;
    case 5:
      out.push(`> 💡**${q}**`);
      break;
    case 6:
      out.push(`> **${q}**`);
      break;
    case 7:
      out.push(`${'#'.repeat(Math.min(6, sectionDepth + 1))} ${q}`);
      break;
    case 8:
      out.push(`<aside>\n❗**${q}**\n\n</aside>`);
      break;
    default:
      out.push(`> ❗**${q}**\n> \n> ${paragraph(rng, topic, 2)}`); // answer inside the quote, as in the seeds
  }
  let size = Buffer.byteLength(out[0]);
  while (size < budget) {
    const r = rng();
    const block = r < 0.3 ? paragraph(rng, topic) : r < 0.55 ? definition(rng, topic) : r < 0.85 ? list(rng, topic) : codeBlock(rng, topic);
    out.push(block);
    size += Buffer.byteLength(block) + 2;
  }
  return out.join('\n\n');
}

function dayHeading(rng: Rng, year: number, month: number, day: number): string {
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return pick(rng, [
    `# ${month}월 ${day}일 TIL`,
    `# ${month}월 ${day}일 TIL `,
    `# ${mm}${dd} TIL`,
    `# ${year}-${mm}-${dd}`,
    `# TIL ${year}.${mm}.${dd}`,
    `# ${year}년 ${month}월 ${day}일`,
    `# ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${day}, ${year}`,
  ]);
}

/** One note of about `targetBytes` UTF-8 bytes (default ~4 KB), deterministic for (seed, index). */
export function generateNote(seed: number, index: number, targetBytes = 4096): string {
  const rng = mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const parts: string[] = [];
  const days = chance(rng, 0.2) ? 2 : 1;
  const dayOfYear = index % 365;
  const year = 2024 + (Math.floor(index / 365) % 3);
  const questions = int(rng, 4, 8);
  const budget = Math.max(200, (targetBytes * (0.7 + rng() * 0.16)) / questions - 60);
  let asked = 0;
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(year, 0, 1 + dayOfYear + d));
    parts.push(dayHeading(rng, year, date.getUTCMonth() + 1, date.getUTCDate()));
    if (chance(rng, 0.3)) parts.push(paragraph(rng, pick(rng, TOPICS), 1));
    const sectionCount = days === 2 ? 1 : int(rng, 1, 2);
    for (let s = 0; s < sectionCount; s++) {
      const topic = pick(rng, TOPICS);
      const depth = chance(rng, 0.8) ? 2 : 3;
      parts.push(`${'#'.repeat(depth)} ${pick(rng, topic.sections)}`);
      if (chance(rng, 0.3)) parts.push(`<aside>\n💡 ${pick(rng, ASIDE_TITLES)}: ${sentence(rng, topic)}\n</aside>`);
      const remaining = questions - asked;
      const here =
        d === days - 1 && s === sectionCount - 1
          ? remaining
          : Math.max(1, Math.floor(remaining / (sectionCount * days - (d * sectionCount + s))));
      for (let q = 0; q < here; q++, asked++) parts.push(questionBlock(rng, topic, depth, budget));
      if (chance(rng, 0.12)) parts.push(['```mermaid', ...pick(rng, MERMAID), '```'].join('\n'));
    }
    if (d < days - 1) parts.push('<hr>');
  }
  return parts.join('\n\n') + '\n';
}

/** Notes concatenated until at least `bytes` UTF-8 bytes: one big note for linearity checks. */
export function generateText(seed: number, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const note = generateNote(seed, i);
    parts.push(note);
    size += Buffer.byteLength(note) + 1;
  }
  return parts.join('\n');
}

/** A new question with its answer, to append to a note (for edit benchmarks). */
export function generateEdit(seed: number, n: number): string {
  const rng = mulberry32((seed * 31 + n * 7919) >>> 0);
  const topic = pick(rng, TOPICS);
  return `\n> ❗**${question(rng, topic).replace(/\?$/, '')} (${n}번째 복습)?**\n\n${paragraph(rng, topic)}\n\n${list(rng, topic)}\n`;
}

export interface Corpus {
  dir: string;
  files: string[];
  bytes: number;
}

/** Write `count` notes into `dir` (in sub-folders of 500, as real note repos grow by month). */
export async function writeCorpus(dir: string, count: number, seed = 1): Promise<Corpus> {
  const files: string[] = [];
  let bytes = 0;
  const folders = new Set<string>();
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `batch-${String(Math.floor(i / 500)).padStart(3, '0')}`);
    if (!folders.has(folder)) {
      await fs.mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    files.push(path.join(folder, `til-${String(i).padStart(5, '0')}.md`));
  }
  const lanes = 32;
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < count) {
        const i = next++;
        const text = generateNote(seed, i);
        bytes += Buffer.byteLength(text);
        await fs.writeFile(files[i], text);
      }
    }),
  );
  return { dir, files, bytes };
}
