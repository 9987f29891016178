package catalog

// CloseMethods are the methods that close a client of the catalog, by
// name, with the number of arguments they take: Close() (database/sql,
// pgxpool, go-redis, sqlx, ...) and mongo's Disconnect(ctx)
// (go.mongodb.org/mongo-driver v1.17.10 and v2.10.0).
var CloseMethods = map[string]int{"Close": 0, "Disconnect": 1}

// IsCloseMethod reports whether name is one of CloseMethods.
func IsCloseMethod(name string) bool {
	_, ok := CloseMethods[name]
	return ok
}
