package frequency

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool/internal/catalog"
	"github.com/singlepool/singlepool/passes/singlepool/internal/code"
	"golang.org/x/tools/go/analysis"
)

// Code that runs once per request, call or invocation: handlers, by their
// framework's type (checked against each framework's source, see
// docs/catalog.md), by registration (lambda.Start, a generated
// Register...Server, the handlers setting), and gRPC methods.

// handlerLabel returns the label of the framework shape sig has, if any.
func handlerLabel(sig *types.Signature) (string, bool) {
	for _, h := range catalog.HandlerShapes {
		if sig.Params().Len() != len(h.Params) || sig.Results().Len() != btoi(h.Err) {
			continue
		}
		if h.Err && !code.IsErrorType(sig.Results().At(0).Type()) {
			continue
		}
		match := true
		for i, p := range h.Params {
			if !code.IsNamedIn(sig.Params().At(i).Type(), h.Pkg, p) {
				match = false
				break
			}
		}
		if match {
			return h.Label, true
		}
	}
	return "", false
}

// IsHandler reports whether sig is a request handler's by its shape.
func IsHandler(sig *types.Signature) bool {
	_, ok := handlerLabel(sig)
	return ok
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A Index knows the package's handlers that their shape alone does
// not show: functions registered with a Lambda start, a registrar of the
// handlers setting, gRPC service types, and the setting's handler types.
// It is built on first use: most packages have no site to ask about.
type Index struct {
	pass      *analysis.Pass
	handlers  []code.FuncName // the handlers setting
	built     bool
	funcs     map[types.Object]Frequency // registered functions
	lits      map[*ast.FuncLit]Frequency
	grpcTypes map[*types.TypeName]bool // passed to a generated Register...Server
	types     []customHandler          // the handlers setting's function types
}

type customHandler struct {
	sig  *types.Signature
	freq Frequency
}

func NewIndex(pass *analysis.Pass, handlers []code.FuncName) *Index {
	return &Index{pass: pass, handlers: handlers}
}

func (h *Index) build() {
	h.built = true
	h.funcs = make(map[types.Object]Frequency)
	h.lits = make(map[*ast.FuncLit]Frequency)
	h.grpcTypes = make(map[*types.TypeName]bool)
	registrars := make(map[code.FuncName]bool)
	if len(h.handlers) > 0 {
		find := code.PackageFinder(h.pass.Pkg)
		for _, name := range h.handlers {
			pkg := find(name.Pkg)
			if name.Pkg == h.pass.Pkg.Path() {
				pkg = h.pass.Pkg
			}
			if pkg == nil {
				continue
			}
			switch obj := pkg.Scope().Lookup(name.Name).(type) {
			case *types.TypeName:
				if sig, ok := obj.Type().Underlying().(*types.Signature); ok && name.Recv == "" {
					h.types = append(h.types, customHandler{sig, Frequency{Request, "handler of " + name.Short()}})
				}
			default:
				registrars[name] = true
			}
		}
	}
	if !h.mayRegister(registrars) {
		return // no registration to find: the common case, without a walk
	}
	info := h.pass.TypesInfo
	register := func(arg ast.Expr, f Frequency) {
		switch a := ast.Unparen(arg).(type) {
		case *ast.FuncLit:
			h.lits[a] = f
		case *ast.Ident, *ast.SelectorExpr:
			if fn, ok := info.Uses[code.CalleeRef(a)].(*types.Func); ok && fn.Pkg() == h.pass.Pkg {
				h.funcs[fn.Origin()] = f
			}
		}
	}
	for _, file := range h.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			id := code.CalleeIdent(call)
			if id == nil {
				return true
			}
			fn, ok := info.Uses[id].(*types.Func)
			if !ok || fn.Pkg() == nil {
				return true
			}
			switch {
			case fn.Pkg().Path() == catalog.LambdaPkg:
				if i, ok := catalog.LambdaStarts[fn.Name()]; ok && i < len(call.Args) {
					register(call.Args[i], Frequency{"invocation", "Lambda handler"})
				}
			case registrars[code.FuncNameOf(fn)]:
				for _, a := range call.Args {
					if t := info.TypeOf(a); t == nil {
						continue // ill-typed
					} else if _, ok := t.Underlying().(*types.Signature); ok {
						register(a, Frequency{Request, "handler registered with " + code.ShortFuncName(fn)})
					}
				}
			case strings.HasPrefix(fn.Name(), "Register") && strings.HasSuffix(fn.Name(), "Server") && len(call.Args) == 2:
				// A generated gRPC registration: RegisterFooServer(s, impl).
				t := info.TypeOf(call.Args[1])
				if p, ok := t.(*types.Pointer); ok {
					t = p.Elem()
				}
				if n, ok := types.Unalias(t).(*types.Named); ok {
					h.grpcTypes[n.Obj()] = true
				}
			}
			return true
		})
	}
}

// mayRegister reports whether the package can register a handler: it
// imports aws-lambda-go's lambda, a registrar's package, or a package
// declaring a generated Register...Server.
func (h *Index) mayRegister(registrars map[code.FuncName]bool) bool {
	pkgs := make(map[string]bool)
	for r := range registrars {
		pkgs[r.Pkg] = true
	}
	if pkgs[h.pass.Pkg.Path()] {
		return true
	}
	for _, imp := range h.pass.Pkg.Imports() {
		if imp.Path() == catalog.LambdaPkg || pkgs[imp.Path()] || declaresGRPCRegistrar(imp) {
			return true
		}
	}
	return false
}

// declaresGRPCRegistrar reports whether pkg declares a RegisterXServer
// function (generated gRPC code), remembered per package: a large
// dependency is imported by many packages, and Scope.Names sorts.
func declaresGRPCRegistrar(pkg *types.Package) bool {
	return grpcRegistrars.Get(pkg, func() bool {
		for _, name := range pkg.Scope().Names() {
			if strings.HasPrefix(name, "Register") && strings.HasSuffix(name, "Server") {
				return true
			}
		}
		return false
	})
}

var grpcRegistrars code.PkgMemo

// ofLit says how often a function literal runs, if it is a handler:
// once per request, per invocation (Lambda), per message, ...
func (h *Index) ofLit(lit *ast.FuncLit) Frequency {
	sig, ok := h.pass.TypesInfo.TypeOf(lit).(*types.Signature)
	if !ok {
		return Frequency{}
	}
	if label, ok := handlerLabel(sig); ok {
		return Frequency{shapeEvery(label), label}
	}
	if !h.built {
		h.build()
	}
	if f, ok := h.lits[lit]; ok {
		return f
	}
	return h.ofCustom(sig)
}

// ofFunc says how often a declared function or method runs, if it is a
// handler or a gRPC method.
func (h *Index) ofFunc(fn *types.Func) Frequency {
	sig := fn.Signature()
	if label, ok := handlerLabel(sig); ok {
		return Frequency{shapeEvery(label), label}
	}
	if !h.built {
		h.build()
	}
	if f, ok := h.funcs[fn]; ok {
		return f
	}
	if h.isGRPCMethod(fn) {
		return Frequency{"call", "gRPC method " + fn.Name()}
	}
	return h.ofCustom(sig)
}

func (h *Index) ofCustom(sig *types.Signature) Frequency {
	for _, c := range h.types {
		if types.Identical(sig, c.sig) {
			return c.freq
		}
	}
	return Frequency{}
}

// isGRPCMethod reports whether fn is an exported method, of the unary or
// a streaming shape, of a type that implements a gRPC service: it embeds
// the generated Unimplemented...Server, or is passed to Register...Server.
func (h *Index) isGRPCMethod(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() == nil || !fn.Exported() {
		return false
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || (!h.grpcTypes[named.Obj()] && !embedsUnimplementedServer(named)) {
		return false
	}
	params, results := sig.Params(), sig.Results()
	switch {
	case params.Len() == 2 && results.Len() == 2: // unary: (ctx, *Req) (*Resp, error)
		return code.IsContext(params.At(0).Type()) && code.IsErrorType(results.At(1).Type())
	case params.Len() >= 1 && results.Len() == 1: // streaming: (*Req, Stream) error or (Stream) error
		last := params.At(params.Len() - 1).Type()
		n, ok := types.Unalias(last).(*types.Named)
		return ok && code.IsErrorType(results.At(0).Type()) && strings.Contains(n.Obj().Name(), "Server")
	}
	return false
}

// embedsUnimplementedServer reports whether a struct type embeds a
// generated Unimplemented...Server.
func embedsUnimplementedServer(n *types.Named) bool {
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for f := range st.Fields() {
		if !f.Embedded() {
			continue
		}
		name := f.Name()
		if strings.HasPrefix(name, "Unimplemented") && strings.HasSuffix(name, "Server") {
			return true
		}
	}
	return false
}

// shapeEvery is what a shape's handler runs once per: a request, or a
// message for a consumer.
func shapeEvery(label string) string {
	if strings.Contains(label, "message") {
		return "message"
	}
	return Request
}

// runsOnGoroutine reports whether the call runs a literal argument on a new
// goroutine (errgroup.Group.Go, sync.WaitGroup.Go, conc): once per call.
func runsOnGoroutine(pass *analysis.Pass, call *ast.CallExpr) bool {
	id := code.CalleeIdent(call)
	if id == nil {
		return false
	}
	fn, ok := pass.TypesInfo.Uses[id].(*types.Func)
	return ok && fn.Pkg() != nil && catalog.GoRunners[[2]string{fn.Pkg().Path(), fn.Name()}]
}
