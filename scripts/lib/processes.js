'use strict';
// Process-tree helpers for stopping code-server and everything it started (terminals that called setsid()
// leave the process group, so the tree is read from /proc). Plain CommonJS for Node 20.

const fs = require('node:fs');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** All live descendants of `pid` (from /proc), including ones that left the process group. */
function descendants(pid) {
  let entries;
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const children = new Map();
  for (const e of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(e));
    } catch {
      /* exited meanwhile */
    }
  }
  const out = [];
  const stack = [pid];
  while (stack.length) {
    for (const c of children.get(stack.pop()) || []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

function killQuietly(target, signal) {
  try {
    process.kill(target, signal);
  } catch {
    /* already gone */
  }
}

module.exports = { alive, descendants, killQuietly, sleep };
