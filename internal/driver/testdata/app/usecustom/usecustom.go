// Package usecustom uses the custom constructor, directly and through a
// factory in another file.
package usecustom

import "example.com/app/custom"

// New makes a client.
func New() *custom.Client { return custom.Dial("x") }

// Use makes one through New.
func Use() { _ = New() }
