// Package usevia calls viamethod's factory and uses sqltypes.
package usevia

import (
	"example.com/app/sqltypes"
	"example.com/app/viamethod"
)

// Use makes a client through the factory.
func Use() { _, _ = viamethod.Dial(), sqltypes.Null() }
