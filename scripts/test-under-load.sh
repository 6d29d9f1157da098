#!/usr/bin/env bash
# Runs the test suites (all of them, or the paths given) while busy loops keep every core
# of the machine at 100 %, as another tenant's work would: the end-to-end suites must not
# depend on an idle machine (issue 11, item 13). Not part of CI: it takes two to three times
# as long as `npm test`.
#   npm run test:busy                      # every suite
#   npm run test:busy -- test/faults       # some of them
set -euo pipefail
cd "$(dirname "$0")/.."
cores=$(nproc)
burners=()
cleanup() { kill "${burners[@]}" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 "$cores"); do
  node -e 'for (;;) {}' &
  burners+=($!)
done
echo "test:busy: $cores busy loops running (pids ${burners[*]}); load: $(cut -d' ' -f1-3 /proc/loadavg)"
started=$(date +%s)
status=0
npm test -- "$@" || status=$?
echo "test:busy: exit $status after $(( $(date +%s) - started )) s; load: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
