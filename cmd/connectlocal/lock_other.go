//go:build !unix

package main

// lockSQLite does nothing where flock is missing; one process per SQLite file is then the user's to keep.
func lockSQLite(string) (func(), error) { return func() {}, nil }
