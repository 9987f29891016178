package admin

import (
	"encoding/csv"
	"net/http"

	"example.com/incident/internal/httpx"
	"example.com/incident/internal/legacy"
)

// ExportUsers answers GET /admin/users.csv, through the legacy package.
func ExportUsers(w http.ResponseWriter, r *http.Request) {
	db, err := legacy.Open()
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer db.Close()
	rows, err := db.QueryContext(r.Context(), "SELECT id, name FROM users ORDER BY id")
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	defer rows.Close()
	out := csv.NewWriter(w)
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return
		}
		out.Write([]string{id, name})
	}
	out.Flush()
}
