// Package jobs runs the nightly clean-up on the shared pool, and closes it
// when done: every request after the first night fails with "closed pool".
// singlepool reports the Close (close-shared), and its fix removes it.
package jobs

import (
	"context"

	"example.com/app/internal/db"
)

// Nightly deletes expired sessions.
func Nightly(ctx context.Context) error {
	pool, err := db.Pool(ctx)
	if err != nil {
		return err
	}
	defer pool.Close()
	_, err = pool.Exec(ctx, "DELETE FROM sessions WHERE expires < now()")
	return err
}
