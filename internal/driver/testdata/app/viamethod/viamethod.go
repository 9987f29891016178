// Package viamethod calls the method constructor on a value from cfgsrc,
// without importing custom itself.
package viamethod

import "example.com/app/cfgsrc"

// Dial makes a client: a factory.
func Dial() any { return cfgsrc.Config().Connect() }
