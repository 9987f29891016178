package newpool

import (
	"database/sql"
	"net/http"

	"example.com/ext"
)

// Direct calls are reported at the constructor identifier.
func direct(dsn string) {
	db, _ := sql.Open("pgx", dsn) // want `^sql\.Open creates a new connection pool outside example\.com/app/internal/db, example\.com/app/cmd/\.\.\.; use the shared pool$`
	_ = db
	db2 := sql.OpenDB(nil) // want `sql\.OpenDB creates a new connection pool`
	_ = db2
}

// A reference as a function value creates pools when called.
var open = sql.Open // want `sql\.Open creates a new connection pool`

func callers() {
	f := sql.OpenDB // want `sql\.OpenDB creates a new connection pool`
	_ = f
	_ = open
}

// User constructors from the constructors setting, functions and methods.
func user(w http.ResponseWriter) {
	_ = ext.NewPool("x") // want `ext\.NewPool creates a new connection pool`
	var c ext.Config
	_ = c.Open()              // want `\(\*ext\.Config\)\.Open creates a new connection pool`
	_ = (*ext.Config).Open    // want `\(\*ext\.Config\)\.Open creates a new connection pool`
	_ = ext.Other("x")        // a function of the same package that is not listed
	_ = ext.Wrapper{}.NewPool // a method sharing the constructor's name
	_ = c.Close               // another method of the same type
	var e ext.Embeds          // the method promoted through an embedded field is the same object
	_ = e.Open()              // want `\(\*ext\.Config\)\.Open creates a new connection pool`
}
