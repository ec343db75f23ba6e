package console_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/console"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

var ctx = context.Background()

// env is a listening server with the console mounted as `connectlocal serve` mounts it, and an SDK client.
type env struct {
	URL     string
	Client  *connect.Client
	Service *connectlocal.Service
	mu      sync.Mutex
	resets  []connectlocal.Scope // what the console's reset button asked for
	login   func(id, secret string) (string, bool)
	ring    func() []console.Entry
}

// withLogin makes the console ask for a key and secret: key "AKIAONE" with secret "one" is account
// connecttest.Account.
func withLogin(e *env) {
	e.login = func(id, secret string) (string, bool) {
		return connecttest.Account, id == "AKIAONE" && secret == "one"
	}
}

func start(t testing.TB, ring int, withReset bool, configure ...func(*console.Requests)) *env {
	t.Helper()
	return startEnv(t, ring, withReset, nil, configure...)
}

func startEnv(t testing.TB, ring int, withReset bool, setup func(*env), configure ...func(*console.Requests)) *env {
	t.Helper()
	svc := connectlocal.NewService(memory.New())
	reqs := console.NewRequests(ring)
	for _, c := range configure {
		c(reqs)
	}
	api := awsapi.NewHandler(svc, awsapi.Options{})
	gw := gateway.New(gateway.Options{CaptureBodies: true, After: []gateway.After{reqs.Record}})
	api.Mount(gw.Group(api.Refuse), gw.Open(api.Refuse))
	e := &env{Service: svc, ring: reqs.Entries}
	if setup != nil {
		setup(e)
	}
	opts := console.Options{API: api, Service: svc, Requests: reqs,
		DefaultScope: connectlocal.Scope{Account: connecttest.Account, Region: connecttest.Region}}
	if withReset {
		// A stand-in for the server's reset: it deletes the scope's instances through the Service and says so.
		opts.Reset = func(ctx context.Context, account, region string) (map[string]int, error) {
			s := connectlocal.Scope{Account: account, Region: region}
			e.mu.Lock()
			e.resets = append(e.resets, s)
			e.mu.Unlock()
			insts, _, err := svc.ListInstances(ctx, s, connectlocal.Page{})
			if err != nil {
				return nil, err
			}
			for _, in := range insts {
				if err := svc.DeleteInstance(ctx, s, in.ID, ""); err != nil {
					return nil, err
				}
			}
			return map[string]int{"instances": len(insts)}, nil
		}
	}
	if e.login != nil {
		opts.Login = e.login
	}
	gw.Group(console.Refuse).Handle(console.Prefix, console.New(opts), nil)
	srv := httptest.NewServer(gw)
	t.Cleanup(srv.Close)
	e.URL = srv.URL
	e.Client = connecttest.NewClient(srv.URL, connecttest.Account, connecttest.Region)
	return e
}

// get fetches a console page the way a browser's same-origin navigation does.
func (e *env) get(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(e.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func (e *env) post(t testing.TB, path, form, fetchSite string) int {
	t.Helper()
	code, _ := e.postPage(t, path, form, fetchSite)
	return code
}

// postPage submits a form as a browser does (Sec-Fetch-Site names where it comes from) without following
// the redirect, and returns the status and page.
func (e *env) postPage(t testing.TB, path, form, fetchSite string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.URL+path, strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if fetchSite != "" {
		req.Header.Set("Sec-Fetch-Site", fetchSite)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// flowContent is a minimal valid Flow language document (spec-facts §11).
const flowContent = `{"Version":"2019-10-30","StartAction":"end","Actions":[{"Identifier":"end","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}`

func mustInstance(t testing.TB, c *connect.Client, alias string) string {
	t.Helper()
	out, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{
		IdentityManagementType: types.DirectoryTypeConnectManaged, InstanceAlias: aws.String(alias),
		InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true),
	})
	if err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	return *out.Id
}

func mustFlow(t testing.TB, c *connect.Client, instance, name string) string {
	t.Helper()
	out, err := c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &instance, Name: &name,
		Type: types.ContactFlowTypeContactFlow, Content: aws.String(flowContent)})
	if err != nil {
		t.Fatalf("CreateContactFlow: %v", err)
	}
	return *out.ContactFlowId
}

func field(name string, typ types.TaskTemplateFieldType, options ...string) types.TaskTemplateField {
	return types.TaskTemplateField{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String(name)}, Type: typ, SingleSelectOptions: options}
}

func ids(names ...string) []types.RequiredFieldInfo {
	out := make([]types.RequiredFieldInfo, len(names))
	for i, n := range names {
		out[i] = types.RequiredFieldInfo{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String(n)}}
	}
	return out
}

// onboarding is a template with one field of every type an agent fills in, each kind of constraint and
// defaults.
func onboarding(instance, flow string) *connect.CreateTaskTemplateInput {
	def := func(name, v string) types.TaskTemplateDefaultFieldValue {
		return types.TaskTemplateDefaultFieldValue{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String(name)}, DefaultValue: aws.String(v)}
	}
	fields := []types.TaskTemplateField{
		field("Title", types.TaskTemplateFieldTypeName),
		field("Summary", types.TaskTemplateFieldTypeDescription),
		field("Site", types.TaskTemplateFieldTypeUrl),
		field("Count", types.TaskTemplateFieldTypeNumber),
		field("Contact", types.TaskTemplateFieldTypeEmail),
		field("Due", types.TaskTemplateFieldTypeDateTime),
		field("Urgent", types.TaskTemplateFieldTypeBoolean),
		field("Team", types.TaskTemplateFieldTypeSingleSelect, "Red", "Blue", "Green"), // three: the editor must not cut one off
		field("Notes", types.TaskTemplateFieldTypeTextArea),
		field("Ticket", types.TaskTemplateFieldTypeText),
		field("Secret", types.TaskTemplateFieldTypeText),
		field("Office", types.TaskTemplateFieldTypeText),
	}
	fields[2].Description = aws.String("Where the new hire works")
	return &connect.CreateTaskTemplateInput{
		InstanceId: &instance, Name: aws.String("Onboarding"), Description: aws.String("New hire set-up"),
		ContactFlowId: &flow, Fields: fields,
		Constraints: &types.TaskTemplateConstraints{
			RequiredFields:  ids("Site", "Team"),
			ReadOnlyFields:  []types.ReadOnlyFieldInfo{{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Ticket")}}},
			InvisibleFields: []types.InvisibleFieldInfo{{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Secret")}}},
		},
		Defaults: &types.TaskTemplateDefaults{DefaultFieldValues: []types.TaskTemplateDefaultFieldValue{
			def("Ticket", "T-100"), def("Secret", "s3cret"), def("Office", "Berlin"), def("Title", "New hire"),
		}},
	}
}

func errAs[T error](err error, target *T) bool { return errors.As(err, target) }
