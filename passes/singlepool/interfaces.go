package singlepool

import (
	"go/types"

	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// Interface methods as factories. asynq.NewClient(opt) calls
// opt.MakeRedisClient(), a method of the RedisConnOpt interface whose
// implementations (RedisClientOpt, RedisFailoverClientOpt, ...) each build a
// new client: a call of the interface method builds a pool whichever runs.
// Under go vet's modular analysis only the package declaring the
// interface sees its implementations together, so the rule is: a method of
// an interface declared in this package is a factory when this package
// declares at least one implementation and every implementation it
// declares builds a pool per call. What cannot be seen is not claimed.

// packageInterfaces are the package's interfaces and the named types
// that implement at least one of them, computed once per package.
type packageInterfaces struct {
	ifaces       []*types.Named
	implementers [][]*types.Named // by interface
}

func interfacesOf(pass *analysis.Pass) *packageInterfaces {
	scope := pass.Pkg.Scope()
	var impls, ifaces []*types.Named
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || n.TypeParams().Len() > 0 {
			continue
		}
		if _, ok := n.Underlying().(*types.Interface); ok {
			ifaces = append(ifaces, n)
		} else {
			impls = append(impls, n)
		}
	}
	pi := &packageInterfaces{}
	for _, in := range ifaces {
		iface := in.Underlying().(*types.Interface)
		var implementers []*types.Named
		for _, n := range impls {
			if types.Implements(n, iface) || types.Implements(types.NewPointer(n), iface) {
				implementers = append(implementers, n)
			}
		}
		if len(implementers) > 0 {
			pi.ifaces = append(pi.ifaces, in)
			pi.implementers = append(pi.implementers, implementers)
		}
	}
	return pi
}

// addFactories adds to factories the methods of the package's interfaces
// that qualify, and reports whether it added any.
func (pi *packageInterfaces) addFactories(pass *analysis.Pass, factories map[*types.Func]*factoryFact) bool {
	changed := false
	for i, in := range pi.ifaces {
		for m := range in.Underlying().(*types.Interface).Methods() {
			if factories[m] != nil || m.Pkg() != pass.Pkg {
				continue
			}
			if f := everyImplBuilds(pass, pi.implementers[i], m, factories); f != nil {
				factories[m] = f
				changed = true
			}
		}
	}
	return changed
}

// everyImplBuilds returns a fact naming the first implementation if each
// implementer's method m is a factory of this package.
func everyImplBuilds(pass *analysis.Pass, implementers []*types.Named, m *types.Func, factories map[*types.Func]*factoryFact) *factoryFact {
	var first *factoryFact
	for _, n := range implementers {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(n), true, pass.Pkg, m.Name())
		impl, ok := obj.(*types.Func)
		if !ok {
			return nil
		}
		f := factories[impl.Origin()]
		if f == nil || f.Helper {
			return nil // an implementation that builds nothing, or keeps its pool
		}
		if first == nil {
			first = &factoryFact{Ctor: f.Ctor, Via: code.ShortFuncName(impl) + ": " + f.Via}
		}
	}
	return first
}
