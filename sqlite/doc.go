// Package sqlite implements connectlocal.Store on one SQLite file, through the pure-Go modernc.org/sqlite
// driver so the binary needs no C toolchain.
package sqlite
