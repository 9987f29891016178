package singlepool

import "github.com/singlepool/singlepool/passes/singlepool/internal/code"

// A FuncName names a package-level function or a method: the grammar of
// the catalog, the constructors and singleton settings, and the names
// Constructors hands to drivers. Written "pkg/path.Func" or
// "(*pkg/path.Type).Method"; the star is optional and not kept, since a
// method is found through either receiver.
type FuncName = code.FuncName

// ParseFuncName parses and validates a function name. Errors quote s and
// say what is wrong with it.
func ParseFuncName(s string) (FuncName, error) { return code.ParseFuncName(s) }
