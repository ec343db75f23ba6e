package console_test

import (
	"fmt"
	"html"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/console"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

var rowRe = regexp.MustCompile(`<tr data-operation="([^"]*)" data-status="(\d+)">`)

// The ring keeps the newest requests up to its size, newest first, and leaves out the console's own pages.
func TestRequestsRingIsBoundedNewestFirstWithoutConsolePages(t *testing.T) {
	e := start(t, 3, false)
	inst := mustInstance(t, e.Client, "ring")
	for range 3 {
		if _, err := e.Client.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: &inst}); err != nil {
			t.Fatal(err)
		}
		e.get(t, "/console/requests")
	}
	if _, err := e.Client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: &inst}); err != nil {
		t.Fatal(err)
	}
	_, page := e.get(t, "/console/requests")
	var ops []string
	for _, m := range rowRe.FindAllStringSubmatch(page, -1) {
		ops = append(ops, m[1])
	}
	want := []string{"DescribeInstance", "ListTaskTemplates", "ListTaskTemplates"}
	if strings.Join(ops, ",") != strings.Join(want, ",") {
		t.Fatalf("rows %v, want %v", ops, want)
	}
}

// A filter on operation and on errors only narrows the list.
func TestRequestsFilter(t *testing.T) {
	e := start(t, 100, false)
	inst := mustInstance(t, e.Client, "filter")
	if _, err := e.Client.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: aws.String("missing")}); err == nil {
		t.Fatal("GetTaskTemplate of a missing template succeeded")
	}
	if _, err := e.Client.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: &inst}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ query, want string }{
		{"", "ListTaskTemplates/200,GetTaskTemplate/404,CreateInstance/200"},
		{"?errors=on", "GetTaskTemplate/404"},
		{"?operation=CreateInstance", "CreateInstance/200"},
		{"?operation=ListTaskTemplates&errors=on", ""},
	} {
		_, page := e.get(t, "/console/requests"+c.query)
		var got []string
		for _, m := range rowRe.FindAllStringSubmatch(page, -1) {
			got = append(got, m[1]+"/"+m[2])
		}
		if strings.Join(got, ",") != c.want {
			t.Errorf("%q: rows %v, want %s", c.query, got, c.want)
		}
	}
}

var preRe = regexp.MustCompile(`(?s)<pre id="template-json"[^>]*>(.*?)</pre>`)

// The template page's JSON is byte for byte what GetTaskTemplate answers on the wire.
func TestTemplateJSONIsGetTaskTemplatesAnswer(t *testing.T) {
	e := start(t, 10, false)
	inst := mustInstance(t, e.Client, "json")
	flow := mustFlow(t, e.Client, inst, "Route")
	out, err := e.Client.CreateTaskTemplate(ctx, onboarding(inst, flow))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Client.TagResource(ctx, &connect.TagResourceInput{ResourceArn: out.Arn, Tags: map[string]string{"team": "<ops & co>"}}); err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, e.URL+"/instance/"+inst+"/task/template/"+*out.Id, nil)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+connecttest.Account+"/20260101/"+connecttest.Region+"/connect/aws4_request, SignedHeaders=host, Signature=0")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	wire, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GetTaskTemplate: %d %s", resp.StatusCode, wire)
	}
	status, page := e.get(t, "/console/a/"+connecttest.Account+"/"+connecttest.Region+"/i/"+inst+"/t/"+*out.Id+"/")
	m := preRe.FindStringSubmatch(page)
	if status != 200 || m == nil {
		t.Fatalf("template page: %d, JSON block found: %v", status, m != nil)
	}
	if got := html.UnescapeString(m[1]); got != string(wire) {
		t.Fatalf("console shows\n%s\nthe wire answers\n%s", got, wire)
	}
}

// Unsafe requests a browser marks as coming from another site are refused and change nothing; the same
// request from the console's own pages goes through.
func TestCrossSiteChangesAreRefused(t *testing.T) {
	e := start(t, 10, true)
	inst := mustInstance(t, e.Client, "csrf")
	out, err := e.Client.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: &inst, Name: aws.String("T"),
		Fields: []types.TaskTemplateField{field("Name", types.TaskTemplateFieldTypeName), field("Assign", types.TaskTemplateFieldTypeQuickConnect)}})
	if err != nil {
		t.Fatal(err)
	}
	base := "/console/a/" + connecttest.Account + "/" + connecttest.Region + "/"
	status := func() types.TaskTemplateStatus {
		got, err := e.Client.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id})
		if err != nil {
			t.Fatal(err)
		}
		return got.Status
	}
	if code := e.post(t, base+"i/"+inst+"/t/"+*out.Id+"/status", "status=INACTIVE", "cross-site"); code != http.StatusForbidden {
		t.Fatalf("cross-site status change: %d, want 403", code)
	}
	if code := e.post(t, base+"reset", "", "cross-site"); code != http.StatusForbidden {
		t.Fatalf("cross-site reset: %d, want 403", code)
	}
	if s := status(); s != types.TaskTemplateStatusActive || len(e.resets) != 0 {
		t.Fatalf("after refused requests: status %s, resets %v", s, e.resets)
	}
	if code := e.post(t, base+"i/"+inst+"/t/"+*out.Id+"/status", "status=INACTIVE", "same-origin"); code != http.StatusSeeOther {
		t.Fatalf("same-origin status change: %d, want 303", code)
	}
	if s := status(); s != types.TaskTemplateStatusInactive {
		t.Fatalf("after the console's change: status %s", s)
	}
}

// Without a Reset function the console offers no reset.
func TestResetHiddenWithoutResetFunction(t *testing.T) {
	e := start(t, 10, false)
	base := "/console/a/" + connecttest.Account + "/" + connecttest.Region + "/"
	if _, page := e.get(t, base); strings.Contains(page, `href="reset"`) {
		t.Fatal("the instances page links to a reset the server does not offer")
	}
	if code, _ := e.get(t, base+"reset"); code != http.StatusNotFound {
		t.Fatalf("reset page: %d, want 404", code)
	}
	if code := e.post(t, base+"reset", "", "same-origin"); code != http.StatusNotFound {
		t.Fatalf("reset: %d, want 404", code)
	}
}

// Pages for missing resources or a malformed scope answer with an error page, not a crash.
func TestConsoleErrorPages(t *testing.T) {
	e := start(t, 10, false)
	inst := mustInstance(t, e.Client, "errs")
	base := "/console/a/" + connecttest.Account + "/" + connecttest.Region + "/"
	for path, want := range map[string]int{
		"/console/a/abc/us-east-1/":             400,
		base + "i/nope/":                        404,
		base + "i/" + inst + "/t/nope/":         404,
		base + "i/" + inst + "/t/nope/preview":  404,
		base + "i/" + inst + "/c/nope":          404,
		"/console/requests/nope":                404,
		"/console/static/console.css":           200,
		"/console/resources?account=1&region=x": 400,
		"/console/resources?account=&region=":   400,
	} {
		if code, _ := e.get(t, path); code != want {
			t.Errorf("%s: %d, want %d", path, code, want)
		}
	}
}

// The resources page lists the default scope and every scope a request has acted in.
func TestResourcesListScopesSeen(t *testing.T) {
	e := start(t, 10, false)
	other := connecttest.NewClient(e.URL, "111122223333", "eu-west-1")
	if _, err := other.ListInstances(ctx, &connect.ListInstancesInput{}); err != nil {
		t.Fatal(err)
	}
	_, page := e.get(t, "/console/resources")
	for _, want := range []string{"/console/a/" + connecttest.Account + "/" + connecttest.Region + "/", "/console/a/111122223333/eu-west-1/"} {
		if !strings.Contains(page, `href="`+want+`"`) {
			t.Errorf("resources page lacks a link to %s", want)
		}
	}
}

// Two snapshot versions side by side name each change in words.
func TestTemplateVersionsSideBySide(t *testing.T) {
	e := start(t, 10, false)
	inst := mustInstance(t, e.Client, "versions")
	flow := mustFlow(t, e.Client, inst, "Route")
	tmpl, err := e.Client.CreateTaskTemplate(ctx, onboarding(inst, flow))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Client.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &inst, TaskTemplateId: tmpl.Id,
		Description: aws.String("Changed"), Fields: []types.TaskTemplateField{field("Title", types.TaskTemplateFieldTypeName),
			field("Site", types.TaskTemplateFieldTypeUrl), field("Team", types.TaskTemplateFieldTypeSingleSelect, "Red", "Blue"),
			field("Ticket", types.TaskTemplateFieldTypeText), field("Secret", types.TaskTemplateFieldTypeText),
			field("Office", types.TaskTemplateFieldTypeText), field("Extra", types.TaskTemplateFieldTypeEmail)}}); err != nil {
		t.Fatal(err)
	}
	_, page := e.get(t, "/console/a/"+connecttest.Account+"/"+connecttest.Region+"/i/"+inst+"/t/"+*tmpl.Id+"/?a=1&b=2")
	rows := regexp.MustCompile(`(?s)<tr class="(\w*)">\s*<td data-label="Property">([^<]*)</td>`).FindAllStringSubmatch(page, -1)
	got := map[string]string{}
	for _, r := range rows {
		got[html.UnescapeString(r[2])] = r[1]
	}
	for k, want := range map[string]string{"Description": "changed", "Name": "", "Field Extra: type": "added",
		"Field Count: type": "removed", "Field Site: type": ""} {
		if v, ok := got[k]; !ok || v != want {
			t.Errorf("%s: %q (present %v), want %q", k, v, ok, want)
		}
	}
}

// Past its body budget the ring drops the bodies of its oldest entries, keeps their other columns, and always
// keeps the newest request's bodies; each body is cut at MaxBodyBytes.
func TestRequestsRingBodyBudget(t *testing.T) {
	e := start(t, 10, false, func(r *console.Requests) { r.BodyBudget = 120 << 10 })
	inst := mustInstance(t, e.Client, "budget")
	text := strings.Repeat("x", 40<<10)
	for i := range 4 {
		content := `{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"MessageParticipant","Parameters":{"Text":"` +
			text + `"},"Transitions":{}}]}`
		if _, err := e.Client.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String(fmt.Sprint("f", i)),
			Type: types.ContactFlowTypeContactFlow, Content: &content}); err != nil {
			t.Fatal(err)
		}
	}
	big := `{"Version":"2019-10-30","StartAction":"a","Actions":[{"Identifier":"a","Type":"MessageParticipant","Parameters":{"Text":"` +
		strings.Repeat("y", console.MaxBodyBytes) + `"},"Transitions":{}}]}`
	if _, err := e.Client.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &inst, Name: aws.String("big"),
		Type: types.ContactFlowTypeContactFlow, Content: &big}); err != nil {
		t.Fatal(err)
	}
	_, list := e.get(t, "/console/requests?operation=CreateContactFlow")
	links := regexp.MustCompile(`<a href="/console/requests/([^"]+)">CreateContactFlow</a>`).FindAllStringSubmatch(list, -1)
	if len(links) != 5 {
		t.Fatalf("%d CreateContactFlow rows, want 5", len(links))
	}
	// Newest first: the big one (cut, ~64 KiB) and the one before fit in 120 KiB; the three older lost theirs.
	for i, l := range links {
		_, page := e.get(t, "/console/requests/"+l[1])
		dropped := strings.Contains(page, `id="bodies-dropped"`)
		if want := i >= 2; dropped != want {
			t.Errorf("request %d from the newest: bodies dropped %v, want %v", i, dropped, want)
		}
		if i == 0 && (!strings.Contains(page, "only its start is kept") || !strings.Contains(page, `id="request-body"`)) {
			t.Errorf("the newest request should keep the start of its body")
		}
		if !strings.Contains(page, "200 ok") {
			t.Errorf("request %d lost its status", i)
		}
	}
}

// What the store holds shows up even when no request since start touched it (a reopened SQLite file, an
// import): its scope on the resources page and its tasks on the instance page.
func TestResourcesFromTheStore(t *testing.T) {
	e := start(t, 10, false)
	s := connectlocal.Scope{Account: "222233334444", Region: "ap-south-1"}
	inst, err := e.Service.CreateInstance(ctx, s, connectlocal.CreateInstanceInput{IdentityManagementType: "CONNECT_MANAGED",
		Alias: "stored", InboundCallsEnabled: true, OutboundCallsEnabled: true})
	if err != nil {
		t.Fatal(err)
	}
	flow, err := e.Service.CreateContactFlow(ctx, s, connectlocal.CreateContactFlowInput{InstanceID: inst.ID, Name: "Route",
		Type: "CONTACT_FLOW", Content: flowContent})
	if err != nil {
		t.Fatal(err)
	}
	task, err := e.Service.StartTaskContact(ctx, s, connectlocal.StartTaskContactInput{InstanceID: inst.ID, Name: "Stored task",
		ContactFlowID: flow.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, page := e.get(t, "/console/resources"); !strings.Contains(page, `href="/console/a/222233334444/ap-south-1/"`) {
		t.Fatalf("resources page lacks the stored scope:\n%s", page)
	}
	code, page := e.get(t, "/console/a/222233334444/ap-south-1/i/"+inst.ID+"/")
	if code != 200 || !strings.Contains(page, `href="c/`+task.ID+`"`) || !strings.Contains(page, "Stored task") {
		t.Fatalf("instance page (%d) lacks the stored task:\n%s", code, page)
	}
}
