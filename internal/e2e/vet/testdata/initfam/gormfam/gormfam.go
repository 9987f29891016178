// Package gormfam opens gorm handles, each with its own pool.
package gormfam

import (
	"os"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

func A() (*gorm.DB, error) {
	return gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{DisableAutomaticPing: true})
}

func B() (*gorm.DB, error) {
	return gorm.Open(postgres.Open(os.Getenv("DATABASE_URL")), &gorm.Config{DisableAutomaticPing: true})
}
