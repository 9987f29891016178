// Package replica runs the heavy reads on the read replica.
package replica

import (
	"context"
	"database/sql"
	"os"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"example.com/incident/internal/config"
)

// History returns a player's match count, read on the replica.
func History(ctx context.Context, user int64) (int, error) {
	db, err := sql.Open("pgx", os.Getenv(config.EnvReplicaURL)) // site: keep (another database: the replica)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM matches WHERE red = $1 OR blue = $1", user).Scan(&n)
	return n, err
}

// Match is a match, as gorm maps it.
type Match struct {
	ID     int64
	Winner int64
}

// Wins counts a player's wins on the replica, through gorm.
func Wins(ctx context.Context, user int64) (int64, error) {
	gdb, err := gorm.Open(postgres.Open(config.ReplicaURL()), &gorm.Config{}) // site: keep (another database: the replica)
	if err != nil {
		return 0, err
	}
	var n int64
	err = gdb.WithContext(ctx).Model(&Match{}).Where("winner = ?", user).Count(&n).Error
	return n, err
}
