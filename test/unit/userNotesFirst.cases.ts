// Code positions whose concept the user's notes explain (as a heading, a bold term, a definition, a question or a
// mention) and that the bundled glossary maps to a concept. Shared by the unit test and the CLI/UI tests.

export interface CodePosition {
  language: 'c' | 'yaml' | 'javascript' | 'java';
  code: string;
  /** The word hovered (its first occurrence in `code`). */
  at: string;
}

export const C_POSITIONS: CodePosition[] = [
  { language: 'c', code: '    pid_t child = fork();', at: 'fork' },
  { language: 'c', code: '    execvp(argv[0], argv);', at: 'execvp' },
  { language: 'c', code: '    waitpid(child, &status, 0);', at: 'waitpid' },
  { language: 'c', code: '    exit(EXIT_FAILURE);', at: 'exit' },
  { language: 'c', code: '    printf("%d\\n", getpid());', at: 'getpid' },
  { language: 'c', code: '    if (pipe(fds) == -1) return 1;', at: 'pipe' },
  { language: 'c', code: '    void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);', at: 'mmap' },
  { language: 'c', code: '    ioctl(fd, TIOCGWINSZ, &ws);', at: 'ioctl' },
  { language: 'c', code: '    alarm(5);', at: 'alarm' },
  { language: 'c', code: '    pthread_create(&worker, NULL, run, NULL);', at: 'pthread_create' },
  { language: 'c', code: '    pthread_mutex_lock(&lock);', at: 'pthread_mutex_lock' },
  { language: 'c', code: '    sem_wait(&slots);', at: 'sem_wait' },
  { language: 'c', code: '    pthread_spin_lock(&spin);', at: 'pthread_spin_lock' },
  { language: 'c', code: '    syscall(SYS_futex, addr, FUTEX_WAIT, 1, NULL, NULL, 0);', at: 'FUTEX_WAIT' },
  { language: 'c', code: '    if (setsid() < 0) exit(1);', at: 'setsid' },
];

export const YAML_POSITIONS: CodePosition[] = [
  { language: 'yaml', code: 'kind: Deployment', at: 'Deployment' },
  { language: 'yaml', code: 'kind: ReplicaSet', at: 'ReplicaSet' },
  { language: 'yaml', code: '  replicas: 3', at: 'replicas' },
  { language: 'yaml', code: '    matchLabels:', at: 'matchLabels' },
  { language: 'yaml', code: 'kind: Service', at: 'Service' },
  { language: 'yaml', code: '  type: NodePort', at: 'NodePort' },
  { language: 'yaml', code: '      nodePort: 30080', at: 'nodePort' },
  { language: 'yaml', code: '      targetPort: 8080', at: 'targetPort' },
  { language: 'yaml', code: '  type: ClusterIP', at: 'ClusterIP' },
  { language: 'yaml', code: '  type: LoadBalancer', at: 'LoadBalancer' },
];

export const JS_POSITIONS: CodePosition[] = [
  { language: 'javascript', code: 'const offer = await pc.createOffer();', at: 'createOffer' },
  { language: 'javascript', code: 'const answer = await pc.createAnswer();', at: 'createAnswer' },
  { language: 'javascript', code: 'await pc.addIceCandidate(new RTCIceCandidate(msg.candidate));', at: 'RTCIceCandidate' },
  { language: 'javascript', code: "const signal = new WebSocket('wss://example.invalid/signal');", at: 'WebSocket' },
];

export const JAVA_POSITIONS: CodePosition[] = [
  { language: 'java', code: 'public record MemberDto(String name, String email) {}', at: 'record' },
  { language: 'java', code: 'public record MemberDto(String name, String email) {}', at: 'MemberDto' },
  { language: 'java', code: 'private final Semaphore permits = new Semaphore(3);', at: 'Semaphore' },
  { language: 'java', code: '    synchronized (this) { count++; }', at: 'synchronized' },
];

export const ALL_POSITIONS = [...C_POSITIONS, ...YAML_POSITIONS, ...JS_POSITIONS, ...JAVA_POSITIONS];
