package cloudcontrol

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/google/uuid"
)

// TargetPrefix is the X-Amz-Target prefix of every Cloud Control operation (the model's targetPrefix).
const TargetPrefix = "CloudApiService."

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
	in := map[string]any{}
	if len(bytes.TrimSpace(body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		if err := dec.Decode(&in); err != nil {
			writeError(w, r, errorf("SerializationException", "The request body is not a JSON object"))
			return
		}
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

// member is one input member's constraints from the model (shared/aws/cloudcontrol-model.json).
type member struct {
	name     string
	required bool
	min, max int
	pattern  *regexp.Regexp
}

var (
	typeNameMember     = member{"TypeName", true, 10, 196, regexp.MustCompile(`^[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}$`)}
	identifierMember   = member{"Identifier", true, 1, 1024, regexp.MustCompile(`^.+$`)}
	clientTokenMember  = member{"ClientToken", false, 1, 128, regexp.MustCompile(`^[-A-Za-z0-9+/=]+$`)}
	requestTokenMember = member{"RequestToken", true, 1, 128, regexp.MustCompile(`^[-A-Za-z0-9+/=]+$`)}
	propertiesMember   = func(name string, required bool) member { return member{name, required, 1, 262144, nil} }
	nextTokenMember    = member{"NextToken", false, 1, 4096, nil}
)

// str reads a string member and checks it. A constraint broken is a ValidationException, one of the errors
// common to every AWS API (Cloud Control API Reference, "Common Errors").
func str(in map[string]any, m member) (string, error) {
	v, ok := in[m.name]
	if !ok || v == nil {
		if m.required {
			return "", errorf("ValidationException", "1 validation error detected: Value null at '%s' failed to satisfy constraint: Member must not be null", lower(m.name))
		}
		return "", nil
	}
	s, ok := v.(string)
	if !ok {
		return "", errorf("SerializationException", "Member '%s' must be a string", m.name)
	}
	n := len([]rune(s))
	if n < m.min || n > m.max {
		return "", errorf("ValidationException", "1 validation error detected: Value at '%s' failed to satisfy constraint: Member must have length between %d and %d", lower(m.name), m.min, m.max)
	}
	if m.pattern != nil && !m.pattern.MatchString(s) {
		return "", errorf("ValidationException", "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must satisfy regular expression pattern: %s", s, lower(m.name), strings.Trim(m.pattern.String(), "^$"))
	}
	return s, nil
}

func lower(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// maxResults reads MaxResults (1–100) with its default.
func maxResults(in map[string]any, def int) (int, error) {
	v, ok := in["MaxResults"]
	if !ok || v == nil {
		return def, nil
	}
	n, err := strconv.Atoi(string(toNumber(v)))
	if err != nil || n < 1 || n > 100 {
		return 0, errorf("ValidationException", "1 validation error detected: Value '%v' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 100", v)
	}
	return n, nil
}

func toNumber(v any) json.Number {
	if n, ok := v.(json.Number); ok {
		return n
	}
	return ""
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
