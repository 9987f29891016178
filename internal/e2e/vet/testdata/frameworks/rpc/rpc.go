// Package rpc implements grpc's health service with a pool per call.
package rpc

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	"google.golang.org/grpc"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

type health struct {
	healthpb.UnimplementedHealthServer
}

// Check pings the database with a pool of its own.
func (h *health) Check(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	defer pool.Close()
	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, pool.Ping(ctx)
}

// Register registers the service.
func Register(s *grpc.Server) { healthpb.RegisterHealthServer(s, &health{}) }
