package leagues

import (
	"context"
	"os"

	"github.com/jmoiron/sqlx"

	"example.com/incident/internal/config"
)

// Standings computes a league's table.
type Standings struct {
	League int64
}

// Row is one line of the table.
type Row struct {
	Robot  string `db:"robot"`
	Points int    `db:"points"`
}

// Compute reads the table.
func (s Standings) Compute(ctx context.Context) ([]Row, error) {
	db, err := sqlx.Connect("pgx", os.Getenv(config.EnvDatabaseURL)) // site: fix
	if err != nil {
		return nil, err
	}
	defer db.Close()
	var rows []Row
	err = db.SelectContext(ctx, &rows, "SELECT robot, points FROM standings WHERE league_id = $1 ORDER BY points DESC", s.League)
	return rows, err
}
