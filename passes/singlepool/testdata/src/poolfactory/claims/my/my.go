package my // want package:"pools\\(factories=true, sites=0\\)"

import "database/sql"

type DB struct{ db *sql.DB }

func (*DB) Name() string { return "mysql" }

func NewDB(dsn string) (*DB, error) { // want NewDB:"factory\\(sql.Open at my/my.go:10\\)"
	db, err := sql.Open("mysql", dsn) // want `^sql\.Open creates a new connection pool outside`
	if err != nil {
		return nil, err
	}
	return &DB{db: db}, nil
}
