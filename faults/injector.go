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
	"github.com/connectlocal/connectlocal/awsapi"
)

// Header asks for one fault on one request; it is honoured only when Injector.Header is set (--faults-header).
const Header = "X-Connectlocal-Fault"

// Injector applies a Spec; its Before method is an awsapi Before hook.
type Injector struct {
	spec Spec
	// Header honours X-Connectlocal-Fault: FAULT (the same forms as a rule's FAULT) on any request.
	Header bool
	// Sleep waits d or until ctx ends; tests replace it to record delays without waiting.
	Sleep  func(ctx context.Context, d time.Duration) error
	Logger *slog.Logger

	mu  sync.Mutex
	rng *rand.Rand
}

// New returns an Injector for spec whose draws come from a generator seeded with seed, so a run can be
// repeated exactly.
func New(spec Spec, seed uint64) *Injector {
	return &Injector{spec: spec, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
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
func (f *Injector) Before(r *http.Request, x *awsapi.Exchange) error {
	if x.Operation == "" {
		return nil
	}
	if h := r.Header.Get(Header); h != "" && f.Header {
		a, err := parseAction(strings.TrimSpace(h))
		if err != nil {
			return connectlocal.Errorf(connectlocal.InvalidArgument, "%s: %v", Header, err)
		}
		a.Operation, a.Rate = x.Operation, 1
		if a.Kind == Error {
			if _, ok := awsapi.ErrorOfType(x.Operation, a.Error, ""); !ok {
				return connectlocal.Errorf(connectlocal.InvalidArgument, "%s: %s's model does not list %s (it lists %s)",
					Header, x.Operation, a.Error, strings.Join(injectable(x.Operation), ", "))
			}
		}
		if err, done := f.apply(r, x, a); done {
			return err
		}
	}
	for _, rule := range f.spec {
		if rule.Operation != "*" && rule.Operation != x.Operation {
			continue
		}
		if rule.Kind == Error {
			if _, ok := awsapi.ErrorOfType(x.Operation, rule.Error, ""); !ok {
				continue // a "*" error skips the operations whose model lacks it
			}
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
func (f *Injector) apply(r *http.Request, x *awsapi.Exchange, rule Rule) (err error, done bool) {
	var d time.Duration
	switch rule.Kind {
	case Error:
		msg := "Injected fault (connectlocal --faults)"
		if rule.Error == "ThrottlingException" {
			msg = "Rate exceeded" // what Connect says (spec-facts §13); SDKs retry it by code
		}
		e, _ := awsapi.ErrorOfType(x.Operation, rule.Error, msg)
		f.mark(x, rule.Error)
		return e, true
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
		return connectlocal.Errorf(connectlocal.Internal, "delay cut short: %v", err), true
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

func (f *Injector) mark(x *awsapi.Exchange, what string) {
	if x.Injected == "" {
		x.Injected = what
	} else {
		x.Injected += "," + what
	}
	f.Logger.Warn("fault injected", "request_id", x.ID, "operation", x.Operation, "fault", what)
}
