// Package poolsize reads a construction site's database system and the
// limit of its pool from the code around it (Of): a constant or a
// connection string's pool_max_conns, a config's field, a setter on the
// pool or its options, or the library's default (../catalog's SizeRules).
package poolsize
