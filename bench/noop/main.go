// Command noop is the floor that bench/run.sh measures singlepool against:
// an analyzer built with singlechecker exactly like cmd/singlepool, whose
// Run does nothing. Whatever singlepool costs beyond noop is singlepool's
// own work; everything else (go list, parsing, type checking, the driver)
// is paid by any analyzer.
//
// By default noop declares no FactTypes. That is the honest floor for
// "singlepool, facts included": an analyzer that uses facts makes its
// driver do more (the standalone checker parses and type-checks every
// dependency from source instead of reading export data; go vet encodes
// and decodes a facts file per package), and that cost is part of what
// singlepool costs its users. Built with
//
//	go build -ldflags=-X=main.facts=yes -o noopfacts ./bench/noop
//
// the same program declares one fact type (and never exports a fact): the
// floor for any fact-using analyzer, which separates the price of using
// facts at all from singlepool's own work. The build-time switch (not an
// environment variable) gives the two variants different executables, so
// go vet, which keys its cache by the tool's content hash, never serves
// one variant's results to the other.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

// facts is set to "yes" at link time for the noopfacts variant.
var facts string

// noFact is the fact type of the noopfacts variant; it is never exported.
type noFact struct{}

func (*noFact) AFact()         {}
func (*noFact) String() string { return "noFact" }

func main() {
	a := &analysis.Analyzer{
		Name: "noop",
		Doc:  "noop does nothing: the floor singlepool's cost is measured against.",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
	if facts == "yes" {
		a.FactTypes = []analysis.Fact{new(noFact)}
	}
	singlechecker.Main(a)
}
