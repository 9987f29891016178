// Package exports streams large CSV exports on one connection, so that an
// export never holds more than one of the database's connections.
package exports

import (
	"context"
	"database/sql"
	"encoding/csv"
	"io"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"example.com/incident/internal/config"
)

// Matches writes every match as CSV.
func Matches(ctx context.Context, w io.Writer) error {
	db, err := sql.Open("pgx", config.DatabaseURL()) // site: keep (own settings: SetMaxOpenConns(1))
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	rows, err := db.QueryContext(ctx, "SELECT id, red, blue, winner FROM matches ORDER BY id")
	if err != nil {
		return err
	}
	defer rows.Close()
	out := csv.NewWriter(w)
	for rows.Next() {
		var id, red, blue, winner sql.NullString
		if err := rows.Scan(&id, &red, &blue, &winner); err != nil {
			return err
		}
		out.Write([]string{id.String, red.String, blue.String, winner.String})
	}
	out.Flush()
	if err := rows.Err(); err != nil {
		return err
	}
	return out.Error()
}
