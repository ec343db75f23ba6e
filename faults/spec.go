package faults

import (
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/connectlocal/connectlocal/gateway"
	"sigs.k8s.io/yaml"
)

// Kind is what a rule does.
type Kind int

const (
	Error   Kind = iota // answer with the model error Rule.Error; the operation never runs
	Delay               // wait Rule.Delay, then run the operation
	Latency             // wait a log-normal draw with median Rule.P50 and 99th percentile Rule.P99, then run
)

// Rule is one fault: for Operation ("*": every operation) with probability Rate.
type Rule struct {
	Operation string
	Kind      Kind
	Error     string // a model error shape the operation lists
	Delay     time.Duration
	P50, P99  time.Duration
	Rate      float64
}

// Spec is the rules in the order given; a request meets them in that order.
type Spec []Rule

// maxDelay keeps a rule from holding a connection longer than the server's write timeout.
const maxDelay = time.Minute

// Parse reads a --faults value: comma-separated OPERATION=FAULT[@RATE] (RATE 0..1, default 1), where FAULT is
// an error shape (InternalServiceException), delay:DURATION or latency:p50=DURATION/p99=DURATION; or
// @FILE.yaml naming a file of such rules (see ParseYAML). OPERATION is one of the catalogs' (Connect's, Cloud
// Control's); each error must be one its catalog lists for the operation; a "*" error applies to the
// operations whose catalog lists it.
func Parse(s string, catalogs ...gateway.Catalog) (Spec, error) {
	s = strings.TrimSpace(s)
	if path, ok := strings.CutPrefix(s, "@"); ok {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return ParseYAML(data, catalogs...)
	}
	ops := knownOf(catalogs)
	var spec Spec
	if s == "" {
		return spec, nil
	}
	for _, item := range strings.Split(s, ",") {
		op, rest, ok := strings.Cut(strings.TrimSpace(item), "=")
		if !ok {
			return nil, fmt.Errorf("fault rule %q: want OPERATION=FAULT[@RATE], e.g. GetTaskTemplate=InternalServiceException@0.2", item)
		}
		fault, rate := rest, "1"
		if i := strings.LastIndex(rest, "@"); i >= 0 {
			fault, rate = rest[:i], rest[i+1:]
		}
		r, err := rule(ops, op, fault, rate)
		if err != nil {
			return nil, fmt.Errorf("fault rule %q: %v", item, err)
		}
		spec = append(spec, r)
	}
	return spec, nil
}

// ParseYAML reads a faults file:
//
//	rules:
//	  - {operation: GetTaskTemplate, fault: InternalServiceException, rate: 0.2}
//	  - {operation: "*", fault: "latency:p50=20ms/p99=400ms"}
func ParseYAML(data []byte, catalogs ...gateway.Catalog) (Spec, error) {
	ops := knownOf(catalogs)
	var doc struct {
		Rules []struct {
			Operation string   `json:"operation"`
			Fault     string   `json:"fault"`
			Rate      *float64 `json:"rate"`
		} `json:"rules"`
	}
	if err := yaml.UnmarshalStrict(data, &doc); err != nil {
		return nil, fmt.Errorf("faults file: %v", err)
	}
	var spec Spec
	for i, r := range doc.Rules {
		rate := "1"
		if r.Rate != nil {
			rate = strconv.FormatFloat(*r.Rate, 'g', -1, 64)
		}
		rl, err := rule(ops, r.Operation, r.Fault, rate)
		if err != nil {
			return nil, fmt.Errorf("faults file, rule %d: %v", i+1, err)
		}
		spec = append(spec, rl)
	}
	return spec, nil
}

func rule(ops known, op, fault, rate string) (Rule, error) {
	r := Rule{Operation: op}
	if _, ok := ops[op]; op != "*" && !ok {
		return r, fmt.Errorf("%q is not an operation (one of %s, or *)", op, strings.Join(slices.Sorted(maps.Keys(ops)), ", "))
	}
	p, err := strconv.ParseFloat(rate, 64)
	if err != nil || !(p >= 0 && p <= 1) {
		return r, fmt.Errorf("rate %q must be a number from 0 to 1", rate)
	}
	r.Rate = p
	a, err := parseAction(fault)
	if err != nil {
		return r, err
	}
	r.Kind, r.Error, r.Delay, r.P50, r.P99 = a.Kind, a.Error, a.Delay, a.P50, a.P99
	if r.Kind == Error {
		if op == "*" {
			if !ops.anyLists(r.Error) {
				return r, fmt.Errorf("no operation's model lists %s", r.Error)
			}
		} else if !ops.lists(op, r.Error) {
			return r, fmt.Errorf("%s's model does not list %s (it lists %s)", op, r.Error, strings.Join(ops[op], ", "))
		}
	}
	return r, nil
}

// parseAction reads the FAULT part: an error shape, delay:D or latency:p50=D/p99=D.
func parseAction(fault string) (Rule, error) {
	var r Rule
	switch {
	case strings.HasPrefix(fault, "delay:"):
		d, err := time.ParseDuration(strings.TrimPrefix(fault, "delay:"))
		if err != nil || d <= 0 || d > maxDelay {
			return r, fmt.Errorf("%q: want delay:DURATION, e.g. delay:300ms, up to %s", fault, maxDelay)
		}
		r.Kind, r.Delay = Delay, d
	case strings.HasPrefix(fault, "latency:"):
		p50s, p99s, ok := strings.Cut(strings.TrimPrefix(fault, "latency:"), "/")
		v50, ok50 := strings.CutPrefix(p50s, "p50=")
		v99, ok99 := strings.CutPrefix(p99s, "p99=")
		p50, err50 := time.ParseDuration(v50)
		p99, err99 := time.ParseDuration(v99)
		if !ok || !ok50 || !ok99 || err50 != nil || err99 != nil || p50 <= 0 || p99 < p50 || p99 > maxDelay {
			return r, fmt.Errorf("%q: want latency:p50=DURATION/p99=DURATION with 0 < p50 <= p99 <= %s", fault, maxDelay)
		}
		r.Kind, r.P50, r.P99 = Latency, p50, p99
	default:
		if fault == "" || strings.ContainsAny(fault, " :/@=") {
			return r, fmt.Errorf("%q: want an error type, delay:DURATION or latency:p50=DURATION/p99=DURATION", fault)
		}
		r.Kind, r.Error = Error, fault
	}
	return r, nil
}

// known maps each operation of the catalogs to the error types a fault may give it.
type known map[string][]string

func knownOf(catalogs []gateway.Catalog) known {
	k := known{}
	for _, c := range catalogs {
		for _, op := range c.Operations() {
			k[op] = c.Errors(op)
		}
	}
	return k
}

func (k known) lists(op, typ string) bool { return slices.Contains(k[op], typ) }

func (k known) anyLists(typ string) bool {
	for op := range k {
		if k.lists(op, typ) {
			return true
		}
	}
	return false
}

// String gives the rule back in its flag form.
func (r Rule) String() string {
	var fault string
	switch r.Kind {
	case Delay:
		fault = "delay:" + r.Delay.String()
	case Latency:
		fault = "latency:p50=" + r.P50.String() + "/p99=" + r.P99.String()
	default:
		fault = r.Error
	}
	return r.Operation + "=" + fault + "@" + strconv.FormatFloat(r.Rate, 'g', -1, 64)
}

// String gives the spec back in its flag form.
func (s Spec) String() string {
	parts := make([]string, len(s))
	for i, r := range s {
		parts[i] = r.String()
	}
	return strings.Join(parts, ",")
}

// z99 is the standard normal's 99th percentile: a log-normal with median p50 has its 99th percentile at
// p50·exp(σ·z99), so σ = ln(p99/p50)/z99.
const z99 = 2.3263478740408408

// latency turns a standard normal draw into the rule's log-normal delay, capped at maxDelay.
func (r Rule) latency(normal float64) time.Duration {
	sigma := math.Log(float64(r.P99)/float64(r.P50)) / z99
	d := time.Duration(float64(r.P50) * math.Exp(sigma*normal))
	return min(d, maxDelay)
}
