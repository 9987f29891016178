// Package plain imports no constructor package.
package plain

import (
	"fmt"
	"strings"
)

// Name returns a name.
func Name() string { return strings.ToUpper(fmt.Sprint("x")) }
