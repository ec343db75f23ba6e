package cloudcontrol

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/google/uuid"
)

// Handler serves Cloud Control. Resource operations complete before the answer is written; their request
// records (for GetResourceRequestStatus, ListResourceRequests and ClientToken idempotency) are kept in memory
// for the life of the process.
type Handler struct {
	api *awsapi.API
	// Now is the clock of EventTime; tests may replace it.
	Now func() time.Time

	mu        sync.Mutex // serialises resource operations, so a ClientToken races with nothing
	requests  []*request // oldest first
	byToken   map[string]*request
	byClient  map[string]*request // scope + ClientToken
	maxMemory int
}

type request struct {
	scope       connectlocal.Scope
	fingerprint string // what the ClientToken was used for
	event       ProgressEvent
}

// New returns the Cloud Control handler on api; mount it in its own gateway group with OperationName:
// g.Handle("POST /{$}", cloudcontrol.New(api), cloudcontrol.OperationName), the group refusing with Refuse.
func New(api *awsapi.API) *Handler {
	return &Handler{api: api, Now: time.Now, byToken: map[string]*request{}, byClient: map[string]*request{}, maxMemory: 100000}
}

// OperationName names a request for the hooks after its X-Amz-Target ("" when it is not Cloud Control's).
func OperationName(r *http.Request) string {
	op, _ := strings.CutPrefix(r.Header.Get("X-Amz-Target"), TargetPrefix)
	return op
}

// ProgressEvent is the model's ProgressEvent.
type ProgressEvent struct {
	TypeName        string   `json:",omitempty"`
	Identifier      string   `json:",omitempty"`
	RequestToken    string   `json:",omitempty"`
	Operation       string   `json:",omitempty"`
	OperationStatus string   `json:",omitempty"`
	EventTime       *float64 `json:",omitempty"` // epoch seconds, awsJson1_0's timestamp format
	ResourceModel   string   `json:",omitempty"`
	StatusMessage   string   `json:",omitempty"`
	ErrorCode       string   `json:",omitempty"`
}

type operation func(h *Handler, ctx context.Context, scope connectlocal.Scope, in map[string]any) (any, error)

// operations lists every operation of the Cloud Control model; a test checks the two agree.
var operations = map[string]operation{
	"CreateResource":           (*Handler).createResource,
	"GetResource":              (*Handler).getResource,
	"UpdateResource":           (*Handler).updateResource,
	"DeleteResource":           (*Handler).deleteResource,
	"ListResources":            (*Handler).listResources,
	"GetResourceRequestStatus": (*Handler).getResourceRequestStatus,
	"ListResourceRequests":     (*Handler).listResourceRequests,
	"CancelResourceRequest":    (*Handler).cancelResourceRequest,
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	target := r.Header.Get("X-Amz-Target")
	op, ok := operations[strings.TrimPrefix(target, TargetPrefix)]
	if !ok || !strings.HasPrefix(target, TargetPrefix) {
		writeError(w, r, errorf("UnknownOperationException", "No operation matches X-Amz-Target '%s'", target))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, 1<<20))
	if err != nil {
		writeError(w, r, errorf("ValidationException", "The request body is larger than 1 MiB"))
		return
	}
	if err := awsapi.CheckText(body); err != nil { // encoding/json would store U+FFFD the caller never sent
		writeError(w, r, errorf("SerializationException", "%s", connectlocal.AsError(err).Message))
		return
	}
	in := map[string]any{}
	if len(bytes.TrimSpace(body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		if err := dec.Decode(&in); err != nil {
			writeError(w, r, errorf("SerializationException", "The request body is not a JSON object"))
			return
		}
	}
	if err := checkInput(strings.TrimPrefix(target, TargetPrefix), in); err != nil {
		writeError(w, r, err)
		return
	}
	scope := connectlocal.Scope{Account: "000000000000", Region: "us-east-1"}
	if x := gateway.ExchangeFrom(r.Context()); x != nil {
		scope = x.Scope
	}
	out, err := op(h, r.Context(), scope, in)
	if err != nil {
		writeError(w, r, err)
		return
	}
	resp, _ := json.Marshal(out)
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	w.Header().Set("Content-Length", strconv.Itoa(len(resp)))
	w.WriteHeader(http.StatusOK)
	w.Write(resp)
}

// record stores a finished request; the oldest are forgotten past maxMemory.
func (h *Handler) record(scope connectlocal.Scope, clientToken, fingerprint string, ev ProgressEvent) *request {
	req := &request{scope: scope, fingerprint: fingerprint, event: ev}
	h.requests = append(h.requests, req)
	h.byToken[ev.RequestToken] = req
	if clientToken != "" {
		h.byClient[clientKey(scope, clientToken)] = req
	}
	if len(h.requests) > h.maxMemory {
		old := h.requests[0]
		h.requests = h.requests[1:]
		delete(h.byToken, old.event.RequestToken)
	}
	return req
}

func clientKey(scope connectlocal.Scope, token string) string {
	return scope.Account + "\x00" + scope.Region + "\x00" + token
}

func (h *Handler) eventTime() *float64 {
	t := float64(h.Now().UnixMilli()) / 1000
	return &t
}

func newRequestToken() string { return uuid.NewString() }
