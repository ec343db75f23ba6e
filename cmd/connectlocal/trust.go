package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/pprof"
	"time"

	"github.com/connectlocal/connectlocal/faults"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/sigv4auth"
	"github.com/connectlocal/connectlocal/throttle"
)

// trustFlags are serve's flags for authentication, throttling, fault injection and profiling (issue 13).
type trustFlags struct {
	auth, credentials, throttle, faults *string
	faultsHeader, pprof                 *bool
	faultsSeed                          *uint64
	keys                                []sigv4auth.Key // --auth sigv4's keys, once hooks has read them
}

func addTrustFlags(fs *flag.FlagSet) *trustFlags {
	return &trustFlags{
		auth:         fs.String("auth", "off", "authentication: off (any or no signature; account from the key id) or sigv4 (verify against --credentials)"),
		credentials:  fs.String("credentials", "", "AWS shared credentials file of the keys --auth sigv4 accepts (aws_access_key_id, aws_secret_access_key, aws_account_id, aws_session_token)"),
		throttle:     fs.String("throttle", "", "token buckets per account, region and operation: OPERATION=RATE/BURST,... (e.g. CreateTaskTemplate=2/5,*=50/100)"),
		faults:       fs.String("faults", "", "inject faults: OPERATION=FAULT[@RATE],... with FAULT an error type, delay:300ms or latency:p50=20ms/p99=400ms; or @FILE.yaml"),
		faultsHeader: fs.Bool("faults-header", false, "honour the X-Connectlocal-Fault request header (one fault on one request)"),
		faultsSeed:   fs.Uint64("faults-seed", 0, "seed of the fault draws (0: a new one each start)"),
		pprof:        fs.Bool("pprof", false, "serve net/http/pprof under /_connectlocal/debug/pprof/"),
	}
}

// hooks builds the Before hooks of the AWS groups (Connect's and Cloud Control's) in the order a request meets
// them — authentication (which sets the account), throttling (per that account), faults — and the start-up
// lines that say what is on. Throttle and fault rules name operations of the catalogs.
func (t *trustFlags) hooks(ctx context.Context, defaultAccount string, maxBody int64, logger *slog.Logger, catalogs ...gateway.Catalog) ([]gateway.Before, []string, error) {
	var h []gateway.Before
	var lines []string
	switch *t.auth {
	case "off":
		if *t.credentials != "" {
			return h, nil, fmt.Errorf("--credentials needs --auth sigv4")
		}
	case "sigv4":
		if *t.credentials == "" {
			return h, nil, fmt.Errorf("--auth sigv4 needs --credentials FILE")
		}
		keys, err := sigv4auth.LoadCredentials(ctx, *t.credentials, defaultAccount)
		if err != nil {
			return h, nil, err
		}
		t.keys = keys
		v := sigv4auth.New(keys)
		v.MaxBodyBytes = maxBody
		h = append(h, v.Before)
		lines = append(lines, fmt.Sprintf("auth: sigv4, %s from %s", plural(len(keys), "key"), *t.credentials))
	default:
		return h, nil, fmt.Errorf("--auth must be off or sigv4, not %q", *t.auth)
	}
	if *t.throttle != "" {
		spec, err := throttle.Parse(*t.throttle, catalogs...)
		if err != nil {
			return h, nil, fmt.Errorf("--throttle: %v", err)
		}
		h = append(h, throttle.New(spec).Before)
		lines = append(lines, "throttle: "+spec.String())
	}
	if *t.faults != "" || *t.faultsHeader {
		spec, err := faults.Parse(*t.faults, catalogs...)
		if err != nil {
			return h, nil, fmt.Errorf("--faults: %v", err)
		}
		seed := *t.faultsSeed
		if seed == 0 {
			seed = uint64(time.Now().UnixNano())
		}
		inj := faults.New(spec, seed, catalogs...)
		inj.Header = *t.faultsHeader
		inj.Logger = logger
		h = append(h, inj.Before)
		if len(spec) > 0 {
			lines = append(lines, fmt.Sprintf("!!! FAULTS ON: answers are injected on purpose: %s (seed %d)", spec, seed))
		}
		if inj.Header {
			lines = append(lines, "!!! FAULTS ON: the "+faults.Header+" request header is honoured")
		}
	}
	return h, lines, nil
}

// mount adds the extra endpoints the flags ask for to g (signed under --auth sigv4, like reset and export).
func (t *trustFlags) mount(g *gateway.Group) {
	if !*t.pprof {
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	g.Handle("/_connectlocal/debug/", http.StripPrefix("/_connectlocal", mux), nil)
}

func printLines(w io.Writer, lines []string) {
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// plural is "1 key", "2 keys".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
