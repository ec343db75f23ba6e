// Command connectlocal serves Amazon Connect's task-template API locally (PRODUCT.md).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/cloudcontrol"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/postgres"
	"github.com/connectlocal/connectlocal/seed"
	"github.com/connectlocal/connectlocal/sqlite"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "connectlocal:", err)
		}
		os.Exit(exitStatus(err))
	}
}

const usage = `usage: connectlocal <command> [flags]

commands:
  serve     serve the Amazon Connect API (connectlocal serve -h for flags)
  version   print the version
`

// run is the whole program, so tests drive it in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stdout, stderr)
	case "validate":
		return validate(ctx, args[1:], stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "connectlocal", version())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "devel " + s.Value[:12]
			}
		}
		if v := bi.Main.Version; v != "" {
			return v
		}
	}
	return "devel"
}

// quotaFlag collects --quota NAME=N.
type quotaFlag struct{ q *connectlocal.Quotas }

func (f quotaFlag) String() string { return "" }

func (f quotaFlag) Set(s string) error {
	for _, item := range strings.Split(s, ",") {
		name, value, ok := strings.Cut(strings.TrimSpace(item), "=")
		names := f.q.QuotaNames()
		dst, known := names[name]
		n, err := strconv.Atoi(value)
		if !ok || !known || err != nil || n < 0 {
			keys := make([]string, 0, len(names))
			for k := range names {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			return fmt.Errorf("want NAME=N with NAME one of %s", strings.Join(keys, ", "))
		}
		*dst = n
	}
	return nil
}

// envFallback sets every flag not given on the command line from CONNECTLOCAL_<NAME> (PRODUCT.md).
func envFallback(fs *flag.FlagSet) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		env := "CONNECTLOCAL_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v, ok := os.LookupEnv(env); ok && !given[f.Name] && err == nil {
			if e := fs.Set(f.Name, v); e != nil {
				err = fmt.Errorf("%s: %v", env, e)
			}
		}
	})
	return err
}

// openStore opens the store a --store URL names; cacheBytes bounds the SQLite read cache.
func openStore(ctx context.Context, url string, cacheBytes int64) (connectlocal.Store, error) {
	switch {
	case url == "memory":
		return memory.New(), nil
	case strings.HasPrefix(url, "sqlite:"):
		if cacheBytes == 0 {
			cacheBytes = -1 // 0 on the command line means no cache
		}
		return sqlite.Open(ctx, strings.TrimPrefix(url, "sqlite:"), sqlite.Options{CacheBytes: cacheBytes})
	case strings.HasPrefix(url, "postgres://"), strings.HasPrefix(url, "postgresql://"):
		return postgres.Open(ctx, url)
	}
	return nil, fmt.Errorf("unknown store %q: use sqlite:PATH, memory or postgres://USER@HOST:PORT/DB", url)
}

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:4599", "address to listen on")
	storeURL := fs.String("store", "sqlite:connectlocal.db", "store: sqlite:PATH, memory or postgres://...")
	seedFile := fs.String("seed", "", "seed file (JSON or YAML) of instances, flows and templates to create when missing")
	account := fs.String("account-id", "000000000000", "account of requests whose access key id is not 12 digits")
	logFormat := fs.String("log-format", "text", "log format: text or json")
	consoleOn := fs.Bool("console", true, "serve the web console at /console/")
	quotas := connectlocal.DefaultQuotas()
	fs.Var(quotaFlag{&quotas}, "quota", "override a quota, NAME=N (repeatable)")
	// Bounds on memory and disk (issue 10; README "Configuration").
	retention := connectlocal.DefaultRetention()
	fs.IntVar(&retention.TemplateVersions, "template-versions", retention.TemplateVersions, "snapshot versions kept per task template (0: all)")
	fs.IntVar(&retention.EndedTasks, "ended-tasks", retention.EndedTasks, "ended (stopped or expired) tasks kept per instance (0: all)")
	fs.DurationVar(&retention.TaskRecordAge, "task-record-age", retention.TaskRecordAge, "how long a task is kept after its expiry (0: forever)")
	cacheMB := fs.Int("cache-mb", sqlite.DefaultCacheBytes>>20, "SQLite read cache size in MiB (0: no cache)")
	maxRequests := fs.Int("max-requests", 64, "requests served at once; more wait for a slot (0: no limit)")
	memoryLimitMB := fs.Int("memory-limit-mb", 100, "soft memory limit in MiB: the Go runtime collects harder near it (0: none)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := envFallback(fs); err != nil {
		return err
	}
	var logger *slog.Logger
	switch *logFormat {
	case "text":
		logger = slog.New(slog.NewTextHandler(stderr, nil))
	case "json":
		logger = slog.New(slog.NewJSONHandler(stderr, nil))
	default:
		return fmt.Errorf("--log-format must be text or json, not %q", *logFormat)
	}
	if !connectlocal.IsAccountID(*account) {
		return fmt.Errorf("--account-id must be 12 digits, not %q", *account)
	}

	if *memoryLimitMB > 0 {
		debug.SetMemoryLimit(int64(*memoryLimitMB) << 20)
	}
	store, err := openStore(ctx, *storeURL, int64(*cacheMB)<<20)
	if err != nil {
		return err
	}
	defer store.Close()
	svc := connectlocal.NewService(store)
	svc.Quotas = quotas
	svc.Retention = retention

	apiOpts := awsapi.Options{DefaultAccount: *account, Logger: logger}
	mountConsole := setupConsole(*consoleOn, &apiOpts, svc, *account, logger)
	api := awsapi.New(svc, apiOpts)
	mountConsole(api)
	api.Mount("POST /{$}", cloudcontrol.New(api), cloudcontrol.OperationName) // awsJson1_0: POST / + X-Amz-Target
	if *seedFile != "" {
		f, err := seed.Read(*seedFile)
		if err != nil {
			return err
		}
		if err := seed.Apply(ctx, api, svc, *account, f); err != nil {
			return err
		}
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           limitRequests(api, *maxRequests),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	url := "http://" + ln.Addr().String()
	fmt.Fprintf(stdout, "connectlocal listening on %s\n", url)
	fmt.Fprintf(stdout, "store: %s\n", redact(*storeURL))
	if *consoleOn {
		fmt.Fprintf(stdout, "console: %s/console/\n", url)
	}
	fmt.Fprintf(stdout, "try: aws connect list-instances --endpoint-url %s\n", url)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Stop taking requests, finish those in flight, then close the store (deferred).
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "connectlocal stopped")
	return nil
}

// redact hides a password in a store URL.
func redact(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		if at := strings.Index(rest, "@"); at >= 0 {
			if c := strings.Index(rest[:at], ":"); c >= 0 {
				return u[:i+3] + rest[:c] + ":xxxxx" + rest[at:]
			}
		}
	}
	return u
}
