// Package app closes the shared pool through wrapper.
package app

import "example.com/app/shared/wrapper"

// Stop closes what wrapper.DB returns: the shared pool.
func Stop() { wrapper.DB().Close() }
