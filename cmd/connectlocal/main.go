// Command connectlocal serves Amazon Connect's task-template API locally (PRODUCT.md).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/cloudcontrol"
	"github.com/connectlocal/connectlocal/console"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/metrics"
	"github.com/connectlocal/connectlocal/seed"
	"github.com/connectlocal/connectlocal/sigv4auth"
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
  serve     serve the Amazon Connect API (connectlocal serve --help for flags)
  validate  check task-template files offline (connectlocal validate -h)
  export    write all state as one JSON document (--store URL or --endpoint URL)
  import    load such a document (--store URL or --endpoint URL, then FILE or - for stdin)
  version   print the version (also --version)
`

// run is the whole program, so tests drive it in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	switch args[0] {
	case "serve":
		return helped(serve(ctx, args[1:], stdout, stderr))
	case "validate":
		return validate(ctx, args[1:], stdout, stderr)
	case "export":
		return helped(exportCmd(ctx, args[1:], stdout))
	case "import":
		return helped(importCmd(ctx, args[1:], stdin, stdout))
	case "version", "--version", "-version":
		if len(args) > 1 {
			return fmt.Errorf("version takes no arguments, not %q", args[1])
		}
		fmt.Fprintln(stdout, "connectlocal", version())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}

// version reads the build info: the module version, and the VCS revision and time a build from a clone
// carries; "(devel)" only when the build has none of them.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev != "" {
		v += " (revision " + rev
		if at != "" {
			v += ", " + at
		}
		v += modified + ")"
	}
	return v
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

// envName is the variable a flag also reads (PRODUCT.md).
func envName(flag string) string {
	return "CONNECTLOCAL_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// envFallback sets every flag not given on the command line from CONNECTLOCAL_<NAME> (PRODUCT.md) and returns
// how to name each flag in an error: "--name", or the variable when the value came from there.
func envFallback(fs *flag.FlagSet) (func(string) string, error) {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	fromEnv := map[string]bool{}
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		env := envName(f.Name)
		if v, ok := os.LookupEnv(env); ok && !given[f.Name] && err == nil {
			fromEnv[f.Name] = true
			if e := fs.Set(f.Name, v); e != nil {
				err = fmt.Errorf("%s: %v", env, e)
			}
		}
	})
	return func(name string) string {
		if fromEnv[name] {
			return envName(name)
		}
		return "--" + name
	}, err
}

// parseFlags parses args; --help prints the flags to stdout and returns errHelped, and a bad flag comes back
// as one error for main to print once.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer, intro string) error {
	fs.SetOutput(io.Discard)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, intro)
			printFlags(fs, stdout)
			return errHelped
		}
		return fmt.Errorf("%v (connectlocal %s --help lists the flags)", err, fs.Name())
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (connectlocal %s --help lists the flags)", fs.Arg(0), fs.Name())
	}
	return nil
}

// errHelped ends a command that printed its help: the run succeeds.
var errHelped = errors.New("help printed")

func helped(err error) error {
	if errors.Is(err, errHelped) {
		return nil
	}
	return err
}

func printFlags(fs *flag.FlagSet, w io.Writer) {
	fs.VisitAll(func(f *flag.Flag) {
		def := ""
		if f.DefValue != "" {
			def = " (default " + f.DefValue + ")"
		}
		fmt.Fprintf(w, "  --%s\n      %s%s\n      env: %s\n", f.Name, f.Usage, def, envName(f.Name))
	})
}

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:4599", "address to listen on (127.0.0.1:0 picks a free port)")
	storeURL := fs.String("store", "sqlite:connectlocal.db", "store: sqlite:PATH, memory or postgres://...")
	seedFile := fs.String("seed", "", "seed file (JSON or YAML state document) whose resources are created when missing")
	account := fs.String("account-id", "000000000000", "account of requests whose access key id is not 12 digits")
	logFormat := fs.String("log-format", "text", "request log on stderr: text or json")
	logLevel := fs.String("log-level", "info", "log level: debug (adds request and response bodies), info, warn or error")
	consoleOn := fs.Bool("console", true, "serve the web console at /console/")
	quotas := connectlocal.DefaultQuotas()
	names := slices.Sorted(maps.Keys(quotas.QuotaNames()))
	fs.Var(quotaFlag{&quotas}, "quota", "override a quota, NAME=N (repeatable, or comma-separated); NAME is one of "+strings.Join(names, ", "))
	trust := addTrustFlags(fs)
	// Bounds on memory and disk (issue 10; README "Configuration").
	retention := connectlocal.DefaultRetention()
	fs.IntVar(&retention.TemplateVersions, "template-versions", retention.TemplateVersions, "snapshot versions kept per task template (0: all)")
	fs.IntVar(&retention.EndedTasks, "ended-tasks", retention.EndedTasks, "ended (stopped or expired) tasks kept per instance (0: all)")
	fs.DurationVar(&retention.TaskRecordAge, "task-record-age", retention.TaskRecordAge, "how long a task is kept after its expiry (0: forever)")
	cacheMB := fs.Int("cache-mb", sqlite.DefaultCacheBytes>>20, "SQLite read cache size in MiB (0: no cache)")
	maxRequests := fs.Int("max-requests", 64, "requests served at once; more wait for a slot (0: no limit)")
	memoryLimitMB := fs.Int("memory-limit-mb", 100, "soft memory limit in MiB: the Go runtime collects harder near it (0: none)")
	if err := parseFlags(fs, args, stdout, "usage: connectlocal serve [flags]\n\nEvery flag also reads its environment variable; a flag beats its variable.\n\nflags:\n"); err != nil {
		return err
	}
	flagName, err := envFallback(fs)
	if err != nil {
		return err
	}
	if err := checkBounds(flagName, retention, *cacheMB, *maxRequests, *memoryLimitMB); err != nil {
		return err
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("%s must be debug, info, warn or error, not %q", flagName("log-level"), *logLevel)
	}
	hopts := &slog.HandlerOptions{Level: level}
	logOut := newBatchedWriter(stderr)
	defer logOut.Close()
	var logger *slog.Logger
	switch *logFormat {
	case "text":
		logger = slog.New(newTextHandler(logOut, hopts)) // slog's text, the request lines written faster (logtext.go)
	case "json":
		logger = slog.New(slog.NewJSONHandler(logOut, hopts))
	default:
		return fmt.Errorf("%s must be text or json, not %q", flagName("log-format"), *logFormat)
	}
	if !connectlocal.IsAccountID(*account) {
		return fmt.Errorf("%s must be 12 digits, not %q", flagName("account-id"), *account)
	}
	kind, err := storeKind(*storeURL)
	if err != nil {
		return fmt.Errorf("%s: %v", flagName("store"), err)
	}

	var seeded connectlocal.Snapshot // read and checked before anything is opened
	if *seedFile != "" {
		doc, err := seed.Read(*seedFile)
		if err == nil {
			seeded, err = seed.Decode(doc, *account)
		}
		if err != nil {
			return err
		}
	}

	// Listen before opening the store, so a busy port leaves no new SQLite file behind.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("%v: another process listens there; choose another address with %s (127.0.0.1:0 picks a free port)", err, flagName("addr"))
		}
		return fmt.Errorf("%s: %v", flagName("addr"), err)
	}
	defer ln.Close()

	if *memoryLimitMB > 0 {
		debug.SetMemoryLimit(int64(*memoryLimitMB) << 20)
	}
	cacheBytes := int64(*cacheMB) << 20
	if cacheBytes == 0 {
		cacheBytes = -1 // 0 on the command line means no cache
	}
	store, err := openStore(ctx, *storeURL, cacheBytes)
	if err != nil {
		return err
	}
	defer store.Close()
	m := metrics.New()
	svc := connectlocal.NewService(m.Store(store))
	svc.Quotas = quotas
	svc.Retention = retention
	m.WatchResources(svc)

	api := awsapi.NewHandler(svc, awsapi.Options{DefaultAccount: *account, Logger: logger, Version: version(), StoreKind: kind,
		AuthScoped: *trust.auth == "sigv4"})
	before, trustLines, err := trust.hooks(ctx, *account, maxBodyBytes, logger, awsapi.Catalog(), cloudcontrol.Catalog())
	if err != nil {
		return err
	}
	gw := newGateway(gatewayConfig{api: api, svc: svc, metrics: m, before: before, logger: logger, account: *account,
		maxRequests: *maxRequests, console: *consoleOn, debug: level <= slog.LevelDebug, keys: trust.keys, mount: trust.mount})
	if *seedFile != "" {
		res, err := seed.Apply(ctx, svc, seeded)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "seed %s: created %s; found already there %s\n", *seedFile, countsText(res.Created), countsText(res.Found))
	}

	srv := &http.Server{
		Handler:           m.Wrap(gw), // in flight: the requests being answered, waiting for a slot or not
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	url := "http://" + clientAddr(ln.Addr())
	fmt.Fprintf(stdout, "connectlocal listening on %s\n", url)
	fmt.Fprintf(stdout, "store: %s\n", redact(*storeURL))
	if *consoleOn {
		fmt.Fprintf(stdout, "console: %s/console/\n", url)
	}
	printLines(stdout, trustLines)
	fmt.Fprintf(stdout, "try: aws connect list-instances --endpoint-url %s\n", url)

	sweepCtx, stopSweep := context.WithCancel(ctx)
	swept := make(chan struct{})
	go func() { defer close(swept); sweepTasks(sweepCtx, svc, sweepInterval, logger) }()
	defer func() { stopSweep(); <-swept }() // before the store closes (deferred earlier, so run later)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(awsapi.RawErrorsListener(ln, logger)) }()
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

// maxBodyBytes is the bound of a request body read before it takes a slot (Connect's own cap), and of the
// body the signature check hashes.
const maxBodyBytes = 1 << 20

// bodyTimeout bounds how long a request body may take to arrive once its headers have (ReadHeaderTimeout
// bounds those): a client trickling its body is cut off instead of holding its connection for the whole
// ReadTimeout. AWS's front ends close such connections too (API Gateway and ALB answer 408 on a request that
// does not arrive; their idle timeouts are 60 s or less).
const bodyTimeout = 20 * time.Second

// gatewayConfig is what the one server configuration is built from.
type gatewayConfig struct {
	api         *awsapi.API
	svc         *connectlocal.Service
	metrics     *metrics.Metrics
	before      []gateway.Before // Connect's and Cloud Control's
	logger      *slog.Logger
	account     string
	maxRequests int
	console     bool
	debug       bool // request and response bodies in the log
	keys        []sigv4auth.Key
	mount       func(*gateway.Group) // extra endpoints the flags ask for, in Connect's group
}

// newGateway builds the one server configuration: Connect (restJson1) and Cloud Control (awsJson1_0) each in a
// group with the Before hooks and its own refusals, the console in a group with none, and health and metrics
// outside every limit; the request log, metrics and the console's ring after every request.
func newGateway(c gatewayConfig) *gateway.Gateway {
	after := []gateway.After{gateway.LogHook(c.logger), c.metrics.After}
	var consoleHandler http.Handler
	if c.console {
		var reqs *console.Requests
		consoleHandler, reqs = newConsole(c.api, c.svc, c.account, c.keys, c.logger)
		after = append(after, reqs.Record)
	}
	gw := gateway.New(gateway.Options{DefaultAccount: c.account, MaxBodyBytes: maxBodyBytes, MaxRequests: c.maxRequests,
		BodyTimeout: bodyTimeout, After: after, Logger: c.logger,
		CaptureBodies: c.debug || c.console}) // bodies when they are logged or the console shows them
	open := gw.Open(c.api.Refuse)
	connect := gw.Group(c.api.Refuse, c.before...)
	c.api.Mount(connect, open)
	gw.Group(cloudcontrol.Refuse, c.before...).Handle("POST /{$}", cloudcontrol.New(c.api), cloudcontrol.OperationName) // X-Amz-Target names the operation
	open.Handle("GET /_connectlocal/metrics", c.metrics.Handler(), nil)
	if consoleHandler != nil {
		cg := gw.Group(console.Refuse)
		cg.Handle(console.Prefix, consoleHandler, nil)
		// A browser pointed at the server lands on the console rather than on an unknown-operation error
		// (issue 19 #15). No Connect or Cloud Control operation uses GET / (Cloud Control is POST /).
		cg.Handle("GET /{$}", http.RedirectHandler(console.Prefix, http.StatusFound), nil)
	}
	if c.mount != nil {
		c.mount(connect)
	}
	return gw
}

// clientAddr is an address clients accept: a server bound to every interface (":0", "0.0.0.0", "::") is
// reached on the loopback.
func clientAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return a.String()
	}
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(tcp.Port))
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
