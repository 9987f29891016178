// Package aliasopen imports database/sql under another name.
package aliasopen

import dbsql "database/sql"

// Open opens a pool: a factory.
func Open() (*dbsql.DB, error) { return dbsql.Open("postgres", "") }
