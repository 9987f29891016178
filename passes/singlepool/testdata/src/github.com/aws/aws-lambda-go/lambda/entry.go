// Package lambda is a stub of github.com/aws/aws-lambda-go v1.55.1's lambda.
package lambda

import "context"

type Option func()

func Start(handler interface{}) {}

func StartWithOptions(handler interface{}, options ...Option) {}

func StartWithContext(ctx context.Context, handler interface{}) {}
