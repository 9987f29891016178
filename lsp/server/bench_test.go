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
// (driver.AnalyzeDir), in the module the file belongs to.
//
//	SP_BENCH_FILE=/path/to/module/pkg/file.go go test -run XXX -bench ChangeToDiagnostics -benchmem ./server/
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
	overlay := map[string][]byte{file: src}
	a := singlepool.Analyzer
	dir := filepath.Dir(file)
	if _, err := driver.AnalyzeDir(a, dir, overlay); err != nil { // warm the caches
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// A different text each time, as typing gives.
		overlay[file] = append(append([]byte{}, src...), []byte("\n// edit "+string(rune('a'+i%26))+"\n")...)
		if _, err := driver.AnalyzeDir(a, dir, overlay); err != nil {
			b.Fatal(err)
		}
	}
}
