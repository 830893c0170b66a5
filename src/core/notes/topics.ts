import type { Topic } from '../model';

// Ordered: the first topic whose pattern matches a heading wins.
const TOPIC_PATTERNS: Array<[Topic, RegExp]> = [
  ['webrtc', /webrtc|화상|\bp2p\b|signaling|시그널링|\bICE\b|\bSTUN\b|\bTURN\b|\bSDP\b|\bSFU\b|\bMCU\b|kurento|openvidu|미디어\s?서버|media server|\bmesh\b/i],
  ['kubernetes', /\bCKA\b|쿠버네티스|kubernetes|\bk8s\b|\bpods?\b|포드|파드|replica|레플리카|복제|deployment|kubectl|nodeport|node port|cluster\s?ip|load\s?balancer|\bservices?\b|롤링\s?업데이트/i],
  ['web', /\bWAS\b|웹\s?서버|web\s?server|\bCGI\b|servlet|서블릿|tomcat|톰캣|nginx|apache|web application/i],
  ['java', /java|자바|\brecords?\b|레코드|\bDTO\b|\bVO\b|lombok|롬복/i],
  ['os', /운영\s?체제|\bOS\b|operating system|프로세스|process|스레드|쓰레드|thread|스케[쥴줄]|schedul|인터럽트|interrupt|시스템\s?콜|system call|데드락|deadlock|교착|뮤텍스|mutex|세마포어|semaphore|컨텍스트|context switch|커널|kernel|\bIPC\b|\bPCB\b|\bTCB\b|polling|폴링|fork|스핀\s?락|spin\s?lock|lock.free|wait.free|주소\s?공간|메모리|memory|dual mode|동시성|병렬성|\bFCFS\b|\bSJF\b|\bMLFQ\b/i],
];

export function topicOf(text: string): Topic {
  for (const [topic, pattern] of TOPIC_PATTERNS) if (pattern.test(text)) return topic;
  return 'other';
}

export function topicFromName(name: unknown): Topic | undefined {
  if (typeof name !== 'string') return undefined;
  const t = name.trim().toLowerCase();
  if (['os', 'kubernetes', 'webrtc', 'web', 'java', 'other'].includes(t)) return t as Topic;
  if (t === 'k8s' || t === 'cka') return 'kubernetes';
  const guessed = topicOf(name);
  return guessed === 'other' ? undefined : guessed;
}
