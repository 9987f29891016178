package singlepool

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var updateDocs = flag.Bool("update", false, "rewrite docs/settings.md's table from settingsTable")

const settingsDoc = "../../docs/settings.md"

// settingsMarkdown renders settingsTable as docs/settings.md's table.
func settingsMarkdown() string {
	var b strings.Builder
	b.WriteString("| key / flag | default | meaning |\n| --- | --- | --- |\n")
	for _, st := range settingsTable {
		name := st.name
		if name == "" {
			name = "`" + st.key + "`"
		}
		b.WriteString("| " + name + " | " + st.def + " | " + st.doc + " |\n")
	}
	return b.String()
}

// TestSettingsDocumented keeps docs/settings.md's table the code's: every
// setting, with its default and meaning, written from settingsTable
// (go test -run TestSettingsDocumented -update rewrites it).
func TestSettingsDocumented(t *testing.T) {
	data, err := os.ReadFile(settingsDoc)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- settings:begin -->\n", "<!-- settings:end -->"
	doc := string(data)
	i, j := strings.Index(doc, begin), strings.Index(doc, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q ... %q block", settingsDoc, begin, end)
	}
	want := settingsMarkdown()
	for _, st := range settingsTable {
		if st.def == "" || st.doc == "" {
			t.Errorf("setting %s has no def or doc for docs/settings.md", st.key)
		}
	}
	if got := doc[i+len(begin) : j]; got != want {
		if *updateDocs {
			if err := os.WriteFile(settingsDoc, []byte(doc[:i+len(begin)]+want+doc[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("%s's settings table is not settingsTable's (go test -run TestSettingsDocumented -update):\n%s", settingsDoc, want)
	}
}
