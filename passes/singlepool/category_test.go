package singlepool

import (
	"os"
	"strings"
	"testing"
)

// Diagnostics link to URL#category: each category needs its section in
// the README's Rules.
func TestCategoriesDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, cat := range categories {
		if !strings.Contains(string(readme), "\n### "+cat+"\n") {
			t.Errorf("README.md has no section \"### %s\", which diagnostics of that category link to", cat)
		}
	}
}
