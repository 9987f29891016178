package db_test

import "database/sql"

// The external test package belongs to the package it tests.
func f() { _, _ = sql.Open("pgx", "") }
