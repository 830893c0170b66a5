/**
 * Quiz questions about the built-in diagrams, in our own words: one list per diagram id (the quiz's
 * diagram cards, src/core/quiz/cardKinds/diagram.ts). `slug` keeps a card's identity when its wording
 * changes; `replaces` names the question read off the diagram that this one words better.
 */
export interface BuiltinQuestion {
  slug: string;
  question: string;
  /** Markdown. */
  answer: string;
  replaces?: string;
}

export const BUILTIN_QUESTIONS: Readonly<Record<string, readonly BuiltinQuestion[]>> = {
  'builtin:process-states': [
    {
      slug: 'q-dispatch',
      question: 'What state follows Ready when the scheduler dispatches the process?',
      answer: '**Running**: the dispatcher gives the CPU to a ready process.',
      replaces: 'readydispatch',
    },
    {
      slug: 'q-io-wait',
      question: 'A running process starts a disk read. Which state does it move to, and where does it go when the read completes?',
      answer: '**Waiting (Blocked)**, then back to **Ready** (not straight to Running).',
    },
  ],
  'builtin:webrtc-signaling': [
    {
      slug: 'q-sdp-answer',
      question: 'Who sends the SDP answer?',
      answer: '**Peer B, the callee**, after createAnswer(); the signaling server passes it on to Peer A.',
      replaces: 'sdpanswersignalingserver',
    },
    {
      slug: 'q-turn',
      question: 'Which server relays media when a direct path fails?',
      answer: '**The TURN server**: the peer allocates a relay candidate there and media goes through it.',
    },
    {
      slug: 'q-stun',
      question: 'What does a peer learn from a STUN binding request?',
      answer: '**Its public address** as seen from outside the NAT (a server-reflexive, srflx, candidate).',
    },
  ],
  'builtin:webrtc-topologies': [
    {
      slug: 'q-sfu',
      question: 'Which group-call design forwards each stream without decoding it?',
      answer: '**SFU** (Selective Forwarding Unit): one uplink per peer, N-1 downlinks.',
    },
    {
      slug: 'q-mcu',
      question: 'Which group-call design decodes, mixes and re-encodes the streams into one?',
      answer: '**MCU** (Multipoint Control Unit): one uplink and one mixed downlink per peer, at a high server cost.',
    },
    {
      slug: 'q-mesh-links',
      question: 'How many links does a mesh of N peers need?',
      answer: '**N(N-1)/2**: every peer connects to every other peer.',
    },
  ],
  'builtin:k8s-deployment-service': [
    {
      slug: 'q-nodeport-range',
      question: 'Which port range does a NodePort Service open on every node by default?',
      answer: '**30000-32767**',
    },
    {
      slug: 'q-replicaset',
      question: 'What keeps the wanted number of Pods running under a Deployment?',
      answer: '**The ReplicaSet** the Deployment creates; a rollout makes a new ReplicaSet and scales the old one down.',
    },
    {
      slug: 'q-targetport',
      question: 'Which Service field names the container port the traffic is sent to?',
      answer: "**targetPort** (port is the Service's own port, nodePort the port on every node).",
    },
  ],
  'builtin:interrupt-handling': [
    {
      slug: 'q-masked',
      question: 'What happens to an interrupt that arrives while interrupts are masked?',
      answer: '**It stays pending** and is handled once it is unmasked.',
    },
    {
      slug: 'q-vector',
      question: 'Where does the CPU look up the handler for an interrupt?',
      answer: '**In the interrupt vector table** (the IDT on x86).',
    },
    {
      slug: 'q-defer',
      question: 'Where does an interrupt handler leave its slow work?',
      answer: '**To a bottom half**: a softirq, tasklet or workqueue, so the ISR itself stays short.',
    },
  ],
  'builtin:system-call': [
    {
      slug: 'q-trap',
      question: 'What takes a system call from user mode into the kernel?',
      answer: '**A trap instruction** (`syscall` on x86-64) that sets the mode bit to kernel mode.',
    },
  ],
};
