// Package config reads the application's settings.
package config

import "os"

// DSN is the database's connection string.
func DSN() string { return os.Getenv("DATABASE_URL") }
