#!/usr/bin/env bash
# retry LABEL COMMAND [ARG...]: runs a network install until it succeeds, a few times with a pause
# between tries, so that a transient registry or mirror error does not fail CI. Each try's output is
# kept; it is printed when the command succeeds, and on the last failure its last 200 lines go to
# stderr with the exit code, which retry returns: an install never fails without saying why.
# Source it (`. scripts/retry.sh`) or run it (`bash scripts/retry.sh LABEL COMMAND...`).
#   PROOFMARK_RETRY_DELAYS  seconds to wait before each new try (default "5 15 45": four tries;
#                           empty: one try)
retry() {
  local label=$1
  shift
  local delays
  read -ra delays <<< "${PROOFMARK_RETRY_DELAYS-5 15 45}"
  local tries=$((${#delays[@]} + 1)) try=1 code=0 log
  log=$(mktemp "${TMPDIR:-/tmp}/proofmark-retry.XXXXXX")
  while :; do
    if "$@" > "$log" 2>&1; then
      cat "$log"
      rm -f "$log"
      return 0
    else
      code=$?
    fi
    if [ "$try" -ge "$tries" ]; then
      echo "$label: failed $tries time(s), the last with exit code $code; its output:" >&2
      tail -n 200 "$log" >&2
      rm -f "$log"
      return "$code"
    fi
    local pause=${delays[$((try - 1))]}
    echo "$label: try $try of $tries failed (exit code $code: $(tail -n 1 "$log")); trying again in ${pause}s" >&2
    sleep "$pause"
    try=$((try + 1))
  done
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  retry "$@"
fi
