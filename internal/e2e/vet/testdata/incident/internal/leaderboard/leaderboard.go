// Package leaderboard keeps the ranking in Redis and rebuilds it from
// PostgreSQL.
package leaderboard

import (
	"context"
	"net/http"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"

	"example.com/incident/internal/config"
	"example.com/incident/internal/httpx"
)

const key = "leaderboard"

// Top answers GET /leaderboard.
func Top(w http.ResponseWriter, r *http.Request) {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")}) // site: fix
	defer rdb.Close()
	top, err := rdb.ZRevRangeWithScores(r.Context(), key, 0, 9).Result()
	if err != nil {
		httpx.Fail(w, err)
		return
	}
	httpx.JSON(w, top)
}

// Board writes scores.
type Board struct {
	rdb *redis.Client
}

// NewBoard connects a board.
func NewBoard() *Board {
	return &Board{rdb: redis.NewClient(&redis.Options{Addr: config.RedisAddr()})} // site: fix
}

// Add adds points to a robot.
func (b *Board) Add(ctx context.Context, robot string, points float64) error {
	return b.rdb.ZIncrBy(ctx, key, points, robot).Err()
}

// Close releases the board.
func (b *Board) Close() error { return b.rdb.Close() }

// Refresh rebuilds the board from the matches table.
func (b *Board) Refresh(ctx context.Context) error {
	pool, err := pgxpool.New(ctx, config.DatabaseURL()) // site: fix
	if err != nil {
		return err
	}
	defer pool.Close()
	rows, err := pool.Query(ctx, "SELECT robot, sum(points) FROM results GROUP BY robot")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var robot string
		var points float64
		if err := rows.Scan(&robot, &points); err != nil {
			return err
		}
		if err := b.rdb.ZAdd(ctx, key, redis.Z{Score: points, Member: robot}).Err(); err != nil {
			return err
		}
	}
	return rows.Err()
}
