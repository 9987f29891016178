package weapons

import (
	"database/sql"
	"net/http"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver

	"example.com/incident/internal/httpx"
)

// Routes registers the armoury's pages.
func Routes(mux *http.ServeMux) {
	dsn := os.Getenv("DATABASE_URL")
	mux.HandleFunc("GET /weapons", func(w http.ResponseWriter, r *http.Request) {
		db, err := sql.Open("pgx", dsn) // site: fix
		if err != nil {
			httpx.Fail(w, err)
			return
		}
		defer db.Close()
		rows, err := db.QueryContext(r.Context(), "SELECT name FROM weapons ORDER BY name")
		if err != nil {
			httpx.Fail(w, err)
			return
		}
		defer rows.Close()
		var names []string
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				httpx.Fail(w, err)
				return
			}
			names = append(names, n)
		}
		httpx.JSON(w, names)
	})
}
