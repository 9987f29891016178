// Package usealias calls wrap2's factory.
package usealias

import "example.com/app/wrap2"

// Run opens a pool per call.
func Run() { _, _ = wrap2.Open() }
