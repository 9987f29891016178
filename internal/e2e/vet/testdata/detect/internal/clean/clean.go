// Package clean uses the shared pools only.
package clean

import (
	"context"

	"example.com/app/internal/db"
)

func Ping(ctx context.Context) error {
	pool, err := db.Pool(ctx)
	if err != nil {
		return err
	}
	return pool.Ping(ctx)
}
