#!/usr/bin/env bash
# The language server's change-to-diagnostics latency, warm, on seaweedfs
# (340 packages of its own, 530 with dependencies): analyze a filer
# store's package with an unsaved edit, as singlepool lsp does after each
# change (lsp/server BenchmarkChangeToDiagnostics), and the peak memory.
# "kept" is an edit inside a function (go list's graph is kept from the
# analysis before), "listed" one that runs go list again (an import
# edited, a file saved elsewhere); each in its own process, for its RSS.
#
#   bash bench/lsp.sh            # COUNT=5 rounds of each
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SEAWEEDFS=github.com/seaweedfs/seaweedfs@v0.0.0-20261109003541-7506e5f91cd6
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
src=$(go mod download -json "$SEAWEEDFS" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
cp -r "$src" "$work/seaweedfs"
chmod -R u+w "$work/seaweedfs"
(cd "$work/seaweedfs" && go mod download)
file=$work/seaweedfs/weed/filer/mysql2/mysql2_store.go
cd "$root/lsp"
go test -c -o "$work/server.test" ./server/
for sub in kept listed; do
	SP_BENCH_FILE=$file /usr/bin/time -v "$work/server.test" -test.run XXX -test.bench "ChangeToDiagnostics/$sub\$" \
		-test.benchmem -test.benchtime "${COUNT:-5}x" 2>&1 | grep -E 'Benchmark|Maximum resident'
done
