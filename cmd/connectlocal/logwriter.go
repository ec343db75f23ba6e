package main

import (
	"io"
	"sync"
	"time"
)

// batchedWriter gathers the log's lines and writes them to the real writer together: one write(2) to
// stderr per request was ~11% of the server's CPU on a cached GetTaskTemplate under load (BENCHMARKS.md).
// A line reaches the writer at most flushAfter after it was logged, at once when maxBatch bytes gather, and
// on Close; a process killed with SIGKILL loses at most the last flushAfter of lines.
type batchedWriter struct {
	mu      sync.Mutex
	w       io.Writer
	buf     []byte
	pending bool // a flush is scheduled
	closed  bool
}

const (
	flushAfter = 50 * time.Millisecond
	maxBatch   = 64 << 10
)

func newBatchedWriter(w io.Writer) *batchedWriter { return &batchedWriter{w: w} }

func (b *batchedWriter) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return b.w.Write(p)
	}
	b.buf = append(b.buf, p...)
	switch {
	case len(b.buf) >= maxBatch:
		b.flushLocked()
	case !b.pending:
		b.pending = true
		time.AfterFunc(flushAfter, b.Flush)
	}
	return len(p), nil
}

// Flush writes what has gathered.
func (b *batchedWriter) Flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flushLocked()
}

func (b *batchedWriter) flushLocked() {
	b.pending = false
	if len(b.buf) == 0 {
		return
	}
	b.w.Write(b.buf) // a log that cannot be written has nowhere to report it
	b.buf = b.buf[:0]
	if cap(b.buf) > 4*maxBatch {
		b.buf = nil // a burst's buffer is not kept
	}
}

// Close flushes and makes later writes go straight through.
func (b *batchedWriter) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.flushLocked()
	b.closed = true
	return nil
}
