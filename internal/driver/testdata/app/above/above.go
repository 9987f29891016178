// Package above names no function that held a fact when the constructor
// callers were analyzed, but imports loud, which stays on source: so does
// above.
package above

import (
	"database/sql"

	"example.com/app/loud"
)

// Get wraps loud.Connect.
func Get() (*sql.DB, error) { return loud.Connect() }
