package throttle

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
	"golang.org/x/time/rate"
)

// Rule is one operation's bucket: Rate tokens a second, Burst at most.
type Rule struct {
	Rate  float64
	Burst int
}

// Spec maps operation names (and "*", every operation without a rule of its own) to their buckets.
type Spec map[string]Rule

// Parse reads "CreateTaskTemplate=2/5,*=50/100": NAME=RATE/BURST, comma-separated. NAME is an operation of one
// of the catalogs (Connect's, Cloud Control's) or "*". Anything else is refused with the reason.
func Parse(s string, catalogs ...gateway.Catalog) (Spec, error) {
	spec := Spec{}
	if strings.TrimSpace(s) == "" {
		return spec, nil
	}
	var ops []string
	for _, c := range catalogs {
		ops = append(ops, c.Operations()...)
	}
	for _, item := range strings.Split(s, ",") {
		name, value, ok := strings.Cut(strings.TrimSpace(item), "=")
		r, b, ok2 := strings.Cut(value, "/")
		if !ok || !ok2 {
			return nil, fmt.Errorf("throttle rule %q: want OPERATION=RATE/BURST, e.g. CreateTaskTemplate=2/5 or *=50/100", item)
		}
		if name != "*" && !slices.Contains(ops, name) {
			return nil, fmt.Errorf("throttle rule %q: %q is not an operation (one of %s, or *)", item, name, strings.Join(ops, ", "))
		}
		perSec, err := strconv.ParseFloat(r, 64)
		if err != nil || perSec <= 0 || perSec > 1e6 {
			return nil, fmt.Errorf("throttle rule %q: rate must be a number of requests per second above 0", item)
		}
		burst, err := strconv.Atoi(b)
		if err != nil || burst < 1 || burst > 1e6 {
			return nil, fmt.Errorf("throttle rule %q: burst must be a whole number from 1", item)
		}
		if _, dup := spec[name]; dup {
			return nil, fmt.Errorf("throttle rule %q: %s has two rules", item, name)
		}
		spec[name] = Rule{Rate: perSec, Burst: burst}
	}
	return spec, nil
}

// String gives the spec back in its flag form, sorted.
func (s Spec) String() string {
	var parts []string
	for name, r := range s {
		parts = append(parts, fmt.Sprintf("%s=%g/%d", name, r.Rate, r.Burst))
	}
	slices.Sort(parts)
	return strings.Join(parts, ",")
}

// Limiter holds one bucket per account, region and operation, made on first use.
type Limiter struct {
	spec Spec
	// Now is the clock the buckets fill by (tests set it); nil means time.Now.
	Now     func() time.Time
	mu      sync.Mutex
	buckets map[bucketKey]*rate.Limiter
}

type bucketKey struct{ account, region, operation string }

// New returns a Limiter for spec.
func New(spec Spec) *Limiter {
	return &Limiter{spec: spec, buckets: map[bucketKey]*rate.Limiter{}}
}

// Before is a gateway Before hook: a request over its bucket is refused as Throttled, which each group's
// protocol answers ThrottlingException (Connect: the model's 429, also on the few operations whose model
// lacks it — spec-facts §13, decided — which the SDKs still retry by code; Cloud Control: its model's
// ThrottlingException, 400) and never runs. Requests without an operation (extra endpoints, unknown routes)
// are not counted.
func (l *Limiter) Before(r *http.Request, x *gateway.Exchange) error {
	if x.Operation == "" {
		return nil
	}
	rule, ok := l.spec[x.Operation]
	if !ok {
		if rule, ok = l.spec["*"]; !ok {
			return nil
		}
	}
	now := time.Now
	if l.Now != nil {
		now = l.Now
	}
	k := bucketKey{x.Scope.Account, x.Scope.Region, x.Operation}
	l.mu.Lock()
	b := l.buckets[k]
	if b == nil {
		b = rate.NewLimiter(rate.Limit(rule.Rate), rule.Burst)
		l.buckets[k] = b
	}
	allowed := b.AllowN(now(), 1)
	l.mu.Unlock()
	if !allowed {
		return connectlocal.Errorf(connectlocal.Throttled, "Rate exceeded")
	}
	return nil
}
