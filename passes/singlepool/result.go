package singlepool

import "go/token"

// A Result is what singlepool leaves, for each package, to a driver that
// sees the whole program (-summary, the -fix summary): the sites whose fix
// waits only for the shared pool's connection to be stated, because
// singlepool cannot read it from the accessor's code. With their
// arguments, the driver proposes the shared-args line once, with the
// number of sites it unlocks, rather than each site repeating why.
type Result struct {
	Unread []UnreadSite
	Sites  []CensusSite // for an analyzer made by NewCensusAnalyzer
}

// An UnreadSite is a site that connects the way Args states, waiting for
// shared-args for Constructor.
type UnreadSite struct {
	Pos         token.Pos
	Constructor string // canonical: database/sql.Open
	Accessor    string // as code calls it: db.SQL
	// Args are the site's arguments as a shared-args entry states them,
	// "(...)"; "" if they cannot be (a value shared-args cannot name).
	Args string
}
