package driver

import (
	"bytes"
	"go/scanner"
	"go/token"
	"maps"
	"slices"
	"strconv"

	"github.com/singlepool/singlepool/passes/singlepool"
)

// Which dependencies may call a constructor: read from their text, before
// anything is type-checked (see decideSource).

// inCone reports whether n imports a constructor package, directly or not.
func (ld *loader) inCone(n *node) bool {
	if !n.coneDone {
		n.coneDone = true
		for _, imp := range n.pkg.Imports {
			if ld.ctors[imp.PkgPath] != nil || ld.inCone(ld.nodes[imp]) {
				n.cone = true
				break
			}
		}
	}
	return n.cone
}

// methodCtors returns the constructor packages declaring methods that n
// imports, directly or not, remembered per node (there are few such
// packages, and many nodes share their importers).
func (ld *loader) methodCtors(n *node) map[string]*callables {
	if n.methodsDone {
		return n.methods
	}
	n.methodsDone = true
	add := func(path string, c *callables) {
		if n.methods == nil {
			n.methods = make(map[string]*callables)
		}
		n.methods[path] = c
	}
	for _, imp := range n.pkg.Imports {
		if c := ld.ctors[imp.PkgPath]; c != nil && len(c.methods) > 0 {
			add(imp.PkgPath, c)
		}
		for path, c := range ld.methodCtors(ld.nodes[imp]) {
			add(path, c)
		}
	}
	return n.methods
}

// callables are the names through which another package can call
// constructors of a package: funcs as pkg.F, methods as x.M.
type callables struct {
	funcs, methods map[string]bool
}

func (c *callables) add(name string, method bool) {
	m := &c.funcs
	if method {
		m = &c.methods
	}
	if *m == nil {
		*m = make(map[string]bool)
	}
	(*m)[name] = true
}

// groupCtors groups constructors by package.
func groupCtors(names []singlepool.FuncName) map[string]*callables {
	byPkg := make(map[string]*callables)
	for _, n := range names {
		if byPkg[n.Pkg] == nil {
			byPkg[n.Pkg] = new(callables)
		}
		byPkg[n.Pkg].add(n.Name, n.Recv != "")
	}
	return byPkg
}

// callsConstructor reports whether n's source may call a constructor: it
// names one, as imp.F for a function of a package it imports, or as .M for
// a method of a package it imports directly or not. Comments and strings
// count too, which only errs towards loading from source.
func (ld *loader) callsConstructor(n *node) bool {
	return ld.names(n, ld.ctors, ld.methodCtors(n))
}

// names reports whether n's source names one of funcs (by package path) as
// imp.F through a direct import, or one of methods as .M.
func (ld *loader) names(n *node, funcs, methods map[string]*callables) bool {
	// A function is called through a direct import, a method through any:
	// without either, there is nothing to scan for.
	scan := len(methods) > 0
	for _, imp := range n.pkg.Imports {
		if c := funcs[imp.PkgPath]; c != nil && len(c.funcs) > 0 {
			scan = true
		}
	}
	if !scan {
		return false
	}
	srcs := make([][]byte, len(n.pkg.CompiledGoFiles))
	for i, name := range n.pkg.CompiledGoFiles {
		src, err := ld.readFile(name)
		if err != nil {
			return true // let the type checker report it
		}
		srcs[i] = src
	}
	// Every name it could be called by must appear in the text: most
	// packages are settled without tokenizing.
	var needles []string
	for _, c := range methods {
		needles = slices.AppendSeq(needles, maps.Keys(c.methods))
	}
	for _, imp := range n.pkg.Imports {
		if c := funcs[imp.PkgPath]; c != nil {
			needles = slices.AppendSeq(needles, maps.Keys(c.funcs))
		}
	}
	if !slices.ContainsFunc(srcs, func(src []byte) bool {
		return slices.ContainsFunc(needles, func(s string) bool { return bytes.Contains(src, []byte(s)) })
	}) {
		return false
	}
	words := scanWords(n.pkg.CompiledGoFiles, srcs)
	for _, c := range methods {
		for m := range c.methods {
			if words.idents[m] {
				return true
			}
		}
	}
	for path, imp := range n.pkg.Imports {
		c := funcs[imp.PkgPath]
		if c == nil || len(c.funcs) == 0 {
			continue
		}
		// The package's own name, and any a file gives it.
		for _, local := range append(words.importNames[path], imp.Name) {
			if local == "." {
				return true // dot import: any use is a bare name
			}
			for f := range c.funcs {
				if words.selectors[local+"."+f] {
					return true
				}
			}
		}
	}
	return false
}

// words are the identifiers of some Go files.
type words struct {
	idents      map[string]bool     // every identifier
	selectors   map[string]bool     // "x.Sel" as written
	importNames map[string][]string // import path -> explicit names given it
}

// scanWords tokenizes the files' sources (no parsing) and collects their
// identifiers.
func scanWords(files []string, srcs [][]byte) *words {
	w := &words{idents: make(map[string]bool), selectors: make(map[string]bool), importNames: make(map[string][]string)}
	fset := token.NewFileSet() // positions are not kept
	for i, name := range files {
		src := srcs[i]
		var sc scanner.Scanner
		sc.Init(fset.AddFile(name, -1, len(src)), src, nil, 0)
		var prev, prev2 token.Token
		var prevLit, prev2Lit string
		inImport := false
		for {
			_, tok, lit := sc.Scan()
			if tok == token.EOF {
				break
			}
			switch tok {
			case token.IMPORT:
				inImport = true
			case token.FUNC, token.TYPE, token.VAR, token.CONST:
				inImport = false
			case token.IDENT:
				w.idents[lit] = true
				if prev == token.PERIOD && prev2 == token.IDENT {
					w.selectors[prev2Lit+"."+lit] = true
				}
			case token.STRING:
				// import name "path": an explicit name (or . or _).
				if inImport && (prev == token.IDENT || prev == token.PERIOD) {
					if path, err := strconv.Unquote(lit); err == nil {
						local := prevLit
						if prev == token.PERIOD {
							local = "."
						}
						w.importNames[path] = append(w.importNames[path], local)
					}
				}
			}
			prev2, prev2Lit = prev, prevLit
			prev, prevLit = tok, lit
		}
	}
	return w
}
