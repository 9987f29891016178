// Package jobs runs the nightly clean-up on the shared pool, and closes it
// when done: every request after the first night fails with "closed pool".
// singlepool reports the Close (close-shared), and its fix removes it.
package jobs

import (
	"context"
	"errors"

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

// Weekly vacuums through db.Conn, which passes the shared pool on.
func Weekly(ctx context.Context) error {
	conn := db.Conn(ctx)
	if conn == nil {
		return errors.New("no database")
	}
	defer conn.Close()
	_, err := conn.Exec(ctx, "VACUUM")
	return err
}
