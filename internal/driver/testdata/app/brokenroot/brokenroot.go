// Package brokenroot is the matched package above brokenquiet.
package brokenroot

import "example.com/app/brokenquiet"

// Name passes brokenquiet's name on.
func Name() string { return brokenquiet.Name() }
