package leaderboard

import (
	"context"
	"os"

	"github.com/redis/go-redis/v9"
)

// Import loads a season's final scores into the board, on a client
// limited to two connections so that an import cannot starve the
// requests.
func Import(ctx context.Context, scores map[string]float64) error {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), PoolSize: 2}) // site: keep (own settings: PoolSize 2)
	defer rdb.Close()
	for robot, points := range scores {
		if err := rdb.ZAdd(ctx, key, redis.Z{Score: points, Member: robot}).Err(); err != nil {
			return err
		}
	}
	return nil
}
