// Package robots stores the players' robots.
package robots

import (
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver
	"github.com/jmoiron/sqlx"

	"example.com/incident/internal/config"
)

// Robot is one robot.
type Robot struct {
	ID    int64  `db:"id"`
	Owner int64  `db:"owner_id"`
	Name  string `db:"name"`
}

// Repo is the robots' repository.
type Repo struct {
	db *sqlx.DB
}

// NewRepo connects the repository.
func NewRepo() (*Repo, error) {
	db, err := sqlx.Connect("pgx", os.Getenv(config.EnvDatabaseURL)) // site: fix
	if err != nil {
		return nil, err
	}
	return &Repo{db: db}, nil
}

// ByOwner lists a player's robots.
func (r *Repo) ByOwner(owner int64) ([]Robot, error) {
	var out []Robot
	err := r.db.Select(&out, "SELECT id, owner_id, name FROM robots WHERE owner_id = $1", owner)
	return out, err
}

// Close closes the repository.
func (r *Repo) Close() error {
	return r.db.Close()
}
