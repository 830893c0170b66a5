/**
 * Built-in diagrams: Mermaid sources for the pictures the notes keep describing in prose.
 * Pure data (no vscode, no DOM). `illustrates` names the note sections / terms a diagram explains
 * (matched against section titles and term names, see link.ts); `nodeLinks` sends a click on a
 * node (Mermaid node id, sequence participant or message text) to the keyword it stands for.
 */
import type { Topic } from '../model';

export interface BuiltinDiagram {
  /** Stable id, also the panel id: `builtin:<name>`. */
  id: string;
  title: string;
  topic: Topic;
  source: string;
  /** Keywords / section titles this diagram illustrates (Korean and English, as the notes write them). */
  illustrates: string[];
  /** Mermaid node id (or participant / message text) → keyword of the note section or term to open. */
  nodeLinks: Record<string, string>;
}

const lines = (...parts: string[]) => parts.join('\n') + '\n';

const processStates: BuiltinDiagram = {
  id: 'builtin:process-states',
  title: 'Process States',
  topic: 'os',
  source: lines(
    'stateDiagram-v2',
    // Top to bottom reads at the panel's default zoom; the swapped-out states sit together in one box.
    '    direction TB',
    '    state "Waiting / Blocked" as Waiting',
    '    [*] --> New',
    '    New --> Ready : admit',
    '    Ready --> Running : dispatch',
    '    Running --> Ready : timeout / interrupt',
    '    Running --> Waiting : I/O or event wait',
    '    Waiting --> Ready : I/O done / event occurs',
    '    Running --> Terminated : exit',
    '    Terminated --> [*]',
    '    state Suspended {',
    '        state "Suspended Ready" as SuspendedReady',
    '        state "Suspended Blocked" as SuspendedBlocked',
    '        SuspendedBlocked --> SuspendedReady : I/O done / event occurs',
    '    }',
    '    Ready --> SuspendedReady : swap out',
    '    SuspendedReady --> Ready : swap in',
    '    Waiting --> SuspendedBlocked : swap out',
    '    SuspendedBlocked --> Waiting : swap in',
  ),
  illustrates: ['프로세스 상태', 'Process State', 'Process States', '상태 전이', 'State Transition', '스케줄러의 종류', '중기 스케줄러', 'PCB'],
  nodeLinks: {
    New: 'New',
    Ready: 'Ready',
    Running: 'Running',
    Waiting: 'Waiting',
    Terminated: 'Terminated',
    SuspendedReady: 'Suspended Ready',
    SuspendedBlocked: 'Suspended Blocked',
    dispatch: '디스패치',
    'swap out': '스와핑',
    'swap in': '스와핑',
  },
};

const webrtcSignaling: BuiltinDiagram = {
  id: 'builtin:webrtc-signaling',
  title: 'WebRTC Signaling (1:1)',
  topic: 'webrtc',
  source: lines(
    'sequenceDiagram',
    '    autonumber',
    '    participant A as Peer A (caller)',
    '    participant S as Signaling server',
    '    participant STUN as STUN server',
    '    participant TURN as TURN relay',
    '    participant B as Peer B (callee)',
    '    Note over A,B: 1. Media setup',
    '    A->>A: getUserMedia() then addTrack()',
    '    B->>B: getUserMedia() then addTrack()',
    '    Note over A,B: 2. SDP offer / answer through the signaling server',
    '    A->>A: createOffer() then setLocalDescription(offer)',
    '    A->>S: SDP offer',
    '    S->>B: SDP offer',
    '    B->>B: setRemoteDescription(offer)',
    '    B->>B: createAnswer() then setLocalDescription(answer)',
    '    B->>S: SDP answer',
    '    S->>A: SDP answer',
    '    A->>A: setRemoteDescription(answer)',
    '    Note over A,B: 3. ICE candidates (trickled both ways)',
    '    A->>STUN: binding request',
    '    STUN-->>A: public address (srflx candidate)',
    '    A->>S: ICE candidate',
    '    S->>B: ICE candidate',
    '    B->>B: addIceCandidate()',
    '    B->>STUN: binding request',
    '    STUN-->>B: public address (srflx candidate)',
    '    B->>S: ICE candidate',
    '    S->>A: ICE candidate',
    '    A->>A: addIceCandidate()',
    '    Note over A,B: 4. ICE connectivity checks',
    '    alt direct path works (host or srflx pair)',
    '        A->>B: STUN connectivity check',
    '        B-->>A: check succeeds',
    '    else direct path fails (symmetric NAT, firewall)',
    '        A->>TURN: allocate relay (relay candidate)',
    '        TURN-->>A: relayed address',
    '        A->>TURN: media',
    '        TURN->>B: media (relayed)',
    '    end',
    '    A-->>B: connected - DTLS-SRTP media and data channels',
  ),
  illustrates: ['연결 수립 흐름', '시그널링', 'Signaling', 'ICE', 'STUN', 'TURN', 'SDP', 'NAT', '브라우저 API', 'Trickle ICE'],
  nodeLinks: {
    A: 'RTCPeerConnection',
    B: 'RTCPeerConnection',
    S: '시그널링',
    STUN: 'STUN',
    TURN: 'TURN',
    'SDP offer': 'SDP Offer',
    'SDP answer': 'SDP',
    'ICE candidate': 'ICE',
    'addIceCandidate()': 'addIceCandidate',
    'B->>B: addIceCandidate()': 'addIceCandidate',
    'getUserMedia() then addTrack()': 'getUserMedia',
    'createOffer() then setLocalDescription(offer)': 'setLocalDescription',
    'createAnswer() then setLocalDescription(answer)': 'setLocalDescription',
    'setRemoteDescription(offer)': 'setRemoteDescription',
    'setRemoteDescription(answer)': 'setRemoteDescription',
    'allocate relay (relay candidate)': 'TURN',
    'STUN connectivity check': 'ICE',
  },
};

const webrtcTopologies: BuiltinDiagram = {
  id: 'builtin:webrtc-topologies',
  title: 'WebRTC Group Calls: Mesh vs SFU vs MCU',
  topic: 'webrtc',
  source: lines(
    'flowchart LR',
    '    subgraph Mesh["Mesh: every peer to every peer, N(N-1)/2 links"]',
    '        direction TB',
    '        MA((A)) <--> MB((B))',
    '        MA <--> MC((C))',
    '        MB <--> MC',
    '    end',
    '    subgraph SFUmode["SFU: 1 uplink, N-1 downlinks, no decoding"]',
    '        direction TB',
    '        SA((A)) -- up --> SFU[SFU forwards streams]',
    '        SB((B)) -- up --> SFU',
    '        SC((C)) -- up --> SFU',
    '        SFU -- "B + C" --> SA',
    '        SFU -- "A + C" --> SB',
    '        SFU -- "A + B" --> SC',
    '    end',
    '    subgraph MCUmode["MCU: 1 uplink, 1 mixed downlink"]',
    '        direction TB',
    '        XA((A)) -- up --> MCU[MCU decodes, mixes, re-encodes]',
    '        XB((B)) -- up --> MCU',
    '        XC((C)) -- up --> MCU',
    '        MCU -- mixed --> XA',
    '        MCU -- mixed --> XB',
    '        MCU -- mixed --> XC',
    '    end',
    '    Mesh ~~~ SFUmode ~~~ MCUmode',
  ),
  illustrates: ['다자간 통화 구조', 'Mesh', '메시', 'SFU', 'MCU', '미디어 서버', 'Media Server', 'Simulcast', '사이멀캐스트', 'Kurento', 'OpenVidu'],
  nodeLinks: {
    Mesh: 'Mesh',
    SFUmode: 'SFU',
    SFU: 'SFU',
    MCUmode: 'MCU',
    MCU: 'MCU',
  },
};

const kubernetes: BuiltinDiagram = {
  id: 'builtin:k8s-deployment-service',
  title: 'Kubernetes: Deployment, ReplicaSet, Pods and Service Ports',
  topic: 'kubernetes',
  source: lines(
    'flowchart LR',
    '    Client(["Client outside the cluster"]) -- "NodeIP:nodePort (30000-32767)" --> NodePort["nodePort on every node"]',
    '    NodePort --> Svc["Service ClusterIP:port"]',
    '    Svc -- "targetPort (selector app=web)" --> P1',
    '    Svc -- targetPort --> P2',
    '    Svc -- targetPort --> P3',
    '    subgraph Workload["Deployment manages versions"]',
    '        direction TB',
    '        Deploy["Deployment web"] -- "creates, rolls, rolls back" --> RS["ReplicaSet web-7d9f (replicas: 3)"]',
    '        RS -- keeps 3 running --> P1["Pod app=web (containerPort 8080)"]',
    '        RS --> P2["Pod app=web"]',
    '        RS --> P3["Pod app=web"]',
    '    end',
  ),
  illustrates: ['Deployment', 'Deployments', 'ReplicaSet', 'ReplicationController', '컨트롤러', 'Service', '서비스', 'NodePort', 'nodePort', 'targetPort', 'ClusterIP', '롤링 업데이트', 'Rolling Update'],
  nodeLinks: {
    Client: 'NodePort',
    NodePort: 'nodePort',
    Svc: 'Service',
    Deploy: 'Deployment',
    Workload: 'Deployment',
    RS: 'ReplicaSet',
    P1: 'Pod',
    P2: 'Pod',
    P3: 'Pod',
  },
};

const interrupts: BuiltinDiagram = {
  id: 'builtin:interrupt-handling',
  title: 'Interrupt Handling',
  topic: 'os',
  source: lines(
    'flowchart TD',
    '    Dev["Device raises IRQ (disk done, timer, key)"] --> PIC["Interrupt controller (APIC)"]',
    '    PIC --> Finish["CPU finishes the current instruction"]',
    '    Finish --> Masked{"Interrupt masked?"}',
    '    Masked -- yes --> Pending["Stays pending until unmasked"]',
    '    Pending -.-> Masked',
    '    Masked -- no --> Save["Save PC and registers on the kernel stack, switch to kernel mode"]',
    '    Save --> Vector["Look up the handler in the interrupt vector (IDT)"]',
    '    Vector --> ISR["Run the ISR (short top half)"]',
    '    ISR --> Defer["Defer slow work: softirq, tasklet, workqueue"]',
    '    ISR --> Restore["Restore registers, back to user mode"]',
    '    Restore --> Resume{"A more urgent process ready?"}',
    '    Resume -- no --> Same["Resume the interrupted instruction stream"]',
    '    Resume -- yes --> Switch["Scheduler: context switch"]',
  ),
  illustrates: ['인터럽트', 'Interrupt', '인터럽트 벡터', 'Interrupt Vector', 'ISR', '인터럽트 서비스 루틴', '인터럽트 마스킹', '인터럽트 컨트롤러', '하드웨어 인터럽트', '소프트웨어 인터럽트', '폴링'],
  nodeLinks: {
    Dev: '하드웨어 인터럽트',
    PIC: '인터럽트 컨트롤러',
    Masked: '인터럽트 마스킹',
    Pending: '인터럽트 마스킹',
    Save: '커널 모드',
    Vector: '인터럽트 벡터',
    ISR: 'ISR',
    Defer: 'ISR',
    Switch: '컨텍스트 스위칭',
  },
};

const systemCall: BuiltinDiagram = {
  id: 'builtin:system-call',
  title: 'System Call: User Mode to Kernel Mode',
  topic: 'os',
  source: lines(
    'sequenceDiagram',
    '    autonumber',
    '    participant App as User program (user mode)',
    '    participant Lib as libc wrapper (user mode)',
    '    participant K as Kernel (kernel mode)',
    '    participant Dev as Device',
    '    App->>Lib: read(fd, buf, n)',
    '    Lib->>Lib: syscall number in rax, arguments in rdi, rsi, rdx',
    '    Lib->>K: syscall instruction (trap, mode bit set to kernel)',
    '    Note over Lib,K: user mode to kernel mode',
    '    K->>K: save user registers on the kernel stack',
    '    K->>K: system call table[number] is sys_read',
    '    K->>K: check arguments (user pointers)',
    '    K->>Dev: start the read',
    '    Note over K: the process waits, another one runs',
    '    Dev-->>K: completion interrupt',
    '    K-->>Lib: return value in rax, sysret (mode bit back to user)',
    '    Note over Lib,K: kernel mode to user mode',
    '    Lib-->>App: bytes read, or -1 and errno',
  ),
  illustrates: ['시스템 콜', 'System Call', '시스템 콜 테이블', '듀얼 모드', 'Dual Mode', '사용자 모드', 'User Mode', '커널 모드', 'Kernel Mode', '자주 보는 시스템 콜'],
  nodeLinks: {
    App: '사용자 모드',
    Lib: '시스템 콜',
    K: '커널 모드',
    'read(fd, buf, n)': '시스템 콜',
    'syscall instruction (trap, mode bit set to kernel)': '듀얼 모드',
    'system call table[number] is sys_read': '시스템 콜 테이블',
    'completion interrupt': '인터럽트',
  },
};

export const BUILTIN_DIAGRAMS: readonly BuiltinDiagram[] = Object.freeze([
  processStates,
  webrtcSignaling,
  webrtcTopologies,
  kubernetes,
  interrupts,
  systemCall,
]);

export function builtinDiagram(id: string): BuiltinDiagram | undefined {
  return BUILTIN_DIAGRAMS.find((d) => d.id === id || d.id === `builtin:${id}`);
}
