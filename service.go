package connectlocal

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// Quotas are the limits Service enforces; DefaultQuotas holds the service's documented defaults.
type Quotas struct {
	TemplatesPerInstance int
	FieldsPerTemplate    int
	InstancesPerRegion   int
	FlowsPerInstance     int
	ActiveTasks          int
	// Objects are the routing objects' per-instance quotas (issue 20), by --quota name; RoutingObjectQuotas
	// lists them with their defaults.
	Objects map[string]*int
}

// DefaultQuotas returns the documented defaults (spec-facts §1).
func DefaultQuotas() Quotas {
	return Quotas{
		TemplatesPerInstance: MaxTemplatesPerInstance,
		FieldsPerTemplate:    MaxFieldsPerTemplate,
		InstancesPerRegion:   MaxInstancesPerRegion,
		FlowsPerInstance:     MaxFlowsPerInstance,
		ActiveTasks:          MaxActiveTasks,
		Objects:              defaultObjectQuotas(),
	}
}

// RoutingObjectQuotas are the routing objects' quotas: --quota name and default (rules.go).
var RoutingObjectQuotas = map[string]int{
	"hours-of-operation-per-instance": MaxHoursPerInstance,
	"queues-per-instance":             MaxQueuesPerInstance,
	"quick-connects-per-instance":     MaxQuickConnectsPerInstance,
	"routing-profiles-per-instance":   MaxRoutingProfilesPerInstance,
	"security-profiles-per-instance":  MaxSecurityProfilesPerInstance,
	"users-per-instance":              MaxUsersPerInstance,
	"hierarchy-groups-per-instance":   MaxHierarchyGroupsPerInstance,
	"agent-statuses-per-instance":     MaxAgentStatusesPerInstance,
	"flow-modules-per-instance":       MaxFlowModulesPerInstance,
	"lambda-functions-per-instance":   MaxLambdaFunctionsPerInstance,
	"bots-per-instance":               MaxBotsPerInstance,
	"vocabularies-per-instance":       MaxVocabulariesPerInstance,
}

func defaultObjectQuotas() map[string]*int {
	m := make(map[string]*int, len(RoutingObjectQuotas))
	for name, n := range RoutingObjectQuotas {
		m[name] = &n
	}
	return m
}

// objectQuota is the quota named name (a RoutingObjectQuotas name), as `serve --quota` set it; def when the
// Service was built without it.
func (s *Service) objectQuota(name string, def int) int {
	if p := s.Quotas.Objects[name]; p != nil {
		return *p
	}
	return def
}

// QuotaNames maps the names `serve --quota NAME=N` accepts to the quota they set.
func (q *Quotas) QuotaNames() map[string]*int {
	names := map[string]*int{
		"task-templates-per-instance": &q.TemplatesPerInstance,
		"fields-per-template":         &q.FieldsPerTemplate,
		"instances-per-region":        &q.InstancesPerRegion,
		"flows-per-instance":          &q.FlowsPerInstance,
		"active-tasks-per-instance":   &q.ActiveTasks,
	}
	if q.Objects == nil {
		q.Objects = defaultObjectQuotas()
	}
	for name, p := range q.Objects {
		names[name] = p
	}
	return names
}

// TokenLifetime is how long an idempotency token is remembered (spec-facts §6).
const TokenLifetime = 7 * 24 * time.Hour

// Service runs every operation: it checks the request against the rules, then calls the Store. It is the only
// Store caller, so every backend behaves alike.
type Service struct {
	Store     Store
	Quotas    Quotas
	Retention Retention        // what history the store keeps
	Now       func() time.Time // injected so tests need no wall clock
	NewID     func() string

	secretMu sync.Mutex
	secret   []byte // the store's Secret, read once: on PostgreSQL it is a round trip
}

// NewService returns a Service on store with the default quotas, the wall clock and random UUIDs.
func NewService(store Store) *Service {
	return &Service{Store: store, Quotas: DefaultQuotas(), Retention: DefaultRetention(), Now: time.Now, NewID: uuid.NewString}
}

// Ping reports whether the store answers: the health check's question, asked through the only Store caller.
func (s *Service) Ping(ctx context.Context) error { return s.Store.Ping(ctx) }

// pageSecret returns the store's pagination secret, reading it on first use only (a failed read is retried
// by the next request).
func (s *Service) pageSecret(ctx context.Context) ([]byte, error) {
	s.secretMu.Lock()
	defer s.secretMu.Unlock()
	if s.secret == nil {
		secret, err := s.Store.Secret(ctx)
		if err != nil {
			return nil, err
		}
		s.secret = secret
	}
	return s.secret, nil
}

// now is the clock at millisecond precision: what the wire shows and every store keeps exactly.
func (s *Service) now() time.Time { return s.Now().UTC().Truncate(time.Millisecond) }

// instanceID accepts an instance id or the instance's full ARN in the caller's scope (spec-facts §3).
func instanceID(scope Scope, raw string) (string, error) {
	if strings.HasPrefix(raw, "arn:") {
		rn, ok := ParseARN(raw)
		if !ok || rn.Kind != KindInstance || !rn.In(scope) {
			return "", Errorf(NotFound, "Instance '%s' not found", raw)
		}
		return rn.InstanceID, nil
	}
	return raw, nil
}

// instanceKey is the UpdateKey of a request naming raw (an instance id or ARN). A raw that names no instance
// of scope still gets a key of its own; the Update's requireInstance refuses it.
func instanceKey(scope Scope, raw string) UpdateKey {
	if id, err := instanceID(scope, raw); err == nil {
		return InstanceKey(scope, id)
	}
	return InstanceKey(scope, raw)
}

// childID accepts a child id or its full ARN when that points into the same instance (spec-facts §3).
func childID(scope Scope, instance string, kind ResourceKind, raw string) (string, bool) {
	if !strings.HasPrefix(raw, "arn:") {
		return raw, true
	}
	rn, ok := ParseARN(raw)
	if !ok || rn.Kind != kind || !rn.In(scope) || rn.InstanceID != instance {
		return "", false
	}
	return rn.ID, true
}

// requireInstance resolves raw and checks that the instance exists in scope.
func requireInstance(tx Tx, scope Scope, raw string) (string, error) {
	id, err := instanceID(scope, raw)
	if err != nil {
		return "", err
	}
	if _, err := tx.GetInstance(scope, id); err != nil {
		if CodeOf(err) == NotFound {
			return "", Errorf(NotFound, "Instance '%s' not found", raw)
		}
		return "", err
	}
	return id, nil
}

func notFound(what, id string) *Error { return Errorf(NotFound, "%s '%s' not found", what, id) }

// remembered returns the value recorded for an idempotency token, if any.
func (s *Service) remembered(tx Tx, scope Scope, key TokenKey) (string, bool, error) {
	if key.Token == "" {
		return "", false, nil
	}
	return tx.Token(scope, key, s.now())
}

func (s *Service) remember(tx Tx, scope Scope, key TokenKey, value string) error {
	if key.Token == "" {
		return nil
	}
	return tx.PutToken(scope, key, value, s.now().Add(TokenLifetime))
}

func quotaError(what string, limit int) *Error {
	e := Errorf(QuotaExceeded, "The quota of %d %s has been reached", limit, what)
	e.Quota = quotaFlagNames[what]
	return e
}

// quotaFlagNames gives the --quota name of each quota a message names (QuotaNames), so a log can say how to
// raise it; a limit that is not configurable has none.
var quotaFlagNames = map[string]string{
	"task templates per instance":          "task-templates-per-instance",
	"fields per task template":             "fields-per-template",
	"instances per region":                 "instances-per-region",
	"concurrent active tasks per instance": "active-tasks-per-instance",
}

type presetIDKey struct{}

// WithPresetID makes the next resource a Service creates under ctx take id instead of a random one: a seed
// file may fix ids so that tests can hard-code them (issue 4), while the request still takes the whole
// ordinary path of checks.
func WithPresetID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, presetIDKey{}, id)
}

func (s *Service) newID(ctx context.Context) string {
	if id, ok := ctx.Value(presetIDKey{}).(string); ok && id != "" {
		return id
	}
	return s.NewID()
}
