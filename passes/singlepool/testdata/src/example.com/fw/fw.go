// Package fw is an in-house framework.
package fw

import "context"

type HandlerFunc func(ctx context.Context, body []byte) error

func Handle(path string, h func(context.Context, []byte) error) {}
