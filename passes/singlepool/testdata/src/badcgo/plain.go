package badcgo

import "database/sql"

func plain() error {
	db, err := sql.Open("pgx", "plain") // want `sql\.Open creates a new connection pool`
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return nil
}
