#!/usr/bin/env bash
# Builds golangci-lint v2.15.0 with the singlepool plugin compiled in, from
# the wrapper module tools/golangci-lint.
#
#   scripts/build-golangci-lint.sh [OUT]      (or OUT=... scripts/build-golangci-lint.sh)
#
# OUT defaults to bin/golangci-lint-singlepool. The build is skipped when OUT
# exists, was built by the current Go toolchain, and is newer than every
# input: the .go (but not _test.go), go.mod and go.sum files of the root
# module and of tools/golangci-lint (nested modules and testdata excluded),
# and this script. A cold build takes about 5 minutes on 2 cores; a rebuild
# after a change to the analyzer 10-20 seconds.
#
# Prints the binary's path on stdout; progress goes to stderr.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL="$ROOT/tools/golangci-lint"
OUT="${1:-${OUT:-$ROOT/bin/golangci-lint-singlepool}}"
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac
mkdir -p "$(dirname "$OUT")"

log() { echo "build-golangci-lint: $*" >&2; }

# inputs prints the files the binary is built from (over-approximated).
inputs() {
	local prune=(-path "$ROOT/.git" -o -path "$ROOT/.build" -o -path "$ROOT/bin" -o -name testdata -o -name node_modules)
	local mod dir
	# Other nested modules are not part of the build.
	while IFS= read -r mod; do
		dir="$(dirname "$mod")"
		[ "$dir" = "$ROOT" ] || [ "$dir" = "$TOOL" ] && continue
		prune+=(-o -path "$dir")
	done < <(find "$ROOT" \( -path "$ROOT/.git" -o -path "$ROOT/.build" -o -name testdata \) -prune -o -name go.mod -print)
	find "$ROOT" \( "${prune[@]}" \) -prune -o -type f \( \( -name '*.go' ! -name '*_test.go' \) -o -name go.mod -o -name go.sum \) -print
	echo "$ROOT/scripts/build-golangci-lint.sh"
}

# src_hash hashes the inputs' names and contents and the toolchain. It
# becomes part of the version string, which golangci-lint uses to salt its
# cache: results cached by a binary built from other sources are not reused.
src_hash() {
	{
		go env GOVERSION
		inputs | LC_ALL=C sort | while IFS= read -r f; do
			printf '%s %s\n' "${f#"$ROOT"/}" "$(sha256sum <"$f" | cut -d' ' -f1)"
		done
	} | sha256sum | cut -c1-12
}

# fresh reports whether OUT is up to date.
fresh() {
	[ -x "$OUT" ] || return 1
	local built want
	built="$(go version "$OUT" 2>/dev/null | awk '{print $2}')" || return 1
	want="$(go env GOVERSION)"
	if [ "$built" != "$want" ]; then
		log "$OUT was built by ${built:-an unknown toolchain}, not $want"
		return 1
	fi
	local newer
	newer="$(inputs | while IFS= read -r f; do [ "$f" -nt "$OUT" ] && { echo "$f"; break; }; done)"
	if [ -n "$newer" ]; then
		log "${newer#"$ROOT"/} is newer than $OUT"
		return 1
	fi
	return 0
}

build() {
	if fresh; then
		log "up to date: $OUT"
		return 0
	fi
	log "building $OUT (a cold build takes about 5 minutes on 2 cores)"
	local start=$SECONDS tmp="$OUT.tmp.$$"
	local commit hash
	commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
	hash="$(src_hash)"
	local buildlog="$tmp.log"
	# pipefail (set above) makes the pipeline fail when go build does.
	if ! (cd "$TOOL" && go build -buildvcs=false -trimpath \
		-ldflags "-X main.srcHash=$hash -X main.commit=$commit -X main.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
		-o "$tmp" .) 2>&1 | tee "$buildlog" >&2; then
		if grep -q -e 'updates to go.mod needed' -e 'missing go.sum entry' -e 'no required module provides' "$buildlog"; then
			log "the root module's requirements changed: run (cd tools/golangci-lint && go mod tidy), then check"
			log "with go list -m that it still requires golang.org/x/tools v0.52.0 and"
			log "github.com/golangci/plugin-module-register v0.1.2 (what golangci-lint v2.15.0 requires)."
		fi
		rm -f "$tmp" "$buildlog"
		log "build failed"
		return 1
	fi
	rm -f "$buildlog"
	mv -f "$tmp" "$OUT"
	log "built $OUT in $((SECONDS - start))s"
}

# One build at a time per output (tests, lint.sh and CI may race).
# The lock lives in the temporary directory, keyed by the output's path.
if command -v flock >/dev/null 2>&1; then
	exec 9>"${TMPDIR:-/tmp}/build-golangci-lint.$(printf '%s' "$OUT" | sha256sum | cut -c1-12).lock"
	flock 9
fi
build
echo "$OUT"
