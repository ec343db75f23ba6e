package main

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

// syncBuffer is a bytes.Buffer safe for the flush timer's goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Lines reach the writer whole and in order: on Close, when a batch fills, and (by the timer) on their own.
func TestBatchedWriter(t *testing.T) {
	var out syncBuffer
	w := newBatchedWriter(&out)
	var want strings.Builder
	for i := range 2000 { // more than one batch
		line := strings.Repeat("x", i%80) + "\n"
		want.WriteString(line)
		if _, err := w.Write([]byte(line)); err != nil {
			t.Fatal(err)
		}
	}
	if got := out.String(); len(got) == 0 || !strings.HasPrefix(want.String(), got) {
		t.Fatalf("a full batch was not written through in order (%d bytes)", len(got))
	}
	w.Close()
	if out.String() != want.String() {
		t.Fatalf("after Close the writer holds %d bytes, want %d", len(out.String()), want.Len())
	}
	w.Write([]byte("after close\n"))
	if !strings.HasSuffix(out.String(), "after close\n") {
		t.Fatal("a write after Close was held back")
	}
}
