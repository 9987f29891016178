package demo

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/singlepool/singlepool/internal/e2e/e2eutil"
)

// writeResults logs the table of the phases (a column each) and writes it
// to .build/demo-results.md.
func writeResults(t *testing.T, phases ...*phase) {
	okRate := func(p *phase) string {
		if p.wall <= 0 {
			return "0"
		}
		return fmt.Sprintf("%.0f", float64(p.requests-p.failed)/p.wall.Seconds())
	}
	rows := []struct {
		name string
		f    func(*phase) string
	}{
		{"requests", func(p *phase) string { return strconv.Itoa(p.requests) }},
		{"failed requests", func(p *phase) string { return strconv.Itoa(p.failed) }},
		{`… of which "` + tooManyClients + `"`, func(p *phase) string { return strconv.Itoa(p.tooMany) }},
		{"peak connections (pg_stat_activity)", func(p *phase) string { return strconv.Itoa(p.peakConns) }},
		{"p50 latency (successful requests)", func(p *phase) string { return p.p50.String() }},
		{"p99 latency (successful requests)", func(p *phase) string { return p.p99.String() }},
		{"successful requests per second", okRate},
		{"wall time of the load", func(p *phase) string { return p.wall.Round(time.Millisecond).String() }},
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# singlepool demo: before and after the fix\n\n")
	fmt.Fprintf(&b, "examples/demo on PostgreSQL with max_connections=%d; %d concurrent clients × %d rounds over every /api/ route; "+
		"shared pools after `singlepool -fix`: examples/demo/internal/db's pgx %d + database/sql %d = %d connections; "+
		"from scratch: the package `singlepool -init -max-conns=postgres=%d` writes, one pgx pool of %d. Written by internal/e2e/demo on %s.\n\n",
		maxConnections, clients, rounds, pgxMaxConns, sqlMaxConns, poolBudget, scratchBudget, scratchBudget, time.Now().UTC().Format(time.RFC3339))
	b.WriteString("| |")
	for _, p := range phases {
		b.WriteString(" " + p.name + " |")
	}
	b.WriteString("\n|---|" + strings.Repeat("---:|", len(phases)) + "\n")
	b.WriteString("| pools built (singlepool findings) |")
	for _, p := range phases {
		if p.findings == 0 && !p.ran {
			b.WriteString(" – |")
		} else {
			b.WriteString(" " + strconv.Itoa(p.findings) + " |")
		}
	}
	b.WriteString("\n")
	for _, r := range rows {
		b.WriteString("| " + r.name + " |")
		for _, p := range phases {
			if p.ran {
				b.WriteString(" " + r.f(p) + " |")
			} else {
				b.WriteString(" not run |")
			}
		}
		b.WriteString("\n")
	}
	t.Logf("\n%s", b.String())
	path := filepath.Join(e2eutil.BuildDir(t), "demo-results.md")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Errorf("writing %s: %v", path, err)
		return
	}
	t.Logf("wrote %s", path)
}
