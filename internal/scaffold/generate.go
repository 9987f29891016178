package scaffold

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/singlepool/singlepool/passes/singlepool"
)

// An accessor is one function -init writes, with the constructors it
// replaces.
type accessor struct {
	name  string
	ctors []string
	db    *database
	doc   string // what it returns, for the package comment
}

// A generator writes the shared package's source.
type generator struct {
	pkgName string
	budget  singlepool.Budget
	known   func(pkgPath string) bool // the package is in the user's program
	stated  map[string]string         // package names of Go text -> import paths

	imports   map[string]string // import path -> "" or "_"
	consts    []string          // "Name = N // why"
	body      bytes.Buffer
	accessors []accessor
	notes     []string // what the user should know (a driver not imported)
	systems   map[string]int
}

// generate returns the formatted source of the shared package for p.
func (g *generator) generate(p plan) ([]byte, error) {
	g.imports = map[string]string{"sync": ""}
	g.systems = make(map[string]int)
	for _, db := range p.dbs {
		g.systems[db.system]++
	}
	for _, db := range p.dbs {
		if err := g.database(db); err != nil {
			return nil, err
		}
	}
	g.notes = append(g.notes, budgetNotes(p, g.budget)...)
	var out bytes.Buffer
	g.header(&out)
	out.Write(g.body.Bytes())
	src, err := format.Source(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("the generated package does not parse (a bug in singlepool -init): %v\n%s", err, out.Bytes())
	}
	return src, nil
}

// header writes the package comment, imports, size constants and Close.
func (g *generator) header(out *bytes.Buffer) {
	fmt.Fprintf(out, `// Package %s owns the program's shared database pools and clients: the
// only package that builds one (.singlepool.yml allows it; singlepool
// -init wrote both). Every other package asks for them here:
//
`, g.pkgName)
	for _, a := range g.accessors {
		fmt.Fprintf(out, "//\t%s\n", a.doc)
	}
	fmt.Fprintf(out, `//
// Each is built once, on first use, and lives until Close, which main
// calls at shutdown. A database has one pool, whichever of these reaches
// it, so the connections the program opens are the sizes below.
package %s

import (
`, g.pkgName)
	paths := make([]string, 0, len(g.imports))
	for p := range g.imports {
		paths = append(paths, p)
	}
	slices.SortFunc(paths, func(a, b string) int {
		// The standard library first, as goimports groups them.
		if sa, sb := !strings.Contains(a, "."), !strings.Contains(b, "."); sa != sb {
			if sa {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	std := true
	for _, p := range paths {
		if std && strings.Contains(p, ".") {
			out.WriteString("\n")
			std = false
		}
		if g.imports[p] == "_" {
			fmt.Fprintf(out, "\t_ %q // registers the database/sql driver\n", p)
		} else {
			fmt.Fprintf(out, "\t%q\n", p)
		}
	}
	out.WriteString(")\n\n")
	if len(g.consts) > 0 {
		out.WriteString("// The pools' sizes: the connections each may open.\nconst (\n")
		for _, c := range g.consts {
			out.WriteString(c + "\n")
		}
		out.WriteString(")\n\n")
	}
	out.WriteString(`var (
	mu      sync.Mutex
	closers []func()
)

// onClose registers the closing of a pool that was built.
func onClose(f func()) {
	mu.Lock()
	defer mu.Unlock()
	closers = append(closers, f)
}

// Close closes every pool and client this package built, the last built
// first (a handle before the pool under it). Call it once, at shutdown,
// after the last use.
func Close() {
	mu.Lock()
	defer mu.Unlock()
	for i := len(closers) - 1; i >= 0; i-- {
		closers[i]()
	}
	closers = nil
}
`)
}

// database writes the pools of one database and its accessors.
func (g *generator) database(db *database) error {
	src, err := g.use(db.source)
	if err != nil {
		return err
	}
	overPgx := db.fams[famPgx]
	sqlBase := db.fams[famSQL] || db.fams[famSQLX] || db.fams[famSQLXMust] || (db.fams[famGorm] && overPgx)
	where := describe(db)
	if overPgx {
		g.imports["context"] = ""
		g.imports["github.com/jackc/pgx/v5/pgxpool"] = ""
		n, why := g.size(db, 0, "0 keeps pgxpool's default, max(4, runtime.NumCPU())")
		g.constant("PoolMaxConns", n, why)
		set := "\tcfg.MaxConns = PoolMaxConns\n"
		if n == 0 {
			set = "\tif PoolMaxConns > 0 {\n\t\tcfg.MaxConns = PoolMaxConns\n\t}\n"
		}
		fmt.Fprintf(&g.body, `
var pgxPool = sync.OnceValues(func() (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(%s)
	if err != nil {
		return nil, err
	}
%s	// The pool outlives every request: it is built with a background
	// context.
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		return nil, err
	}
	onClose(pool.Close)
	return pool, nil
})

// Pool returns the shared pgx pool on %s, built on first use.
// ctx only lets a canceled caller stop early.
func Pool(ctx context.Context) (*pgxpool.Pool, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return pgxPool()
}
`, src, set, where)
		g.add("Pool", db, famPgx, "Pool(ctx)  the pgx pool on "+where)
	}
	if sqlBase {
		g.imports["database/sql"] = ""
		if overPgx {
			g.imports["github.com/jackc/pgx/v5/stdlib"] = ""
			fmt.Fprintf(&g.body, `
// sqlDB is the pgx pool as a *sql.DB: the same connections, no pool of
// its own.
var sqlDB = sync.OnceValues(func() (*sql.DB, error) {
	pool, err := pgxPool()
	if err != nil {
		return nil, err
	}
	db := stdlib.OpenDBFromPool(pool)
	onClose(func() { _ = db.Close() })
	return db, nil
})
`)
		} else {
			g.driverImport(db)
			n, why := g.size(db, 0, "0 is database/sql's default: no limit")
			g.constant("SQLMaxOpenConns", n, why)
			fmt.Fprintf(&g.body, `
var sqlDB = sync.OnceValues(func() (*sql.DB, error) {
	db, err := sql.Open(%s, %s)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(SQLMaxOpenConns)
	onClose(func() { _ = db.Close() })
	return db, nil
})
`, strconv.Quote(db.driver), src)
		}
		if db.fams[famSQL] {
			fmt.Fprintf(&g.body, `
// SQL returns the shared database/sql pool on %s.
func SQL() (*sql.DB, error) { return sqlDB() }
`, where)
			g.add("SQL", db, famSQL, "SQL()      the database/sql pool on "+where)
		}
	}
	if db.fams[famSQLX] || db.fams[famSQLXMust] {
		g.imports["github.com/jmoiron/sqlx"] = ""
		fmt.Fprintf(&g.body, `
// sqlxDB is the shared pool wrapped for sqlx. A connection error shows on
// first use rather than here, as with sqlx.Open: a ping failed once
// would be kept for good.
var sqlxDB = sync.OnceValues(func() (*sqlx.DB, error) {
	db, err := sqlDB()
	if err != nil {
		return nil, err
	}
	return sqlx.NewDb(db, %s), nil
})
`, strconv.Quote(db.driver))
		if db.fams[famSQLX] {
			fmt.Fprintf(&g.body, `
// SQLX returns the shared pool on %s, for sqlx.
func SQLX() (*sqlx.DB, error) { return sqlxDB() }
`, where)
			g.add("SQLX", db, famSQLX, "SQLX()     the same pool, for sqlx")
		}
		if db.fams[famSQLXMust] {
			fmt.Fprintf(&g.body, `
// MustSQLX is SQLX for the callers of sqlx.MustConnect and
// sqlx.MustOpen: it panics if the pool cannot be built.
func MustSQLX() *sqlx.DB {
	db, err := sqlxDB()
	if err != nil {
		panic(err)
	}
	return db
}
`)
			g.add("MustSQLX", db, famSQLXMust, "MustSQLX() the same pool, for sqlx, panicking on error")
		}
	}
	if db.fams[famGorm] {
		if err := g.gorm(db, sqlBase, where); err != nil {
			return err
		}
	}
	if db.fams[famRedis] {
		if err := g.redis(db, src, where); err != nil {
			return err
		}
	}
	if db.fams[famMongo] {
		if err := g.mongo(db, src, where); err != nil {
			return err
		}
	}
	return nil
}

func (g *generator) gorm(db *database, overSQL bool, where string) error {
	g.imports["gorm.io/gorm"] = ""
	args, err := splitArgs(db.gormArgs)
	if err != nil || len(args) == 0 {
		return fmt.Errorf("gorm.Open's arguments %s: %v", db.gormArgs, err)
	}
	if overSQL {
		dial, ok := dialectorPkg(args[0])
		if !ok {
			return fmt.Errorf("gorm.Open's dialector %s is not one -init can build over a pool", args[0])
		}
		if _, err := g.use(dial + ".Open"); err != nil {
			return err
		}
		handle, err := g.use(withoutPing(db.handle))
		if err != nil {
			return err
		}
		fmt.Fprintf(&g.body, `
var gormDB = sync.OnceValues(func() (*gorm.DB, error) {
	db, err := sqlDB()
	if err != nil {
		return nil, err
	}
	// gorm closes the pool it is given when its first ping fails: that
	// would be the shared pool, so it does not ping.
	return gorm.Open(%s.New(%s.Config{Conn: db}), %s)
})
`, dial, dial, handle)
	} else {
		all, err := g.use(db.gormArgs[1 : len(db.gormArgs)-1])
		if err != nil {
			return err
		}
		n, why := g.size(db, 0, "0 is database/sql's default: no limit")
		g.constant("GormMaxOpenConns", n, why)
		fmt.Fprintf(&g.body, `
var gormDB = sync.OnceValues(func() (*gorm.DB, error) {
	gdb, err := gorm.Open(%s)
	if err != nil {
		return nil, err
	}
	db, err := gdb.DB()
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(GormMaxOpenConns)
	onClose(func() { _ = db.Close() })
	return gdb, nil
})
`, all)
	}
	fmt.Fprintf(&g.body, `
// Gorm returns the shared gorm handle on %s.
func Gorm() (*gorm.DB, error) { return gormDB() }
`, where)
	g.add("Gorm", db, famGorm, "Gorm()     a gorm handle on "+where)
	return nil
}

func (g *generator) redis(db *database, src, where string) error {
	n, why := g.size(db, 0, "0 is go-redis's default, 10×runtime.GOMAXPROCS(0)")
	g.constant("RedisPoolSize", n, why)
	opts, ok := withField(src, "PoolSize", "RedisPoolSize")
	if !ok {
		return fmt.Errorf("redis.NewClient's options %s are not a literal -init can size", src)
	}
	fmt.Fprintf(&g.body, `
var redisClient = sync.OnceValue(func() *redis.Client {
	client := redis.NewClient(%s)
	onClose(func() { _ = client.Close() })
	return client
})

// Redis returns the shared Redis client on %s.
func Redis() *redis.Client { return redisClient() }
`, opts, where)
	g.add("Redis", db, famRedis, "Redis()    the Redis client on "+where)
	return nil
}

func (g *generator) mongo(db *database, src, where string) error {
	g.imports["context"] = ""
	g.imports["go.mongodb.org/mongo-driver/mongo"] = ""
	n, why := g.size(db, 100, "mongo-driver's default maxPoolSize")
	g.constant("MongoMaxPoolSize", n, why)
	opts, ok := chained(src, ".SetMaxPoolSize(MongoMaxPoolSize)")
	if !ok {
		return fmt.Errorf("mongo.Connect's options %s are not a call -init can size", src)
	}
	fmt.Fprintf(&g.body, `
var mongoClient = sync.OnceValues(func() (*mongo.Client, error) {
	// The client outlives every request: it connects with a background
	// context.
	client, err := mongo.Connect(context.Background(), %s)
	if err != nil {
		return nil, err
	}
	onClose(func() { _ = client.Disconnect(context.Background()) })
	return client, nil
})

// Mongo returns the shared MongoDB client on %s, built on first
// use. ctx only lets a canceled caller stop early.
func Mongo(ctx context.Context) (*mongo.Client, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return mongoClient()
}
`, opts, where)
	g.add("Mongo", db, famMongo, "Mongo(ctx) the MongoDB client on "+where)
	return nil
}

// add records an accessor with the constructors of db it replaces.
func (g *generator) add(name string, db *database, f family, doc string) {
	a := accessor{name: name, db: db, doc: doc}
	for ctor, r := range recipes {
		if r.fam == f && len(db.ctors[ctor]) > 0 {
			a.ctors = append(a.ctors, ctor)
		}
	}
	slices.Sort(a.ctors)
	g.accessors = append(g.accessors, a)
}

// size returns a pool's size within the connection budget (max-conns
// over the replicas and the system's pools), else def, and why.
func (g *generator) size(db *database, def int, defWhy string) (int, string) {
	limit, ok := g.budget.Limit(db.system)
	if !ok {
		return def, defWhy + "; singlepool -init -max-conns=" + db.system + "=N sizes it within N"
	}
	pools := g.systems[db.system]
	n := limit / g.budget.Replicas / pools
	why := fmt.Sprintf("max-conns %d for %s", limit, db.system)
	if g.budget.Replicas > 1 {
		why += fmt.Sprintf(", over %d replicas", g.budget.Replicas)
	}
	if pools > 1 {
		why += fmt.Sprintf(", over its %d shared pools", pools)
	}
	if n < 1 {
		n = 1
		why += ": less than one connection each, so 1: raise max-conns or lower replicas"
	}
	return n, why
}

func (g *generator) constant(name string, n int, why string) {
	g.consts = append(g.consts, fmt.Sprintf("\t%s = %d // %s", name, n, why))
}

// driverImport imports the database/sql driver db uses, where the
// program has its package (it registers the driver by name).
func (g *generator) driverImport(db *database) {
	switch {
	case db.driverPkg != "" && g.known(db.driverPkg):
		g.imports[db.driverPkg] = "_"
	case db.driverPkg != "":
		g.notes = append(g.notes, fmt.Sprintf("the %q driver's package %s is not in the program: import it (blank) where the driver is registered", db.driver, db.driverPkg))
	default:
		g.notes = append(g.notes, fmt.Sprintf("the package that registers the %q driver is not known to singlepool: import it in the shared package if main does not", db.driver))
	}
}

// use imports the packages a piece of Go text names and returns it.
func (g *generator) use(text string) (string, error) {
	e, err := parser.ParseExpr("[]any{" + text + "}")
	if err != nil {
		return "", fmt.Errorf("cannot write %s as Go: %v", text, err)
	}
	ast.Inspect(e, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				if path, ok := g.stated[id.Name]; ok {
					g.imports[path] = ""
				}
			}
		}
		return true
	})
	return text, nil
}

// describe says where a database's pool connects, for comments.
// Its environment variables when it names some ($REDIS_ADDR), else its
// Go text.
func describe(db *database) string {
	if envs := envNames.FindAllString(db.where, -1); len(envs) > 0 {
		return strings.Join(slices.Compact(envs), ", ")
	}
	return db.source
}

// envNames finds os.Getenv's variables in canonical text ($NAME).
var envNames = regexp.MustCompile(`\$[A-Za-z_][A-Za-z0-9_]*`)

// splitArgs returns the text of each argument of "(a, b)".
func splitArgs(args string) ([]string, error) {
	e, err := parser.ParseExpr("f" + args)
	if err != nil {
		return nil, err
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return nil, fmt.Errorf("not an argument list")
	}
	fset := token.NewFileSet()
	var out []string
	for _, a := range call.Args {
		out = append(out, nodeText(fset, a))
	}
	return out, nil
}

// handleArgs returns the text of gorm.Open's options ("" for none).
func handleArgs(args string) (string, bool) {
	parts, err := splitArgs(args)
	if err != nil || len(parts) == 0 {
		return "", false
	}
	return strings.Join(parts[1:], ", "), true
}

// dialectorPkg returns the package name of a gorm dialector call
// (postgres.Open(...)).
func dialectorPkg(text string) (string, bool) {
	e, err := parser.ParseExpr(text)
	if err != nil {
		return "", false
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	id, ok := sel.X.(*ast.Ident)
	return id.Name, ok && id.Name != "" && sel.Sel.Name == "Open"
}

// withoutPing returns gorm's options with DisableAutomaticPing set: the
// first one a &gorm.Config{...} literal, or one added.
func withoutPing(handle string) string {
	if handle == "" {
		return "&gorm.Config{DisableAutomaticPing: true}"
	}
	parts, err := splitArgs("(" + handle + ")")
	if err != nil || len(parts) == 0 {
		return handle
	}
	if cfg, ok := withField(parts[0], "DisableAutomaticPing", "true"); ok {
		parts[0] = cfg
	}
	return strings.Join(parts, ", ")
}

// withField sets a field in a composite literal (or &literal) written as
// text: replaced if present, else added. ok is false for anything else.
func withField(text, field, value string) (string, bool) {
	e, err := parser.ParseExpr(text)
	if err != nil {
		return "", false
	}
	x := e
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = u.X
	}
	lit, ok := x.(*ast.CompositeLit)
	if !ok {
		return "", false
	}
	v := &ast.Ident{Name: value}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return "", false
		}
		if k, ok := kv.Key.(*ast.Ident); ok && k.Name == field {
			kv.Value = v
			return nodeText(token.NewFileSet(), e), true
		}
	}
	lit.Elts = append(lit.Elts, &ast.KeyValueExpr{Key: &ast.Ident{Name: field}, Value: v})
	return nodeText(token.NewFileSet(), e), true
}

// chained appends a method call to the last argument of text when it is
// a call (mongo's options.Client().ApplyURI(...)).
func chained(text, call string) (string, bool) {
	parts, err := splitArgs("(" + text + ")")
	if err != nil || len(parts) == 0 {
		return "", false
	}
	last, err := parser.ParseExpr(parts[len(parts)-1])
	if err != nil {
		return "", false
	}
	if _, ok := last.(*ast.CallExpr); !ok {
		return "", false
	}
	parts[len(parts)-1] += call
	return strings.Join(parts, ", "), true
}

func nodeText(fset *token.FileSet, n ast.Node) string {
	var b strings.Builder
	_ = printer.Fprint(&b, fset, n)
	return b.String()
}
