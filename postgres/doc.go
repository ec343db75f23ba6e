// Package postgres implements connectlocal.Store on PostgreSQL (or a compatible database) through
// jackc/pgx, so several connectlocal nodes can serve one shared state.
package postgres
