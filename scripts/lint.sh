#!/usr/bin/env bash
# Lints the repository with the pinned golangci-lint v2.15.0 that includes
# the singlepool plugin (dogfooding), configured by .golangci.yml.
#
#   scripts/lint.sh [golangci-lint run flags...]     e.g. scripts/lint.sh --fix
#
# Builds bin/golangci-lint-singlepool first when it is missing or stale
# (OUT=... picks another path). Exits like golangci-lint: 0 clean, 1 issues
# found, 3 bad configuration.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="$("$ROOT/scripts/build-golangci-lint.sh" "${OUT:-$ROOT/bin/golangci-lint-singlepool}")"
cd "$ROOT"
"$BIN" run "$@" ./...
# The language server's module (nested: ./... above does not reach it).
cd lsp
exec "$BIN" run --config "$ROOT/.golangci.yml" "$@" ./...
