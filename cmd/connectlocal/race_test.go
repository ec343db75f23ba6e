//go:build race

package main

// raceEnabled: the race detector multiplies memory, so RSS claims are not checked under it.
const raceEnabled = true
