package main

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"sync"
	"time"
)

// textHandler is slog's TextHandler (opts as given) that writes the common record itself: a message with a
// time and attrs of plain kinds (string, integer, bool, duration) whose text is ASCII, as every request log
// line is. slog's handler was ~4% of the binary's CPU on a cached GetTaskTemplate under wrk (pprof), most of
// it its general walk over each value. The line is byte for byte the TextHandler's
// (TestTextHandlerWritesWhatSlogWrites); anything else (groups, With attrs, other kinds, non-ASCII text,
// ReplaceAttr or AddSource) goes to the TextHandler itself. w must take concurrent writes of whole lines
// (batchedWriter does), as each line is one Write.
type textHandler struct {
	slog.Handler // the TextHandler
	w            io.Writer
	own          bool // no ReplaceAttr or AddSource: the lines are ours to write
}

func newTextHandler(w io.Writer, opts *slog.HandlerOptions) slog.Handler {
	return &textHandler{Handler: slog.NewTextHandler(w, opts), w: w, own: opts == nil || (opts.ReplaceAttr == nil && !opts.AddSource)}
}

var lineBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

func (h *textHandler) Handle(ctx context.Context, r slog.Record) error {
	if !h.own || r.Time.IsZero() {
		return h.Handler.Handle(ctx, r)
	}
	buf := lineBuffers.Get().(*[]byte)
	defer lineBuffers.Put(buf)
	b := append((*buf)[:0], "time="...)
	b = appendRFC3339Millis(b, r.Time.Round(0))
	b = append(b, " level="...)
	var ok bool
	if b, ok = appendText(b, r.Level.String()); !ok {
		return h.Handler.Handle(ctx, r)
	}
	b = append(b, " msg="...)
	if b, ok = appendText(b, r.Message); !ok {
		return h.Handler.Handle(ctx, r)
	}
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "" {
			ok = false
			return false
		}
		b = append(b, ' ')
		if b, ok = appendText(b, a.Key); !ok {
			return false
		}
		b = append(b, '=')
		switch v := a.Value; v.Kind() {
		case slog.KindString:
			b, ok = appendText(b, v.String())
		case slog.KindInt64:
			b = strconv.AppendInt(b, v.Int64(), 10)
		case slog.KindUint64:
			b = strconv.AppendUint(b, v.Uint64(), 10)
		case slog.KindBool:
			b = strconv.AppendBool(b, v.Bool())
		case slog.KindDuration:
			b = append(b, v.Duration().String()...)
		default:
			ok = false
		}
		return ok
	})
	if !ok {
		return h.Handler.Handle(ctx, r)
	}
	b = append(b, '\n')
	*buf = b
	_, err := h.w.Write(b)
	return err
}

// appendText appends an ASCII string as the TextHandler does (quoted when empty or when it holds a space,
// '=', '"' or a control character); false for a string with any other byte, which the handler must write.
func appendText(b []byte, s string) ([]byte, bool) {
	quote := s == ""
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80:
			return b, false
		case c < 0x20 || c == ' ' || c == '=' || c == '"':
			quote = true
		}
	}
	if quote {
		return strconv.AppendQuote(b, s), true
	}
	return append(b, s...), true
}

// appendRFC3339Millis is log/slog's: RFC 3339 with exactly three digits of milliseconds.
func appendRFC3339Millis(b []byte, t time.Time) []byte {
	const prefixLen = len("2006-01-02T15:04:05.000")
	n := len(b)
	t = t.Truncate(time.Millisecond).Add(time.Millisecond / 10)
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b[:n+prefixLen], b[n+prefixLen+1:]...) // drop the 4th digit
}
