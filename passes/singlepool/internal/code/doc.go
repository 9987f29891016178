// Package code holds the generic AST and type helpers of singlepool's
// engines and rules, as staticcheck's analysis/code does: paths to a
// position and enclosing nodes, callees, locals and parameters, nil and
// error checks, node text for messages, positions written for facts,
// function names in the settings' grammar (FuncName), packages among the
// imports, and module roots. Nothing here knows a database library.
package code
