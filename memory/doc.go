// Package memory implements connectlocal.Store in process memory: nothing is kept when the process ends
// (`--store memory`).
package memory
