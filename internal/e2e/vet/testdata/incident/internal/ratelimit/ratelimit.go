// Package ratelimit limits requests per client, counted in Redis.
package ratelimit

import (
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"

	"example.com/incident/internal/config"
)

// Middleware lets at most limit requests per minute through for each
// client address.
func Middleware(limit int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rdb := redis.NewClient(&redis.Options{Addr: config.RedisAddr()}) // site: fix
		defer rdb.Close()
		key := "rate:" + r.RemoteAddr + ":" + time.Now().UTC().Format("200601021504")
		n, err := rdb.Incr(r.Context(), key).Result()
		if err == nil && n == 1 {
			rdb.Expire(r.Context(), key, time.Minute)
		}
		if err == nil && n > limit {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
