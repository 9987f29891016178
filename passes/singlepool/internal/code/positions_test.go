package code

import (
	"testing"
)

func TestPathDir(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"github.com/pressly/goose/v3", "goose"},
		{"github.com/pressly/goose/v3/database", "database"},
		{"example.com/app/internal/users", "users"},
		{"example.com/app/v2x", "v2x"},
		{"example.com/app/v", "v"},
		{"v2", "v2"},
		{"fixnone", "fixnone"},
	} {
		if got := PathDir(c.path); got != c.want {
			t.Errorf("pathDir(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}

func TestAssumedName(t *testing.T) {
	for path, want := range map[string]string{
		"github.com/redis/go-redis/v9":           "redis",
		"github.com/nats-io/nats.go":             "nats",
		"github.com/rabbitmq/amqp091-go":         "amqp091",
		"github.com/ClickHouse/clickhouse-go/v2": "clickhouse",
		"github.com/go-sql-driver/mysql":         "mysql",
		"github.com/jackc/pgx/v5/pgxpool":        "pgxpool",
		"github.com/jackc/pgx/v5":                "pgx",
		"gopkg.in/yaml.v3":                       "yaml",
	} {
		if got := AssumedName(path); got != want {
			t.Errorf("AssumedName(%q) = %q, want %q", path, got, want)
		}
	}
}
