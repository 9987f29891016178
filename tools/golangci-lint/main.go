// Command golangci-lint is golangci-lint v2.15.0 with the singlepool module
// plugin compiled in: the same build that `golangci-lint custom` makes from
// .custom-gcl.yml, without cloning golangci-lint's repository.
//
// Build it with scripts/build-golangci-lint.sh (output bin/golangci-lint-singlepool).
// main mirrors golangci-lint v2.15.0's cmd/golangci-lint/main.go.
package main

import (
	"cmp"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// Registers the singlepool linter (linters.settings.custom.singlepool).
	_ "github.com/singlepool/singlepool/golangci"
)

// version is what `golangci-lint version` prints: the golangci-lint release
// this module pins, plus the plugin.
const version = "v2.15.0+singlepool"

// Populated with -ldflags "-X main.commit=... -X main.date=..." if wanted.
var (
	commit = "?"
	date   = ""
)

func main() {
	if err := commands.Execute(createBuildInfo()); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

func createBuildInfo() commands.BuildInfo {
	info := commands.BuildInfo{
		Version:   version,
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
