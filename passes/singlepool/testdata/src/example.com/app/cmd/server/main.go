// Package main is below the allowlisted tree example.com/app/cmd/...
package main

import "database/sql"

func main() { _, _ = sql.Open("pgx", "") }
