package connectlocal_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/google/go-cmp/cmp"
)

const flowContent = `{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"X","Parameters":{},"Transitions":{}}]}`

func stateSnapshot() connectlocal.Snapshot {
	at := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	fields := []connectlocal.Field{{Name: "N", Type: connectlocal.FieldName}, {Name: "Q", Type: connectlocal.FieldQuickConnect}}
	return connectlocal.Snapshot{Scopes: []connectlocal.ScopeSnapshot{{
		Scope: connectlocal.Scope{Account: "123456789012", Region: "eu-west-2"},
		Instances: []connectlocal.InstanceSnapshot{{
			Instance: connectlocal.Instance{ID: "i-1", IdentityManagementType: "CONNECT_MANAGED", Alias: "state", CreatedTime: at},
			Tags:     map[string]string{"k": "v"},
			Flows:    []connectlocal.FlowSnapshot{{Flow: connectlocal.ContactFlow{ID: "f-1", Name: "route", Type: "CONTACT_FLOW", Content: flowContent}}},
			Templates: []connectlocal.TemplateSnapshot{{Versions: []connectlocal.TaskTemplate{
				{ID: "t-1", Name: "old", Fields: fields, CreatedTime: at},
				{ID: "t-1", Name: "new", ContactFlowID: "route", Fields: fields, LastModifiedTime: at.Add(time.Hour)},
			}}},
			Contacts: []connectlocal.Contact{{ID: "c-1", InitiationTimestamp: at, DisconnectTimestamp: at.Add(time.Minute), DisconnectReason: "API"}},
		}},
	}}}
}

// twiceStore runs every Update function twice: once in a transaction that is then rolled back (as PostgreSQL
// does on a serialization failure), then for real.
type twiceStore struct{ *memory.Store }

func (s twiceStore) Update(ctx context.Context, key connectlocal.UpdateKey, fn func(connectlocal.Tx) error) error {
	s.Store.Update(ctx, key, func(tx connectlocal.Tx) error {
		fn(tx)
		return errors.New("simulated conflict")
	})
	return s.Store.Update(ctx, key, fn)
}

// Import, Export and Reset are rerunnable Update functions and report the same as a single run would.
func TestImportExportReset(t *testing.T) {
	ctx := context.Background()
	svc := connectlocal.NewService(twiceStore{memory.New()})
	res, err := svc.Import(ctx, stateSnapshot())
	if err != nil {
		t.Fatal(err)
	}
	want := connectlocal.ImportResult{Created: connectlocal.Counts{Instances: 1, ContactFlows: 1, TaskTemplates: 1, Contacts: 1}}
	if res != want {
		t.Fatalf("import: %+v", res)
	}
	snap, err := svc.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	is := snap.Scopes[0].Instances[0]
	versions := is.Templates[0].Versions
	if len(versions) != 2 || versions[1].Version != 2 || versions[1].ContactFlowID != "f-1" || !versions[1].CreatedTime.Equal(versions[0].CreatedTime) {
		t.Fatalf("versions: %+v", versions)
	}
	if is.Instance.Status != "ACTIVE" || is.Tags["k"] != "v" || is.Flows[0].Flow.Status != "PUBLISHED" || is.Contacts[0].InitialContactID != "c-1" {
		t.Fatalf("defaults not filled: %+v", is)
	}
	if res, err = svc.Import(ctx, snap); err != nil || res.Created != (connectlocal.Counts{}) {
		t.Fatalf("second import: %+v %v", res, err)
	}
	again, _ := svc.Export(ctx)
	if d := cmp.Diff(snap, again); d != "" {
		t.Fatalf("import of an export changed the state:\n%s", d)
	}
	inv, err := svc.Inventory(ctx)
	if err != nil || inv != (connectlocal.Counts{Instances: 1, ContactFlows: 1 + len(connectlocal.DefaultFlows), TaskTemplates: 1, RoutingObjects: defaultObjects}) { // the one task is stopped; the defaults
		t.Fatalf("inventory: %+v %v", inv, err)
	}
	removed, err := svc.Reset(ctx, connectlocal.ScopeMatch{Region: "us-east-1"})
	if err != nil || removed != (connectlocal.Counts{}) {
		t.Fatalf("reset of another region: %+v %v", removed, err)
	}
	removed, err = svc.Reset(ctx, connectlocal.ScopeMatch{Account: "123456789012"})
	if err != nil || removed != (connectlocal.Counts{Instances: 1, ContactFlows: 1 + len(connectlocal.DefaultFlows), TaskTemplates: 1, Contacts: 1, RoutingObjects: defaultObjects}) {
		t.Fatalf("reset: %+v %v", removed, err)
	}
	if snap, _ := svc.Export(ctx); len(snap.Scopes) != 0 {
		t.Fatalf("after reset: %+v", snap)
	}
}

func TestImportRefusesWholeAndNamesTheEntry(t *testing.T) {
	cases := map[string]struct {
		edit func(*connectlocal.Snapshot)
		want string
	}{
		"version numbers": {func(s *connectlocal.Snapshot) { s.Scopes[0].Instances[0].Templates[0].Versions[1].Version = 5 },
			`123456789012/eu-west-2 Instances[0] "state": TaskTemplates[0] "new": version 5 follows version 1`},
		"template rule": {func(s *connectlocal.Snapshot) { s.Scopes[0].Instances[0].Templates[0].Versions[0].Fields = nil },
			`TaskTemplates[0] "new": version 1: `},
		"flow content": {func(s *connectlocal.Snapshot) { s.Scopes[0].Instances[0].Flows[0].Flow.Content = "{" },
			`ContactFlows[0] "route": `},
		"instance rule": {func(s *connectlocal.Snapshot) { s.Scopes[0].Instances[0].Instance.Alias = "" },
			`Instances[0]: InstanceAlias is required`},
		"contact id": {func(s *connectlocal.Snapshot) { s.Scopes[0].Instances[0].Contacts[0].ID = "" },
			`Contacts[0] "": a contact needs its Id`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			svc := connectlocal.NewService(memory.New())
			snap := stateSnapshot()
			tc.edit(&snap)
			_, err := svc.Import(context.Background(), snap)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if got, _ := svc.Export(context.Background()); len(got.Scopes) != 0 {
				t.Fatalf("a refused import wrote %+v", got)
			}
		})
	}
}

func TestImportQuota(t *testing.T) {
	svc := connectlocal.NewService(memory.New())
	svc.Quotas.InstancesPerRegion = 0
	_, err := svc.Import(context.Background(), stateSnapshot())
	var e *connectlocal.Error
	if !errors.As(err, &e) || e.Code != connectlocal.QuotaExceeded || e.Quota != "instances-per-region" {
		t.Fatalf("import over the quota: %#v", err)
	}
}

// An export keeps the version numbers Retention left (3 and 4 of 4); import into an empty store restores them.
func TestImportKeepsRetainedVersionNumbers(t *testing.T) {
	ctx := context.Background()
	scope := connectlocal.Scope{Account: "123456789012", Region: "us-east-1"}
	src := connectlocal.NewService(memory.New())
	src.Retention.TemplateVersions = 2
	inst, err := src.CreateInstance(ctx, scope, connectlocal.CreateInstanceInput{IdentityManagementType: "CONNECT_MANAGED", Alias: "kept"})
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := src.CreateTaskTemplate(ctx, scope, connectlocal.CreateTaskTemplateInput{InstanceID: inst.ID, Name: "t",
		Fields: []connectlocal.Field{{Name: "N", Type: connectlocal.FieldName}, {Name: "Q", Type: connectlocal.FieldQuickConnect}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"v2", "v3", "v4"} {
		if _, err := src.UpdateTaskTemplate(ctx, scope, connectlocal.UpdateTaskTemplateInput{InstanceID: inst.ID, ID: tmpl.ID, Description: &d}); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := src.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	versions := snap.Scopes[0].Instances[0].Templates[0].Versions
	if len(versions) != 2 || versions[0].Version != 3 || versions[1].Description != "v4" {
		t.Fatalf("exported versions: %+v", versions)
	}
	dst := connectlocal.NewService(memory.New())
	if _, err := dst.Import(ctx, snap); err != nil {
		t.Fatal(err)
	}
	got, err := dst.Export(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(snap, got); d != "" {
		t.Fatalf("after import (-exported +imported):\n%s", d)
	}
	if _, _, err := dst.GetTaskTemplate(ctx, scope, inst.ID, tmpl.ID, 2); connectlocal.CodeOf(err) != connectlocal.NotFound {
		t.Fatalf("version 2 after import: %v", err)
	}
}

// defaultObjects is how many routing objects a new instance holds: Basic Hours, BasicQueue, the Basic Routing
// Profile, four security profiles and two agent statuses (defaults.go).
const defaultObjects = 9
