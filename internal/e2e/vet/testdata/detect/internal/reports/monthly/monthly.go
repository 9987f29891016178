// Package monthly is nested two levels below internal.
package monthly

import (
	"os"

	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
)

func Run() error {
	db, err := sqlx.Connect("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		return err
	}
	defer db.Close()
	cache := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer cache.Close()
	return nil
}
