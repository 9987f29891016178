// Package brokenquiet imports brokenctor and names nothing of it: with
// brokenctor's analysis failed, it cannot be told to hold no fact, so it
// stays on source. (It is larger than brokenctor on purpose: the loader
// stages only when the importers are larger than what it analyzes first.)
package brokenquiet

import (
	"strings"

	_ "example.com/app/brokenctor"
)

// names are the names it knows.
var names = []string{
	"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
	"hotel", "india", "juliett", "kilo", "lima", "mike", "november",
	"oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform",
	"victor", "whiskey", "xray", "yankee", "zulu",
}

// Name is the first name, capitalized.
func Name() string { return strings.ToUpper(names[0][:1]) + names[0][1:] }

// Names joins every name.
func Names() string { return strings.Join(names, ", ") }
