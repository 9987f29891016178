package c // want package:"pools\\(factories=false, sites=2\\)"

// Clients of a library whose import path ends in a major version
// (go-redis/v9): the message names the package, redis.

import "github.com/redis/go-redis/v9"

func h() {
	a := redis.NewClient(nil)
	b := redis.NewClient(nil)
	_, _ = a, b
}
