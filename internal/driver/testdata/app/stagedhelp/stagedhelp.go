// Package stagedhelp imports staged; staged's external test imports it,
// so it sits above the matched package and below its test.
package stagedhelp

import "example.com/app/staged"

// Run calls the handler.
func Run() { staged.Handler() }
