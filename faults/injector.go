package faults

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
)

// Header asks for one fault on one request; it is honoured only when Injector.Header is set (--faults-header).
const Header = "X-Connectlocal-Fault"

// Injector applies a Spec; its Before method is a gateway Before hook for the groups of its catalogs, each
// of which writes an injected error in its own protocol.
type Injector struct {
	spec Spec
	ops  known
	// Header honours X-Connectlocal-Fault: FAULT (the same forms as a rule's FAULT) on any request.
	Header bool
	// Sleep waits d or until ctx ends; tests replace it to record delays without waiting.
	Sleep  func(ctx context.Context, d time.Duration) error
	Logger *slog.Logger

	mu  sync.Mutex
	rng *rand.Rand
}

// New returns an Injector for spec (parsed with the same catalogs) whose draws come from a generator seeded
// with seed, so a run can be repeated exactly.
func New(spec Spec, seed uint64, catalogs ...gateway.Catalog) *Injector {
	return &Injector{spec: spec, ops: knownOf(catalogs), rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		Sleep: sleep, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Before meets the request's operation with each matching rule in order: a delay or latency rule that fires
// waits and goes on; the first error rule that fires answers the request with that error, so the operation
// never runs and nothing is stored. x.Injected names what was injected, and each injection is logged.
func (f *Injector) Before(r *http.Request, x *gateway.Exchange) error {
	if x.Operation == "" {
		return nil
	}
	if h := r.Header.Get(Header); h != "" && f.Header {
		a, err := parseAction(strings.TrimSpace(h))
		if err != nil {
			return connectlocal.Errorf(connectlocal.InvalidArgument, "%s: %v", Header, err)
		}
		a.Operation, a.Rate = x.Operation, 1
		if a.Kind == Error && !f.ops.lists(x.Operation, a.Error) {
			return connectlocal.Errorf(connectlocal.InvalidArgument, "%s: %s's model does not list %s (it lists %s)",
				Header, x.Operation, a.Error, strings.Join(f.ops[x.Operation], ", "))
		}
		if err, done := f.apply(r, x, a); done {
			return err
		}
	}
	for _, rule := range f.spec {
		if rule.Operation != "*" && rule.Operation != x.Operation {
			continue
		}
		if rule.Kind == Error && !f.ops.lists(x.Operation, rule.Error) {
			continue // a "*" error skips the operations whose model lacks it
		}
		if !f.fires(rule.Rate) {
			continue
		}
		if err, done := f.apply(r, x, rule); done {
			return err
		}
	}
	return nil
}

// apply carries out one fired rule; done reports that the request is answered (with err).
func (f *Injector) apply(r *http.Request, x *gateway.Exchange, rule Rule) (err error, done bool) {
	var d time.Duration
	switch rule.Kind {
	case Error:
		msg := "Injected fault (connectlocal --faults)"
		if rule.Error == "ThrottlingException" {
			msg = "Rate exceeded" // what Connect says (spec-facts §13); SDKs retry it by code
		}
		f.mark(x, rule.Error)
		return &gateway.WireError{Type: rule.Error, Message: msg}, true
	case Delay:
		d = rule.Delay
	case Latency:
		f.mu.Lock()
		n := f.rng.NormFloat64()
		f.mu.Unlock()
		d = rule.latency(n)
	}
	f.mark(x, "delay:"+d.String())
	if err := f.Sleep(r.Context(), d); err != nil {
		return err, true // the client gave up during the delay: the request ended, no internal error
	}
	return nil, false
}

func (f *Injector) fires(rate float64) bool {
	if rate >= 1 {
		return true
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rng.Float64() < rate
}

func (f *Injector) mark(x *gateway.Exchange, what string) {
	if x.Injected == "" {
		x.Injected = what
	} else {
		x.Injected += "," + what
	}
	f.Logger.Warn("fault injected", "request_id", x.ID, "operation", x.Operation, "fault", what)
}
