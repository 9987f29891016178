package scaffold

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool"
)

// A family is what an accessor returns, and how -init builds it.
type family int

const (
	famPgx      family = iota // *pgxpool.Pool (pgx v5)
	famSQL                    // *sql.DB
	famSQLX                   // *sqlx.DB, error
	famSQLXMust               // *sqlx.DB, panicking
	famGorm                   // *gorm.DB
	famRedis                  // *redis.Client (go-redis v9)
	famMongo                  // *mongo.Client (mongo-driver v1)
)

// A recipe is the accessor -init writes for a constructor. Each accessor
// follows the shape rule: it returns exactly the constructor's results and
// takes a context.Context iff the constructor's first parameter is one
// (signatures from pgx v5.12.0, Go 1.26 database/sql, sqlx v1.4.0, gorm
// v1.31.2, go-redis v9.23.0, mongo-driver v1.17.10; docs/catalog.md).
type recipe struct {
	fam      family
	accessor string
}

// recipes is the table of the constructors -init writes accessors for.
// Not listed, left to the user with a reason: constructors of clusters
// and rings, pgx v4, database/sql.OpenDB and stdlib.OpenDB (a connector or
// config singlepool cannot write back), sqlx.ConnectContext, go-redis v8
// and mongo-driver v2 (their options packages are not among the names
// shared-args states), and the other systems.
var recipes = map[string]recipe{
	"github.com/jackc/pgx/v5/pgxpool.New":           {famPgx, "Pool"},
	"github.com/jackc/pgx/v5/pgxpool.NewWithConfig": {famPgx, "Pool"},
	"database/sql.Open":                             {famSQL, "SQL"},
	"github.com/jmoiron/sqlx.Open":                  {famSQLX, "SQLX"},
	"github.com/jmoiron/sqlx.Connect":               {famSQLX, "SQLX"},
	"github.com/jmoiron/sqlx.MustOpen":              {famSQLXMust, "MustSQLX"},
	"github.com/jmoiron/sqlx.MustConnect":           {famSQLXMust, "MustSQLX"},
	"gorm.io/gorm.Open":                             {famGorm, "Gorm"},
	"github.com/redis/go-redis/v9.NewClient":        {famRedis, "Redis"},
	"go.mongodb.org/mongo-driver/mongo.Connect":     {famMongo, "Mongo"},
}

// A siteRef is one construction site, deduplicated across a package and
// its test variant.
type siteRef struct {
	singlepool.CensusSite
	Posn string // file:line:col, relative to the working directory
	Pkg  string // its package's import path
}

// A database is one group of sites that connect to the same place with
// the same driver: the sites one set of accessors takes.
type database struct {
	system, driver, where string
	source                string // where, as Go text
	driverPkg             string // the database/sql driver's package, if any
	sites                 []siteRef
	ctors                 map[string][]siteRef // by constructor
	fams                  map[family]bool
	handle                string // gorm's handle arguments, as Go text ("" for none)
	gormArgs              string // a gorm site's arguments, "(...)"
}

// A leftSite is a site -init leaves alone, and why, in the user's words.
type leftSite struct {
	siteRef
	why string
}

// A plan is what -init writes: the databases it shares, and the sites it
// leaves alone.
type plan struct {
	dbs  []*database
	left []leftSite
}

// planFor groups the sites by what they connect to and keeps, for each
// accessor family, the database most sites use; every other site is left,
// with why.
func planFor(sites []siteRef) plan {
	var p plan
	type key struct{ system, where, driver string }
	groups := make(map[key]*database)
	var order []key
	for _, s := range sites {
		r, ok := recipes[s.Constructor]
		switch {
		case !ok:
			p.leave(s, fmt.Sprintf("singlepool -init writes no accessor for %s; write one by hand", short(s.Constructor)))
			continue
		case s.Why != "":
			p.leave(s, s.Why)
			continue
		case s.Source == "":
			p.leave(s, "its connection cannot be written as Go outside its package")
			continue
		}
		k := key{s.System, s.Where, s.Driver}
		g := groups[k]
		if g == nil {
			g = &database{system: s.System, driver: s.Driver, where: s.Where, source: s.Source,
				driverPkg: s.DriverPkg, ctors: make(map[string][]siteRef), fams: make(map[family]bool)}
			groups[k] = g
			order = append(order, k)
		}
		g.sites = append(g.sites, s)
		g.ctors[s.Constructor] = append(g.ctors[s.Constructor], s)
		g.fams[r.fam] = true
	}
	// The largest groups first; of equals, the first seen.
	slices.SortStableFunc(order, func(a, b key) int { return cmp.Compare(len(groups[b].sites), len(groups[a].sites)) })
	taken := make(map[family]*database)
	for _, k := range order {
		g := groups[k]
		var clash *database
		for f := range g.fams {
			if taken[f] != nil {
				clash = taken[f]
				break
			}
		}
		if clash != nil {
			for _, s := range g.sites {
				p.leave(s, minority(s, clash))
			}
			continue
		}
		if why := g.pickHandle(&p); why != "" {
			for _, s := range g.sites {
				p.leave(s, why)
			}
			continue
		}
		for f := range g.fams {
			taken[f] = g
		}
		p.dbs = append(p.dbs, g)
	}
	slices.SortFunc(p.left, func(a, b leftSite) int { return strings.Compare(a.Posn, b.Posn) })
	return p
}

func (p *plan) leave(s siteRef, why string) { p.left = append(p.left, leftSite{s, why}) }

// minority says why a site on another database than the shared one is
// left: -init writes one shared pool per kind of accessor.
func minority(s siteRef, shared *database) string {
	switch {
	case s.Where != shared.where:
		return fmt.Sprintf("it connects with (%s); more sites use (%s), which the shared pool takes: add an accessor for this database by hand", s.Source, shared.source)
	case s.Driver != shared.driver:
		return fmt.Sprintf("it uses the %q driver; more sites use %q, whose errors and scanned types differ", s.Driver, shared.driver)
	}
	return "another database than the shared pool's"
}

// pickHandle chooses gorm's handle arguments (the most used; gorm.Config
// must equal the shared handle's) and leaves the gorm sites that differ.
// It returns why the whole group cannot be shared, or "".
func (g *database) pickHandle(p *plan) string {
	gs := g.ctors["gorm.io/gorm.Open"]
	if len(gs) == 0 {
		return ""
	}
	count := make(map[string]int)
	for _, s := range gs {
		count[s.Handle]++
	}
	best := ""
	for _, h := range slices.Sorted(maps.Keys(count)) {
		if count[h] > count[best] || count[best] == 0 {
			best = h
		}
	}
	var keep []siteRef
	text, args, written := "", "", false
	for _, s := range gs {
		if s.Handle != best {
			p.leave(s, fmt.Sprintf("it opens its gorm handle with other options (%s) than more gorm sites (%s)", handleText(s, gs, s.Handle), handleText(s, gs, best)))
			continue
		}
		keep = append(keep, s)
		// Any site's options do, as they are the same (Handle).
		if h, ok := handleArgs(s.Args); ok && !written {
			text, args, written = h, s.Args, true
		}
	}
	if !written {
		for _, s := range keep {
			p.leave(s, "its gorm options cannot be written outside its package")
		}
		keep = nil
	}
	g.ctors["gorm.io/gorm.Open"] = keep
	g.handle, g.gormArgs = text, args
	if len(keep) == 0 {
		delete(g.ctors, "gorm.io/gorm.Open")
		delete(g.fams, famGorm)
	}
	g.sites = slices.DeleteFunc(g.sites, func(s siteRef) bool {
		return s.Constructor == "gorm.io/gorm.Open" && (s.Handle != best || !written)
	})
	if len(g.sites) == 0 {
		return "none of its sites can share a pool"
	}
	return ""
}

// short is a constructor's name as code calls it: sql.Open.
func short(ctor string) string {
	fn, err := singlepool.ParseFuncName(ctor)
	if err != nil {
		return ctor
	}
	return fn.Short()
}

// handleText shows gorm options that are handle (canonical) as a site with
// them writes them, or canonical if none can.
func handleText(_ siteRef, sites []siteRef, handle string) string {
	for _, s := range sites {
		if h, ok := handleArgs(s.Args); ok && s.Handle == handle {
			if h == "" {
				return "none"
			}
			return h
		}
	}
	return handle
}
