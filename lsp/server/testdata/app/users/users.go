// Package users reads users.
package users

import (
	"context"

	"example.com/app/internal/db"
)

// Ping checks the database.
func Ping(ctx context.Context) error {
	pool, err := db.Pool(ctx)
	if err != nil {
		return err
	}
	return pool.Ping(ctx)
}
