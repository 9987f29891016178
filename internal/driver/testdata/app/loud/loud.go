// Package loud calls store's factory: loaded from source, a factory too.
package loud

import (
	"database/sql"

	"example.com/app/store"
)

// Connect wraps store.Open under a name no stage-1 fact holds.
func Connect() (*sql.DB, error) { return store.Open("loud") }
