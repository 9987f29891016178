// Command gormapp opens one gorm pool: one *gorm.DB site. The sql.Open
// inside gorm.io/driver/postgres is gorm.Open's implementation, not a
// second pool of the program, so max-pools=1 holds.
package main

import (
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func main() {
	db, err := gorm.Open(postgres.Open("x"), &gorm.Config{})
	_, _ = db, err
}
