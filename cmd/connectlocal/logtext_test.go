package main

import (
	"bytes"
	"context"
	"log/slog"
	"math/rand/v2"
	"testing"
	"time"
)

// textHandler writes, for records of every shape (plain and other kinds, quoting, non-ASCII text, empty keys,
// groups, With attrs, every level, times in two zones), exactly what slog's TextHandler writes.
func TestTextHandlerWritesWhatSlogWrites(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	strs := []string{"", "GetTaskTemplate", "us-east-1", "a b", "k=v", `q"uote`, `back\slash`, "tab\t", "\x00\x7f", "é", "日本",
		"\xff", "raise it with serve --quota TemplatesPerInstance=N (or CONNECTLOCAL_QUOTA)", "/instance/x/task/template/%zz"}
	str := func() string { return strs[r.IntN(len(strs))] }
	zones := []*time.Location{time.UTC, time.FixedZone("X", -(3*3600 + 30*60))}
	for _, level := range []slog.Level{slog.LevelDebug, slog.LevelInfo} {
		var want, got bytes.Buffer
		opts := &slog.HandlerOptions{Level: level}
		ws, gs := slog.New(slog.NewTextHandler(&want, opts)), slog.New(newTextHandler(&got, opts))
		for i := 0; i < 3000; i++ {
			attrs := []slog.Attr{}
			for n := r.IntN(9); n > 0; n-- {
				key := "k"
				if r.IntN(20) == 0 {
					key = str()
				}
				switch r.IntN(8) {
				case 0:
					attrs = append(attrs, slog.Int(key, r.IntN(1000)-500))
				case 1:
					attrs = append(attrs, slog.Duration(key, time.Duration(r.Int64N(1e10))))
				case 2:
					attrs = append(attrs, slog.Bool(key, r.IntN(2) == 0))
				case 3:
					attrs = append(attrs, slog.Uint64(key, r.Uint64()))
				case 4:
					if r.IntN(10) == 0 {
						attrs = append(attrs, slog.Group(key, slog.String("a", str())), slog.Any(key, []int{1}), slog.Float64(key, 1.5))
					}
				default:
					attrs = append(attrs, slog.String(key, str()))
				}
			}
			when := time.Unix(r.Int64N(4e9), r.Int64N(1e9)).In(zones[r.IntN(2)])
			lvl := []slog.Level{slog.LevelDebug, slog.LevelInfo, slog.LevelWarn, slog.LevelError, slog.LevelInfo + 2}[r.IntN(5)]
			msg := "request"
			if r.IntN(10) == 0 {
				msg = str()
			}
			with := str()
			for _, lg := range []*slog.Logger{ws, gs} {
				l := lg
				if i%50 == 0 {
					l = lg.With("with", with)
				}
				if !l.Enabled(context.Background(), lvl) {
					continue
				}
				rec := slog.NewRecord(when, lvl, msg, 0)
				rec.AddAttrs(attrs...)
				l.Handler().Handle(context.Background(), rec)
			}
			if !bytes.Equal(want.Bytes(), got.Bytes()) {
				t.Fatalf("record %d:\nslog  %q\nours  %q", i, want.String(), got.String())
			}
		}
	}
}
