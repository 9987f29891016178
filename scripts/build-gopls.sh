#!/usr/bin/env bash
# build-gopls.sh builds gopls with the singlepool analyzer compiled in.
#
#   scripts/build-gopls.sh               # builds bin/gopls-singlepool
#   OUT=/tmp/gopls scripts/build-gopls.sh
#   scripts/build-gopls.sh --print-key   # prints the inputs key (for CI caches)
#   FORCE=1 scripts/build-gopls.sh       # rebuilds even if up to date
#
# Stock gopls cannot load third-party analyzers (golang/go#59869), so this
# script copies the source of golang.org/x/tools/gopls@v0.23.0 from the
# module cache into .build/gopls-src (ignored by git), adds
# tools/gopls/singlepool_register.go.txt as internal/settings/singlepool.go
# (it appends singlepool to settings.AllAnalyzers; see that file), adds
# four lines to internal/cache/analysis.go so that cached analysis results
# depend on .singlepool.yml files too, and builds the gopls
# main package from the wrapper module tools/gopls, whose go.mod replaces
# gopls with that copy and singlepool with this repository.
#
# The result reports its version as v0.23.0+singlepool (gopls's main.version,
# set with -ldflags -X) and keeps the golang.org/x/tools version gopls
# v0.23.0 pins; the script fails if either differs.
#
# Up-to-date check: the build is skipped when OUT exists and OUT.key holds
# the current inputs key, a SHA-256 of the contents of every input (this
# script, tools/gopls/{go.mod,go.sum,singlepool_register.go.txt}, the root
# go.mod and go.sum, the Go and embedded files of every package of this
# module the analyzer is built from) and of the Go toolchain and target.
# Contents, not modification times: a git checkout or a CI cache restore
# sets arbitrary mtimes, so "OUT newer than its inputs" would be wrong there.
set -euo pipefail

GOPLS_MODULE=golang.org/x/tools/gopls
GOPLS_VERSION=v0.23.0
GOPLS_SUM=h1:Dn6mf9WXu9iLnTftDDMb9wV0c6Se7PjzEMqP0LEe08Y=
XTOOLS_VERSION=v0.47.1-0.20260707181000-a299dadba899 # gopls v0.23.0's go.mod
VERSION=${GOPLS_VERSION}+singlepool

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRIPT=$ROOT/scripts/$(basename "${BASH_SOURCE[0]}")
WRAP=$ROOT/tools/gopls
SRC=$ROOT/.build/gopls-src # must match the replace directive in tools/gopls/go.mod
OUT=${OUT:-$ROOT/bin/gopls-singlepool}
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac

log() { printf 'build-gopls: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

command -v go >/dev/null || die "go not found in PATH"
sha256() { if command -v sha256sum >/dev/null; then sha256sum; else shasum -a 256; fi | cut -d' ' -f1; }

# inputs_key prints the SHA-256 of everything the binary is built from.
inputs_key() {
	local files
	# Packages of this module that the analyzer is compiled from (not
	# tests, not testdata, not nested modules like tools/ or examples/).
	# shellcheck disable=SC2016 # a Go template, not shell
	files=$(cd "$ROOT" && go list -deps -f \
		'{{if and .Module .Module.Main}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}{{"\n"}}{{end}}{{end}}' \
		./passes/singlepool) || die "go list ./passes/singlepool failed"
	{
		printf 'gopls %s %s %s\n' "$GOPLS_MODULE" "$VERSION" "$XTOOLS_VERSION"
		go env GOVERSION GOOS GOARCH GOAMD64 GOARM64 CGO_ENABLED GOEXPERIMENT
		{
			printf '%s\n' "$SCRIPT" "$WRAP/go.mod" "$WRAP/go.sum" \
				"$WRAP/singlepool_register.go.txt" "$ROOT/go.mod" "$ROOT/go.sum"
			printf '%s\n' "$files"
		} | sed '/^$/d' | sort -u | while read -r f; do
			# Paths relative to the repository, so the key does not depend
			# on where it is checked out.
			printf '%s %s\n' "${f#"$ROOT"/}" "$(sha256 <"$f")"
		done
	} | sha256
}

if [[ ${1:-} == --print-key ]]; then
	inputs_key
	exit 0
elif [[ $# -gt 0 ]]; then
	die "usage: [OUT=path] [FORCE=1] $0 [--print-key]"
fi

KEY=$(inputs_key)
if [[ -z ${FORCE:-} && -x $OUT && -f $OUT.key && $(cat "$OUT.key") == "$KEY" ]]; then
	log "$OUT is up to date (inputs key $KEY)"
	exit 0
fi

# One build at a time: they share $SRC.
mkdir -p "$(dirname "$SRC")"
if command -v flock >/dev/null; then
	exec 9>"$SRC.lock"
	flock 9
	# Another build may have produced OUT meanwhile.
	if [[ -z ${FORCE:-} && -x $OUT && -f $OUT.key && $(cat "$OUT.key") == "$KEY" ]]; then
		log "$OUT is up to date (inputs key $KEY)"
		exit 0
	fi
fi

start=$SECONDS

# 1. A writable copy of the gopls module source, plus the registration file.
dl=$(cd "$ROOT" && go mod download -json "$GOPLS_MODULE@$GOPLS_VERSION") ||
	die "downloading $GOPLS_MODULE@$GOPLS_VERSION failed: $dl"
moddir=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' <<<"$dl")
sum=$(sed -n 's/^[[:space:]]*"Sum": "\(.*\)",$/\1/p' <<<"$dl")
[[ -d $moddir ]] || die "no module directory in: $dl"
[[ $sum == "$GOPLS_SUM" ]] || die "$GOPLS_MODULE@$GOPLS_VERSION has sum $sum, want $GOPLS_SUM"
rm -rf "$SRC.tmp"
cp -R "$moddir" "$SRC.tmp"
chmod -R u+w "$SRC.tmp"
cp "$WRAP/singlepool_register.go.txt" "$SRC.tmp/internal/settings/singlepool.go"
# gopls keys cached analysis results by a package's Go files and
# dependencies only; add the settings files singlepool reads (see
# settings.AnalysisCacheSalt in the registration file).
analysis_go=$SRC.tmp/internal/cache/analysis.go
anchor='	fmt.Fprintf(hasher, "errors: %d", len(an.ph.mp.Errors))'
[[ $(grep -cxF "$anchor" "$analysis_go") == 1 ]] ||
	die "gopls's internal/cache/analysis.go has changed: the line to patch is not there once: $anchor"
awk -v anchor="$anchor" '
	{ print }
	$0 == anchor {
		print ""
		print "\t// singlepool: settings files that analyzers read; see settings.AnalysisCacheSalt."
		print "\tif mod := an.ph.mp.Module; settings.AnalysisCacheSalt != nil && mod != nil && (mod.Main || mod.Replace != nil) && len(an.ph.mp.GoFiles) > 0 {"
		print "\t\thasher.Write(settings.AnalysisCacheSalt(an.ph.mp.GoFiles[0].DirPath()))"
		print "\t}"
	}' "$analysis_go" >"$analysis_go.new"
mv "$analysis_go.new" "$analysis_go"
rm -rf "$SRC"
mv "$SRC.tmp" "$SRC"

# 2. tools/gopls/go.mod and go.sum must cover the analyzer's requirements
#    (they change when the root go.mod does). Outside CI they are updated;
#    under CI=true a needed update is an error.
cd "$WRAP"
if ! diff=$(go mod tidy -diff 2>&1); then
	if [[ ${CI:-} == true ]]; then
		die "tools/gopls/go.mod or go.sum is out of date (run scripts/build-gopls.sh, commit the result):"$'\n'"$diff"
	fi
	log "updating tools/gopls/go.mod and go.sum (commit them):"$'\n'"$diff"
	go mod tidy
	KEY=$(inputs_key)
fi

# 3. gopls's x/tools version must survive adding singlepool's requirements.
got=$(go list -mod=readonly -m -f '{{.Version}}' golang.org/x/tools)
[[ $got == "$XTOOLS_VERSION" ]] ||
	die "the build would use golang.org/x/tools $got, not gopls $GOPLS_VERSION's $XTOOLS_VERSION (does the root go.mod require a newer x/tools?)"

# 4. Build.
mkdir -p "$(dirname "$OUT")"
go build -mod=readonly -trimpath -buildvcs=false \
	-ldflags="-X main.version=$VERSION" \
	-o "$OUT.tmp" "$GOPLS_MODULE"

# 5. Check what was built.
info=$(go version -m "$OUT.tmp")
grep -Eq "^[[:space:]]dep[[:space:]]+golang.org/x/tools[[:space:]]+$XTOOLS_VERSION([[:space:]]|$)" <<<"$info" ||
	die "built binary does not use golang.org/x/tools $XTOOLS_VERSION: $(grep x/tools <<<"$info")"
grep -Eq "^[[:space:]]dep[[:space:]]+github.com/singlepool/singlepool[[:space:]]" <<<"$info" ||
	die "built binary does not contain github.com/singlepool/singlepool"
ver=$("$OUT.tmp" version | head -n1)
[[ $ver == "$GOPLS_MODULE $VERSION" ]] || die "built binary reports version \"$ver\", want \"$GOPLS_MODULE $VERSION\""

mv -f "$OUT.tmp" "$OUT"
printf '%s\n' "$KEY" >"$OUT.key"
log "built $OUT ($ver) in $((SECONDS - start))s"
