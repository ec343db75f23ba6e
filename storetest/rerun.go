package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/google/go-cmp/cmp"
)

// The Store contract lets a backend run an Update's function more than once (store.go). testRerun proves
// that every Service operation gives the same result when its first run fails midway: for each k, a
// wrapper store makes the k-th Tx call of every Update's first run fail, rolls that run back and runs the
// function again, and the whole scenario must answer exactly as it does without the failures.
func testRerun(t *testing.T, s connectlocal.Store) {
	ref := &rerunStore{Store: s}
	want := rerunScenario(t, ref)
	if ref.maxCalls == 0 {
		t.Fatal("the scenario made no Tx calls")
	}
	for k := 1; k <= ref.maxCalls; k++ {
		t.Run(fmt.Sprint("fail call ", k), func(t *testing.T) {
			// A fresh scope per k stands in for a fresh store: the suite's newStore is not at hand here.
			w := &rerunStore{Store: s, failAt: k}
			got := rerunScenarioIn(t, w, connectlocal.Scope{Account: fmt.Sprintf("9%011d", k), Region: "us-east-1"})
			if w.ignored != "" {
				t.Fatalf("an Update function ignored a failed Tx call and succeeded: %s", w.ignored)
			}
			if d := cmp.Diff(normalize(want, scope), normalize(got, connectlocal.Scope{Account: fmt.Sprintf("9%011d", k), Region: "us-east-1"})); d != "" {
				t.Fatalf("results differ from a run without failures (-want +got):\n%s", d)
			}
		})
	}
}

// normalize removes the scope's account from results so runs in different scopes compare.
func normalize(results []string, s connectlocal.Scope) []string {
	out := make([]string, len(results))
	for i, r := range results {
		out[i] = strings.ReplaceAll(r, s.Account, "ACCOUNT")
	}
	return out
}

func rerunScenario(t *testing.T, s connectlocal.Store) []string { return rerunScenarioIn(t, s, scope) }

func rerunScenarioIn(t *testing.T, store connectlocal.Store, sc connectlocal.Scope) []string {
	svc := connectlocal.NewService(store)
	svc.Now = func() time.Time { return base }
	n := 0
	svc.NewID = func() string { n++; return fmt.Sprintf("00000000-0000-0000-0000-%012d", n) }
	var out []string
	rec := func(op string, v any, err error) {
		msg := ""
		if err != nil {
			msg = fmt.Sprintf("%s: %s", connectlocal.CodeOf(err), err)
		}
		out = append(out, fmt.Sprintf("%s: %+v | %s", op, v, msg))
	}
	alias := "rerun" + sc.Account
	in := connectlocal.CreateInstanceInput{IdentityManagementType: "CONNECT_MANAGED", Alias: alias, InboundCallsEnabled: true,
		Tags: map[string]string{"team": "a"}, ClientToken: "ci"}
	inst, err := svc.CreateInstance(ctx, sc, in)
	rec("CreateInstance", inst, err)
	again, err := svc.CreateInstance(ctx, sc, in)
	rec("CreateInstance again", again, err)
	if inst.ID == "" {
		t.Fatalf("no instance: %v", out)
	}
	flow, err := svc.CreateContactFlow(ctx, sc, connectlocal.CreateContactFlowInput{InstanceID: inst.ID, Name: "f", Type: "CONTACT_FLOW",
		Content: `{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"X","Parameters":{},"Transitions":{}}]}`,
		Tags:    map[string]string{"k": "v"}})
	rec("CreateContactFlow", flow, err)
	tin := connectlocal.CreateTaskTemplateInput{InstanceID: inst.ID, Name: "t", ContactFlowID: flow.ID,
		Fields:   []connectlocal.Field{{Name: "N", Type: connectlocal.FieldName}, {Name: "Amount", Type: connectlocal.FieldNumber}},
		Defaults: []connectlocal.DefaultFieldValue{{Name: "Amount", Value: "5"}}, ClientToken: "ct"}
	tmpl, err := svc.CreateTaskTemplate(ctx, sc, tin)
	rec("CreateTaskTemplate", tmpl, err)
	tmplAgain, err := svc.CreateTaskTemplate(ctx, sc, tin)
	rec("CreateTaskTemplate again", tmplAgain, err)
	name := "t2"
	up, err := svc.UpdateTaskTemplate(ctx, sc, connectlocal.UpdateTaskTemplateInput{InstanceID: inst.ID, ID: tmpl.ID, Name: &name})
	rec("UpdateTaskTemplate", up, err)
	clash := "t2"
	_, err = svc.CreateTaskTemplate(ctx, sc, connectlocal.CreateTaskTemplateInput{InstanceID: inst.ID, Name: clash, ContactFlowID: flow.ID})
	rec("CreateTaskTemplate clash", nil, err)
	cin := connectlocal.StartTaskContactInput{InstanceID: inst.ID, TaskTemplateID: tmpl.ID, Name: "task",
		References: map[string]connectlocal.Reference{"Other": {Type: "STRING", Value: "x"}}, ClientToken: "sc"}
	c, err := svc.StartTaskContact(ctx, sc, cin)
	rec("StartTaskContact", c, err)
	cAgain, err := svc.StartTaskContact(ctx, sc, cin)
	rec("StartTaskContact again", cAgain, err)
	rec("StopContact", nil, svc.StopContact(ctx, sc, inst.ID, c.ID, false))
	rec("StopContact again", nil, svc.StopContact(ctx, sc, inst.ID, c.ID, false))
	arn := sc.TaskTemplateARN(inst.ID, tmpl.ID)
	rec("TagResource", nil, svc.TagResource(ctx, sc, arn, map[string]string{"a": "1", "b": "2"}))
	rec("UntagResource", nil, svc.UntagResource(ctx, sc, arn, []string{"a"}))
	rec("UpdateContactFlowContent", nil, svc.UpdateContactFlowContent(ctx, sc, inst.ID, flow.ID,
		`{"Version":"2019-10-30","StartAction":"b","Actions":[{"Identifier":"b","Type":"X","Parameters":{},"Transitions":{}}]}`))
	rerunIssue12(ctx, svc, sc, inst.ID, c.ID, rec) // records.go
	dc, err := svc.DescribeContact(ctx, sc, inst.ID, c.ID)
	rec("DescribeContact", dc, err)
	gt, tags, err := svc.GetTaskTemplate(ctx, sc, inst.ID, tmpl.ID, 0)
	rec("GetTaskTemplate", []any{gt, tags}, err)
	df, ftags, err := svc.DescribeContactFlow(ctx, sc, inst.ID, flow.ID)
	rec("DescribeContactFlow", []any{df, ftags}, err)
	di, itags, err := svc.DescribeInstance(ctx, sc, inst.ID)
	rec("DescribeInstance", []any{di, itags}, err)
	rec("DeleteTaskTemplate", nil, svc.DeleteTaskTemplate(ctx, sc, inst.ID, tmpl.ID))
	rec("DeleteContactFlow", nil, svc.DeleteContactFlow(ctx, sc, inst.ID, flow.ID))
	rec("DeleteInstance", nil, svc.DeleteInstance(ctx, sc, inst.ID, "di"))
	rec("DeleteInstance again", nil, svc.DeleteInstance(ctx, sc, inst.ID, "di"))
	_, _, err = svc.DescribeInstance(ctx, sc, inst.ID)
	rec("DescribeInstance after delete", nil, err)
	return out
}

// rerunStore runs each Update's function once in a transaction it then rolls back, failing the function's
// failAt-th Tx call, and then for real. With failAt 0 it only counts the Tx calls an Update makes.
type rerunStore struct {
	connectlocal.Store
	failAt   int
	maxCalls int
	ignored  string // the first Tx call whose failure a function swallowed
}

var (
	errInjected = connectlocal.Errorf(connectlocal.Internal, "injected failure of a first run")
	errRollBack = errors.New("storetest: roll the first run back")
)

func (w *rerunStore) Update(ctx context.Context, key connectlocal.UpdateKey, fn func(connectlocal.Tx) error) error {
	if w.failAt > 0 {
		ft := &failingTx{failAt: w.failAt}
		err := w.Store.Update(ctx, key, func(tx connectlocal.Tx) error {
			ft.Tx = tx
			if err := fn(ft); err == nil && ft.failed != "" && w.ignored == "" {
				w.ignored = ft.failed
			}
			return errRollBack
		})
		if !errors.Is(err, errRollBack) && !errors.Is(err, errInjected) && connectlocal.CodeOf(err) != connectlocal.Internal {
			return fmt.Errorf("storetest: the rolled-back first run returned %w", err)
		}
	}
	counter := &failingTx{}
	err := w.Store.Update(ctx, key, func(tx connectlocal.Tx) error {
		counter.Tx, counter.calls = tx, 0
		return fn(counter)
	})
	w.maxCalls = max(w.maxCalls, counter.calls)
	return err
}

// failingTx counts Tx calls and fails the failAt-th (none when failAt is 0). Methods other backends' Tx
// gain later pass through the embedded Tx uncounted.
type failingTx struct {
	connectlocal.Tx
	calls, failAt int
	failed        string
}

func (f *failingTx) tick() error {
	f.calls++
	if f.calls == f.failAt {
		f.failed = fmt.Sprint("call ", f.calls)
		return errInjected
	}
	return nil
}

func (f *failingTx) GetInstance(s connectlocal.Scope, id string) (connectlocal.Instance, error) {
	if err := f.tick(); err != nil {
		var zero connectlocal.Instance
		return zero, err
	}
	return f.Tx.GetInstance(s, id)
}

func (f *failingTx) ListInstances(s connectlocal.Scope, after connectlocal.Cursor, limit int) ([]connectlocal.Instance, error) {
	if err := f.tick(); err != nil {
		var zero []connectlocal.Instance
		return zero, err
	}
	return f.Tx.ListInstances(s, after, limit)
}

func (f *failingTx) CountInstances(s connectlocal.Scope) (int, error) {
	if err := f.tick(); err != nil {
		var zero int
		return zero, err
	}
	return f.Tx.CountInstances(s)
}

func (f *failingTx) CreateInstance(s connectlocal.Scope, inst connectlocal.Instance) error {
	if err := f.tick(); err != nil {
		return err
	}
	return f.Tx.CreateInstance(s, inst)
}

func (f *failingTx) DeleteInstance(s connectlocal.Scope, id string) error {
	if err := f.tick(); err != nil {
		return err
	}
	return f.Tx.DeleteInstance(s, id)
}

func (f *failingTx) GetTaskTemplate(s connectlocal.Scope, instanceID, id string, version int64) (connectlocal.TaskTemplate, error) {
	if err := f.tick(); err != nil {
		var zero connectlocal.TaskTemplate
		return zero, err
	}
	return f.Tx.GetTaskTemplate(s, instanceID, id, version)
}

func (f *failingTx) ListTaskTemplates(s connectlocal.Scope, instanceID string, filter connectlocal.TemplateFilter, after connectlocal.Cursor, limit int) ([]connectlocal.TaskTemplate, error) {
	if err := f.tick(); err != nil {
		var zero []connectlocal.TaskTemplate
		return zero, err
	}
	return f.Tx.ListTaskTemplates(s, instanceID, filter, after, limit)
}

func (f *failingTx) CountTaskTemplates(s connectlocal.Scope, instanceID string) (int, error) {
	if err := f.tick(); err != nil {
		var zero int
		return zero, err
	}
	return f.Tx.CountTaskTemplates(s, instanceID)
}

func (f *failingTx) PutTaskTemplate(s connectlocal.Scope, tmpl connectlocal.TaskTemplate) error {
	if err := f.tick(); err != nil {
		return err
	}
	return f.Tx.PutTaskTemplate(s, tmpl)
}

func (f *failingTx) DeleteTaskTemplate(s connectlocal.Scope, instanceID, id string) error {
	if err := f.tick(); err != nil {
		return err
	}
	return f.Tx.DeleteTaskTemplate(s, instanceID, id)
}

func (f *failingTx) GetContactFlow(s connectlocal.Scope, instanceID, id string) (connectlocal.ContactFlow, error) {
	if err := f.tick(); err != nil {
		var zero connectlocal.ContactFlow
		return zero, err
	}
	return f.Tx.GetContactFlow(s, instanceID, id)
}

func (f *failingTx) ListContactFlows(s connectlocal.Scope, instanceID string, types []string, after connectlocal.Cursor, limit int) ([]connectlocal.ContactFlow, error) {
	if err := f.tick(); err != nil {
		var zero []connectlocal.ContactFlow
		return zero, err
	}
	return f.Tx.ListContactFlows(s, instanceID, types, after, limit)
}

func (f *failingTx) CountContactFlows(s connectlocal.Scope, instanceID string) (int, error) {
	if err := f.tick(); err != nil {
		var zero int
		return zero, err
	}
	return f.Tx.CountContactFlows(s, instanceID)
}

func (f *failingTx) PutContactFlow(s connectlocal.Scope, flow connectlocal.ContactFlow) error {
	if err := f.tick(); err != nil {
		return err
	}
	return f.Tx.PutContactFlow(s, flow)
}

func (f *failingTx) DeleteContactFlow(s connectlocal.Scope, instanceID, id string) error {
	if err := f.tick(); err != nil {
		return err
	}
	return f.Tx.DeleteContactFlow(s, instanceID, id)
}

func (f *failingTx) GetContact(s connectlocal.Scope, instanceID, id string) (connectlocal.Contact, error) {
	if err := f.tick(); err != nil {
		var zero connectlocal.Contact
		return zero, err
	}
	return f.Tx.GetContact(s, instanceID, id)
}

func (f *failingTx) PutContact(s connectlocal.Scope, c connectlocal.Contact) error {
	if err := f.tick(); err != nil {
		return err
	}
	return f.Tx.PutContact(s, c)
}

func (f *failingTx) CountActiveContacts(s connectlocal.Scope, instanceID string, now time.Time) (int, error) {
	if err := f.tick(); err != nil {
		var zero int
		return zero, err
	}
	return f.Tx.CountActiveContacts(s, instanceID, now)
}

func (f *failingTx) CountContactsWithPrevious(s connectlocal.Scope, instanceID, previousID string) (int, error) {
	if err := f.tick(); err != nil {
		var zero int
		return zero, err
	}
	return f.Tx.CountContactsWithPrevious(s, instanceID, previousID)
}

func (f *failingTx) Tags(s connectlocal.Scope, arn string) (map[string]string, error) {
	if err := f.tick(); err != nil {
		var zero map[string]string
		return zero, err
	}
	return f.Tx.Tags(s, arn)
}

func (f *failingTx) PutTags(s connectlocal.Scope, arn string, tags map[string]string) error {
	if err := f.tick(); err != nil {
		return err
	}
	return f.Tx.PutTags(s, arn, tags)
}

func (f *failingTx) Token(s connectlocal.Scope, key connectlocal.TokenKey, now time.Time) (string, bool, error) {
	if err := f.tick(); err != nil {
		return "", false, err
	}
	return f.Tx.Token(s, key, now)
}

func (f *failingTx) PutToken(s connectlocal.Scope, key connectlocal.TokenKey, value string, expires time.Time) error {
	if err := f.tick(); err != nil {
		return err
	}
	return f.Tx.PutToken(s, key, value, expires)
}

func (f *failingTx) DeleteTaskTemplateVersionsBefore(s connectlocal.Scope, instanceID, id string, version int64) error {
	if err := f.tick(); err != nil {
		return err
	}
	return f.Tx.DeleteTaskTemplateVersionsBefore(s, instanceID, id, version)
}

func (f *failingTx) CountContacts(s connectlocal.Scope, instanceID string) (int, error) {
	if err := f.tick(); err != nil {
		return 0, err
	}
	return f.Tx.CountContacts(s, instanceID)
}

func (f *failingTx) DeleteEndedContacts(s connectlocal.Scope, instanceID string, now, expiresBefore time.Time, limit int) (int, error) {
	if err := f.tick(); err != nil {
		return 0, err
	}
	return f.Tx.DeleteEndedContacts(s, instanceID, now, expiresBefore, limit)
}
