package console_test

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// fieldError returns the error shown beside the control with the given id, "" when none.
func fieldError(page, id string) string {
	m := regexp.MustCompile(`<p class="field-error" id="` + regexp.QuoteMeta(id) + `-error">([^<]*)</p>`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return m[1]
}

// The preview's submit goes through StartTaskContact: each refusal lands beside the control it names, and a
// right form starts a task the SDK can read. (The browser test covers the same with real controls; this one
// runs where no browser is installed.)
func TestPreviewSubmitPlacesRefusals(t *testing.T) {
	e := start(t, 10, false)
	inst := mustInstance(t, e.Client, "forms")
	flow := mustFlow(t, e.Client, inst, "Route")
	tmpl, err := e.Client.CreateTaskTemplate(ctx, onboarding(inst, flow))
	if err != nil {
		t.Fatal(err)
	}
	path := "/console/a/" + connecttest.Account + "/" + connecttest.Region + "/i/" + inst + "/t/" + *tmpl.Id + "/preview"
	// Controls are keyed by field position: f2 Site, f3 Count, f4 Contact, f7 Team.
	form := url.Values{"Name": {"Hire"}, "f2": {"https://example.com"}, "f3": {"x1"}}
	code, page := e.postPage(t, path, form.Encode(), "same-origin")
	if code != 400 || !strings.Contains(fieldError(page, "f3"), "decimal number") || fieldError(page, "f2") != "" {
		t.Fatalf("bad number: %d, f3 %q, f2 %q", code, fieldError(page, "f3"), fieldError(page, "f2"))
	}
	form.Set("f3", "1.5")
	code, page = e.postPage(t, path, form.Encode(), "same-origin")
	if code != 400 || !strings.Contains(fieldError(page, "f7"), "Required") || fieldError(page, "f2") != "" {
		t.Fatalf("missing Team: %d, f7 %q", code, fieldError(page, "f7"))
	}
	form.Set("f7", "Purple")
	code, page = e.postPage(t, path, form.Encode(), "same-origin")
	if code != 400 || !strings.Contains(fieldError(page, "f7"), "one of its options") {
		t.Fatalf("unknown option: %d, f7 %q", code, fieldError(page, "f7"))
	}
	form.Set("f7", "Red")
	form.Set("f9", "changed") // Ticket is read-only: what a form sends for it is ignored
	code, _ = e.postPage(t, path, form.Encode(), "same-origin")
	if code != 303 {
		t.Fatalf("right form: %d", code)
	}
}

// An edit the rules refuse shows each violation beside its field row and changes nothing.
func TestEditPlacesViolations(t *testing.T) {
	e := start(t, 10, false)
	inst := mustInstance(t, e.Client, "edits")
	flow := mustFlow(t, e.Client, inst, "Route")
	tmpl, err := e.Client.CreateTaskTemplate(ctx, onboarding(inst, flow))
	if err != nil {
		t.Fatal(err)
	}
	path := "/console/a/" + connecttest.Account + "/" + connecttest.Region + "/i/" + inst + "/t/" + *tmpl.Id + "/edit"
	form := url.Values{"name": {"Onboarding"}, "description": {"New hire set-up"}, "rows": {"3"}, "flow": {flow},
		"fname0": {"Title"}, "ftype0": {"NAME"},
		"fname1": {"Pick"}, "ftype1": {"SINGLE_SELECT"}, "freq1": {"1"},
		"fname2": {"Pick"}, "ftype2": {"TEXT"}, "fnew2": {"1"}}
	code, page := e.postPage(t, path, form.Encode(), "same-origin")
	if code != 400 {
		t.Fatalf("refused edit: %d", code)
	}
	row := func(i string) string {
		m := regexp.MustCompile(`(?s)<fieldset class="edit-row" id="row` + i + `">(.*?)</fieldset>`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no row %s", i)
		}
		return m[1]
	}
	if !strings.Contains(row("1"), "option") || strings.Contains(row("0"), "field-error") || !strings.Contains(row("2"), "field-error") {
		alert := regexp.MustCompile(`(?s)<div class="alert".*?</div>`).FindString(page)
		t.Fatalf("%s\nrows:\n0: %s\n1: %s\n2: %s", alert, row("0"), row("1"), row("2"))
	}
	// Clearing the description is what the model refuses (length >= 1); the refusal sits beside it.
	form = url.Values{"name": {"Onboarding"}, "description": {""}, "rows": {"0"}, "flow": {flow}}
	code, page = e.postPage(t, path, form.Encode(), "same-origin")
	if m := regexp.MustCompile(`<p class="field-error" id="description-error">([^<]*)</p>`).FindStringSubmatch(page); code != 400 || m == nil || !strings.Contains(m[1], "length") {
		t.Fatalf("clearing the description: %d, %v", code, m)
	}
	got, err := e.Client.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: tmpl.Id})
	if err != nil || len(got.Fields) != 12 {
		t.Fatalf("the refused edit changed the template: %v fields, %v", len(got.Fields), err)
	}
}

// Fields carried outside References (schedule, expiry, quick connect) get their own controls, go to their own
// request members, and their refusals land beside them.
func TestPreviewSpecialFields(t *testing.T) {
	e := start(t, 10, false)
	inst := mustInstance(t, e.Client, "special")
	tmpl, err := e.Client.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: &inst, Name: aws.String("Special"),
		Fields: []types.TaskTemplateField{field("Name", types.TaskTemplateFieldTypeName),
			field("When", types.TaskTemplateFieldTypeScheduledTime), field("Expires", types.TaskTemplateFieldTypeExpiryDuration),
			field("Assign", types.TaskTemplateFieldTypeQuickConnect), field("Mine", types.TaskTemplateFieldTypeSelfAssign)}})
	if err != nil {
		t.Fatal(err)
	}
	// A quick connect must be one of the instance's (issue 20).
	qc, err := e.Client.CreateQuickConnect(ctx, &connect.CreateQuickConnectInput{InstanceId: &inst, Name: aws.String("Outside"),
		QuickConnectConfig: &types.QuickConnectConfig{QuickConnectType: types.QuickConnectTypePhoneNumber,
			PhoneConfig: &types.PhoneNumberQuickConnectConfig{PhoneNumber: aws.String("+15555550100")}}})
	if err != nil {
		t.Fatal(err)
	}
	path := "/console/a/" + connecttest.Account + "/" + connecttest.Region + "/i/" + inst + "/t/" + *tmpl.Id + "/preview"
	_, page := e.get(t, path)
	for _, want := range []string{`<input type="datetime-local" id="f1"`, `<input type="number" id="f2"`,
		`<input type="text" id="f3"`, `<input type="checkbox" id="f4"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the form lacks %s", want)
		}
	}
	for _, c := range []struct {
		name, key, value, want string
	}{
		{"a schedule in the past", "f1", "2020-01-01T00:00", "in the past"},
		{"an expiry of no minutes", "f2", "0", "connect:ContactExpiry"},
		{"an expiry that is no number", "f2", "soon", "whole number of minutes"},
		{"a quick connect the instance lacks", "f3", "qc-1", "QuickConnectId"},
	} {
		t.Run(c.name, func(t *testing.T) {
			form := url.Values{"Name": {"x"}, "f3": {*qc.QuickConnectId}, c.key: {c.value}}
			code, page := e.postPage(t, path, form.Encode(), "same-origin")
			if code != 400 || !strings.Contains(fieldError(page, c.key), c.want) {
				t.Fatalf("%d, beside %s: %q", code, c.key, fieldError(page, c.key))
			}
		})
	}
	code, _ := e.postPage(t, path, url.Values{"Name": {"x"}, "f3": {*qc.QuickConnectId}, "f2": {"30"}}.Encode(), "same-origin")
	if code != 303 {
		t.Fatalf("a right form: %d", code)
	}
}
