// Command golangci-lint is golangci-lint v2.15.0 with the singlepool module
// plugin compiled in: the same build that `golangci-lint custom` makes from
// .custom-gcl.yml, without cloning golangci-lint's repository.
//
// Build it with scripts/build-golangci-lint.sh (output bin/golangci-lint-singlepool).
// main mirrors golangci-lint v2.15.0's cmd/golangci-lint/main.go.
package main

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// Registers the singlepool linter (linters.settings.custom.singlepool).
	_ "github.com/singlepool/singlepool/golangci"
)

// release is the golangci-lint release this module pins.
const release = "v2.15.0"

// Set with -ldflags "-X main.srcHash=... -X main.commit=... -X main.date=..."
// by scripts/build-golangci-lint.sh. srcHash identifies the plugin's
// sources; without it the executable's own hash is used.
var (
	srcHash = ""
	commit  = "?"
	date    = ""
)

func main() {
	if err := commands.Execute(createBuildInfo()); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

func createBuildInfo() commands.BuildInfo {
	info := commands.BuildInfo{
		Version:   version(),
		Commit:    commit,
		GoVersion: "unknown",
		Date:      date,
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	var revision, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.time":
			info.Date = cmp.Or(info.Date, s.Value)
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	info.Date = cmp.Or(info.Date, "(unknown)")
	if commit == "?" {
		info.Commit = fmt.Sprintf("(singlepool %s, modified: %s)", cmp.Or(revision, "unknown"), cmp.Or(modified, "?"))
	}
	return info
}

// version is what `golangci-lint version` prints: "v2.15.0+singlepool."
// and a hash of the plugin's sources. golangci-lint salts its analysis
// cache with this string alone (for any version but "" and "(devel)"), so
// it must change whenever the analyzer does: a constant would make a
// rebuilt binary return the old binary's cached diagnostics and fixes.
func version() string {
	h := srcHash
	if h == "" {
		h = executableHash()
	}
	if len(h) > 12 {
		h = h[:12]
	}
	return release + "+singlepool." + h
}

// executableHash hashes the running executable, as golangci-lint does for
// development builds.
func executableHash() string {
	p, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	f, err := os.Open(p)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "unknown"
	}
	return hex.EncodeToString(h.Sum(nil))
}
