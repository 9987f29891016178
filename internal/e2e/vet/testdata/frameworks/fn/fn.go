// Package fn is an AWS Lambda function that opens a pool per invocation.
package fn

import (
	"context"
	"database/sql"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	_ "github.com/jackc/pgx/v5/stdlib"
)

func handle(ctx context.Context) (string, error) {
	db, err := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	if err != nil {
		return "", err
	}
	defer db.Close()
	return "ok", db.PingContext(ctx)
}

// Main starts the function.
func Main() { lambda.Start(handle) }
