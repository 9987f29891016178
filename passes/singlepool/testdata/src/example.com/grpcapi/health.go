// Package grpcapi stands for protoc-gen-go-grpc's output.
package grpcapi

import "context"

type Req struct{}

type Resp struct{}

type HealthServer interface {
	Check(context.Context, *Req) (*Resp, error)
	Watch(*Req, Health_WatchServer) error
}

type Health_WatchServer interface{ Send(*Resp) error }

type UnimplementedHealthServer struct{}

func (UnimplementedHealthServer) Check(context.Context, *Req) (*Resp, error) { return nil, nil }

func (UnimplementedHealthServer) Watch(*Req, Health_WatchServer) error { return nil }

func RegisterHealthServer(s any, srv HealthServer) {}
