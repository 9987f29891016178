// Package catalog is singlepool's knowledge of the libraries it checks:
// every fact here was checked against the library's source from the Go
// module proxy, at the version its comment names, and docs/catalog.md
// lists them. One file per section of docs/catalog.md, so that a library
// is added in this package alone:
//
//   - constructors.go: the constructors and what they create (Constructors, Kind);
//   - wrappers.go: constructors given an existing pool, and views of one
//     (MayWrap, GormDrivers, PoolConnectors, PoolViews);
//   - builders.go: pure functions and builders a fix may drop, and the
//     pool settings that block one (PureFuncs, IsBuilderMethod,
//     StatedPackages, PoolSettings, SQLPoolSetters);
//   - sizes.go: each constructor's database system, pool-size rule and
//     default (SizeRules, Size, Systems, DriverSystems, SystemOfPkg);
//   - frameworks.go: handler shapes and the functions that run a callback
//     later, once or on a goroutine (HandlerShapes, LaterRunners, GoRunners);
//   - closes.go: the methods that close a client (CloseMethods).
//
// The package holds data and the lookups on it; the engines that read
// code (../poolsize, ../frequency, ../connid) and the analyzer consume it.
package catalog
