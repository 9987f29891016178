// Package staged reaches store's factories through quiet (read from
// export data), loud and above (from source).
package staged

import (
	"example.com/app/above"
	"example.com/app/loud"
	"example.com/app/quiet"
)

// Handler opens pools three ways.
func Handler() {
	db, _ := loud.Connect()
	defer db.Close()
	re, _ := quiet.Conn().Reopen()
	defer re.Close()
	ab, _ := above.Get()
	defer ab.Close()
	_ = quiet.Version()
}
