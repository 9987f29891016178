// Package mid reaches the constructors only through user.
package mid

import "example.com/app/user"

// Open calls user's factory.
func Open() { user.Direct() }
