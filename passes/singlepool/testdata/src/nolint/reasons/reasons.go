package reasons

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

func f(ctx context.Context) {
	p, _ := pgxpool.New(ctx, "x") //nolint:singlepool // the audit pool, on purpose
	_ = p
	q, _ := pgxpool.New(ctx, "x") /* want `^//nolint:singlepool silences singlepool without a reason` */ //nolint:singlepool
	_ = q
	r, _ := pgxpool.New(ctx, "x") /* want `^//nolint silences singlepool without a reason` */ //nolint
	_ = r
	s := 1 /* want `^//nolint:singlepool // left over is unused: singlepool reports nothing here; remove it$` */ //nolint:singlepool // left over
	t := 2 //nolint:errcheck
	u := 3 //nolint
	_, _, _ = s, t, u
}
