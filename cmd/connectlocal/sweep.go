package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/connectlocal/connectlocal"
)

// sweepInterval is how often serve applies --task-record-age and --ended-tasks to every instance, so an idle
// instance drops its expired records too (issue 19 #4). A minute is fine-grained against bounds of days.
const sweepInterval = time.Minute

// sweepTasks runs svc.SweepTasks every interval until ctx ends; a failed sweep is logged and retried at the
// next tick.
func sweepTasks(ctx context.Context, svc *connectlocal.Service, interval time.Duration, logger *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := svc.SweepTasks(ctx); err != nil && ctx.Err() == nil {
				logger.Warn("retention sweep failed", "err", err)
			} else if n > 0 {
				logger.Debug("retention sweep", "deleted_tasks", n)
			}
		}
	}
}

// checkBounds refuses a negative bound: each flag's help gives 0 its meaning (no limit, keep all), and a
// negative one was taken silently as something else (issue 19 #4).
func checkBounds(flagName func(string) string, r connectlocal.Retention, cacheMB, maxRequests, memoryLimitMB int) error {
	for _, b := range []struct {
		name string
		neg  bool
		v    any
	}{{"template-versions", r.TemplateVersions < 0, r.TemplateVersions}, {"ended-tasks", r.EndedTasks < 0, r.EndedTasks},
		{"task-record-age", r.TaskRecordAge < 0, r.TaskRecordAge}, {"cache-mb", cacheMB < 0, cacheMB},
		{"max-requests", maxRequests < 0, maxRequests}, {"memory-limit-mb", memoryLimitMB < 0, memoryLimitMB}} {
		if b.neg {
			return fmt.Errorf("%s must be 0 or more, not %v (connectlocal serve --help says what 0 means)", flagName(b.name), b.v)
		}
	}
	return nil
}
