// Package sqltypes uses database/sql for its types only: it cannot hold a
// fact, so it is read from export data.
package sqltypes

import "database/sql"

// Null returns a null string.
func Null() sql.NullString { return sql.NullString{} }
