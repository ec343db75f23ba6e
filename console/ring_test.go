package console

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/connectlocal/connectlocal/gateway"
)

// However large the bodies, the ring keeps at most MaxRingBodyBytes of them: the oldest entries lose theirs
// first and keep the rest of what they recorded.
func TestRequestsRingBodiesStayWithinBudget(t *testing.T) {
	r := NewRequests(1000)
	body := bytes.Repeat([]byte("x"), 60<<10)
	const n = 400 // 400 × 120 KiB is three times the budget
	for i := range n {
		r.Record(&gateway.Exchange{ID: fmt.Sprint(i), Path: "/instance", Operation: "CreateInstance", Status: 200,
			RequestBody: bytes.Clone(body), ResponseBody: bytes.Clone(body)})
	}
	total := 0
	for _, e := range r.Entries() {
		total += len(e.RequestBody) + len(e.ResponseBody)
	}
	if total > MaxRingBodyBytes {
		t.Errorf("the ring holds %d bytes of bodies, over %d", total, MaxRingBodyBytes)
	}
	if len(r.Entries()) != n {
		t.Errorf("%d entries, want %d: dropping bodies must not drop entries", len(r.Entries()), n)
	}
	newest, _ := r.Entry(fmt.Sprint(n - 1))
	oldest, _ := r.Entry("0")
	if newest.Dropped || len(newest.ResponseBody) != len(body) {
		t.Errorf("newest entry lost its body")
	}
	if !oldest.Dropped || oldest.ResponseBody != nil || oldest.Operation != "CreateInstance" {
		t.Errorf("oldest entry: dropped %v, body %d bytes, operation %q", oldest.Dropped, len(oldest.ResponseBody), oldest.Operation)
	}
}
