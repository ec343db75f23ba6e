package gateway

import (
	"context"
	"errors"
	"log/slog"

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
		attrs := []slog.Attr{slog.String("request_id", x.ID), slog.String("account", x.Scope.Account),
			slog.String("region", x.Scope.Region)}
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
		logger.LogAttrs(context.Background(), level, "request", attrs...)
	}
}
