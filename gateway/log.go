package gateway

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/connectlocal/connectlocal"
)

// LogHook returns an After hook that writes one line per request: request id, scope, operation (method and
// path when the route has no operation), status, error type and duration, and at debug level both bodies
// (turn on Options.CaptureBodies for those). No header is logged, so neither the SigV4 signature nor a
// session token can reach the log; a body never carries the secret key.
func LogHook(logger *slog.Logger) After {
	return func(x *Exchange) {
		level := slog.LevelInfo
		if x.Status >= 500 {
			level = slog.LevelError
		}
		if !logger.Enabled(context.Background(), level) {
			return
		}
		// One record built here rather than by LogAttrs, which also captures the caller's PC for every line
		// (runtime.Callers, 0.7% of a cached GetTaskTemplate's CPU in the binary, pprof); the log has no
		// source to show (serve never sets AddSource, and the PC would name this hook).
		attrs := make([]slog.Attr, 0, 12)
		attrs = append(attrs, slog.String("request_id", x.ID), slog.String("account", x.Scope.Account),
			slog.String("region", x.Scope.Region))
		if x.Operation != "" {
			attrs = append(attrs, slog.String("operation", x.Operation))
		} else {
			attrs = append(attrs, slog.String("method", x.Method), slog.String("path", x.Path))
		}
		attrs = append(attrs, slog.Int("status", x.Status))
		if x.ErrorType != "" {
			attrs = append(attrs, slog.String("error_type", x.ErrorType))
		}
		var e *connectlocal.Error
		if errors.As(x.Err, &e) && e.Quota != "" {
			attrs = append(attrs, slog.String("quota", e.Quota),
				slog.String("hint", "raise it with serve --quota "+e.Quota+"=N (or CONNECTLOCAL_QUOTA)"))
		}
		attrs = append(attrs, slog.Duration("duration", x.Duration))
		if logger.Enabled(context.Background(), slog.LevelDebug) {
			attrs = append(attrs, slog.String("request_body", string(x.RequestBody)), slog.String("response_body", string(x.ResponseBody)))
		}
		rec := slog.NewRecord(time.Now(), level, "request", 0)
		rec.AddAttrs(attrs...)
		logger.Handler().Handle(context.Background(), rec) // a log that cannot be written has nowhere to report it
	}
}
