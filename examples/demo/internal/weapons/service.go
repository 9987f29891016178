// Package weapons serves /api/weapons.
package weapons

import (
	"context"
	"database/sql"
	"net/http"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"example.com/demo/internal/httpx"
)

// Service reads the weapon catalogue.
type Service struct {
	conn *sql.DB
}

// NewService returns the service; main builds it once at startup.
func NewService() (*Service, error) {
	conn, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	return &Service{conn: conn}, nil
}

// Catalogue returns the weapons, strongest first.
func (s *Service) Catalogue(ctx context.Context) ([]httpx.Item, error) {
	rows, err := s.conn.QueryContext(ctx, `SELECT id, name FROM weapons, pg_sleep(0.05) ORDER BY damage DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []httpx.Item
	for rows.Next() {
		var it httpx.Item
		if err := rows.Scan(&it.ID, &it.Name); err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// List serves the catalogue.
func (s *Service) List(w http.ResponseWriter, r *http.Request) {
	items, err := s.Catalogue(r.Context())
	if err != nil {
		httpx.Error(w, r, err)
		return
	}
	httpx.JSON(w, items)
}
