package server

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/singlepool/singlepool/internal/driver"
	"github.com/singlepool/singlepool/passes/singlepool"
)

// BenchmarkChangeToDiagnostics measures what the server does after an
// edit, warm: analyze the edited file's package with its unsaved text
// (driver.Editor.AnalyzeDir), in the module the file belongs to.
//
//   - kept: an edit inside a function, the common case: the Editor keeps
//     go list's package graph from the analysis before;
//
//   - listed: a change that makes it run go list again (an import edited,
//     a file saved elsewhere, a go.mod change), and what every edit cost
//     before the graph was kept.
//
//     SP_BENCH_FILE=/path/to/module/pkg/file.go go test -run XXX -bench ChangeToDiagnostics -benchmem ./server/
//
// bench/lsp.sh runs it on seaweedfs (340 packages). Without
// SP_BENCH_FILE it says so and skips (benchmarks are not part of make
// test).
func BenchmarkChangeToDiagnostics(b *testing.B) {
	file := os.Getenv("SP_BENCH_FILE")
	if file == "" {
		b.Skip("SKIPPED: set SP_BENCH_FILE to a Go file of a real module (see bench/lsp.sh)")
	}
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	a := singlepool.Analyzer
	dir := filepath.Dir(file)
	for _, kept := range []bool{true, false} {
		name := "listed"
		if kept {
			name = "kept"
		}
		b.Run(name, func(b *testing.B) {
			overlay := map[string][]byte{file: src}
			e := new(driver.Editor)
			if _, err := e.AnalyzeDir(a, dir, overlay); err != nil { // warm the caches
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if !kept {
					e = new(driver.Editor)
				}
				// A different text each time, as typing gives.
				overlay[file] = append(append([]byte{}, src...), []byte("\n// edit "+string(rune('a'+i%26))+"\n")...)
				if _, err := e.AnalyzeDir(a, dir, overlay); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
