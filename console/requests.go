package console

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
)

// MaxBodyBytes caps each body the ring keeps.
const MaxBodyBytes = 64 << 10

// MaxRingBodyBytes caps the bodies the whole ring keeps (its default BodyBudget), so that the console stays
// within serve's memory bounds (issue 10: RSS under 150 MB with the defaults) even when every request carries
// a large body: past it, the oldest entries lose their bodies and keep the rest.
const MaxRingBodyBytes = 16 << 20

// Entry is one recorded request.
type Entry struct {
	ID           string
	Time         time.Time
	Method       string
	Path         string
	Operation    string
	Scope        connectlocal.Scope
	Status       int
	ErrorType    string
	Duration     time.Duration
	RequestBody  []byte
	ResponseBody []byte
	Truncated    bool // a body was longer than MaxBodyBytes
	Dropped      bool // the bodies were dropped to keep the ring within its BodyBudget
	Header       http.Header
}

// Requests is a bounded ring of the most recent exchanges, filled by Record as an gateway After hook. It also
// remembers which accounts and regions requests acted in, so a scope shows up before it holds anything.
type Requests struct {
	// BodyBudget caps the body bytes kept across the ring (MaxRingBodyBytes); set it before the first Record.
	BodyBudget int
	mu         sync.Mutex
	bodyBytes  int
	ring       []Entry
	seq        int // requests recorded so far; request k is at ring[k%len(ring)] while it is kept
	dropFrom   int // the oldest request whose bodies may still be kept
	scopes     map[connectlocal.Scope]time.Time
}

// NewRequests returns a ring that keeps the last n requests.
func NewRequests(n int) *Requests {
	if n < 1 {
		n = 1
	}
	return &Requests{BodyBudget: MaxRingBodyBytes, ring: make([]Entry, n), scopes: map[connectlocal.Scope]time.Time{}}
}

// unrecorded reports whether a request is left out of the ring: the console's own pages, so browsing the
// console never pushes the SDK's requests out, and the health and metrics endpoints, which machines poll.
func unrecorded(p string) bool {
	return p == "/console" || strings.HasPrefix(p, "/console/") ||
		p == "/_connectlocal/health" || p == "/_connectlocal/metrics"
}

// Record keeps x; use it as an gateway After hook with Options.CaptureBodies set.
func (r *Requests) Record(x *gateway.Exchange) {
	if unrecorded(x.Path) {
		return
	}
	e := Entry{ID: x.ID, Time: x.Start, Method: x.Method, Path: x.Path, Operation: x.Operation, Scope: x.Scope,
		Status: x.Status, ErrorType: x.ErrorType, Duration: x.Duration}
	// The request's header map and the captured bodies are the exchange's own, never reused after the
	// request ends, so the ring keeps them as they are; the signature is hidden when an entry is read.
	e.Header = x.Header
	e.RequestBody, e.Truncated = clipBody(x.RequestBody)
	var cut bool
	e.ResponseBody, cut = clipBody(x.ResponseBody)
	e.Truncated = e.Truncated || cut

	r.mu.Lock()
	defer r.mu.Unlock()
	slot := r.seq % len(r.ring)
	r.bodyBytes += e.bodySize() - r.ring[slot].bodySize()
	r.ring[slot] = e
	r.seq++
	// Over budget: drop the bodies of the oldest kept requests, never the newest one's.
	r.dropFrom = max(r.dropFrom, r.seq-len(r.ring))
	for ; r.bodyBytes > r.BodyBudget && r.dropFrom < r.seq-1; r.dropFrom++ {
		old := &r.ring[r.dropFrom%len(r.ring)]
		if size := old.bodySize(); size > 0 {
			r.bodyBytes -= size
			old.RequestBody, old.ResponseBody, old.Dropped = nil, nil, true
		}
	}
	if x.Operation != "" {
		r.scopes[x.Scope] = x.Start
	}
}

func (e *Entry) bodySize() int { return len(e.RequestBody) + len(e.ResponseBody) }

func clipBody(b []byte) ([]byte, bool) {
	if len(b) > MaxBodyBytes {
		return slices.Clone(b[:MaxBodyBytes]), true
	}
	return b, false
}

// Entries returns the kept requests, newest first.
func (r *Requests) Entries() []Entry {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := min(r.seq, len(r.ring))
	out := make([]Entry, 0, n)
	for k := r.seq - 1; k >= r.seq-n; k-- {
		e := r.ring[k%len(r.ring)]
		e.Header = nil // the list shows no headers; Entry hands them out redacted
		out = append(out, e)
	}
	return out
}

// Entry returns the kept request with the given id, its headers redacted.
func (r *Requests) Entry(id string) (Entry, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := range min(r.seq, len(r.ring)) {
		if e := r.ring[i]; e.ID == id {
			e.Header = redacted(e.Header)
			return e, true
		}
	}
	return Entry{}, false
}

// Scopes returns the accounts and regions requests have acted in, sorted.
func (r *Requests) Scopes() []connectlocal.Scope {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]connectlocal.Scope, 0, len(r.scopes))
	for s := range r.scopes {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b connectlocal.Scope) int {
		return strings.Compare(a.Account+"/"+a.Region, b.Account+"/"+b.Region)
	})
	return out
}

var signatureRe = regexp.MustCompile(`Signature=[0-9a-fA-F]+`)

// redacted copies a request's headers without the parts that could be replayed: the SigV4 signature and
// any session token.
func redacted(h http.Header) http.Header {
	out := h.Clone()
	if a := out.Get("Authorization"); a != "" {
		out.Set("Authorization", signatureRe.ReplaceAllString(a, "Signature=(hidden)"))
	}
	if out.Get("X-Amz-Security-Token") != "" {
		out.Set("X-Amz-Security-Token", "(hidden)")
	}
	return out
}
