// Package connid decides a pool's connection identity: what a
// constructor call connects to, as the canonical text of its arguments
// ("pgx", $DATABASE_URL), in the analyzed package (Args, Value), in the
// shared pool's package read from source (Derive, DeclaredFunc,
// FieldTypes), or as a shared-args setting states it (ParseSharedArgs).
// A fix is safe only when a site's text equals the shared pool's.
// Droppable and LaterWrite say which values a fix may drop and which
// locals change after they are set.
package connid
