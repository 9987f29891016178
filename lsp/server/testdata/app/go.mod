module example.com/app

go 1.25

require github.com/jackc/pgx/v5 v5.12.0

// A stub of pgxpool's API (signatures from v5.12.0), so the test needs no download.
replace github.com/jackc/pgx/v5 => ./stub/pgx
