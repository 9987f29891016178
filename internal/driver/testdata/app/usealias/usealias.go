// Package usealias calls aliasopen's factory.
package usealias

import "example.com/app/aliasopen"

// Run opens a pool per call.
func Run() { _, _ = aliasopen.Open() }
