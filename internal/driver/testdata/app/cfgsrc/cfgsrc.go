// Package cfgsrc hands out a custom.Config without calling a constructor.
package cfgsrc

import "example.com/app/custom"

// Config returns the configuration.
func Config() *custom.Config { return &custom.Config{Addr: "x"} }
