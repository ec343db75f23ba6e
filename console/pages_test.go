package console_test

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

var crumbsRe = regexp.MustCompile(`<p class="crumbs">(.*?)</p>`)

// Every page inside an instance names it by its alias in the breadcrumbs, not as "Instance" (issue 19 item 16).
func TestBreadcrumbsNameTheInstance(t *testing.T) {
	e := start(t, 10, false)
	inst := mustInstance(t, e.Client, "crumbs-alias")
	flow := mustFlow(t, e.Client, inst, "Route")
	tmpl, err := e.Client.CreateTaskTemplate(ctx, onboarding(inst, flow))
	if err != nil {
		t.Fatal(err)
	}
	task, err := e.Client.StartTaskContact(ctx, &connect.StartTaskContactInput{InstanceId: &inst, TaskTemplateId: tmpl.Id,
		Name: aws.String("Hire"), References: map[string]types.Reference{
			"Site": {Type: types.ReferenceTypeUrl, Value: aws.String("https://example.com")},
			"Team": {Type: types.ReferenceTypeString, Value: aws.String("Red")}}})
	if err != nil {
		t.Fatal(err)
	}
	base := "/console/a/" + connecttest.Account + "/" + connecttest.Region + "/i/" + inst + "/"
	for name, path := range map[string]string{"instance": base, "template": base + "t/" + *tmpl.Id + "/",
		"preview": base + "t/" + *tmpl.Id + "/preview", "edit": base + "t/" + *tmpl.Id + "/edit", "task": base + "c/" + *task.ContactId} {
		code, page := e.get(t, path)
		m := crumbsRe.FindStringSubmatch(page)
		if code != 200 || m == nil {
			t.Errorf("%s: %d, breadcrumbs found: %v", name, code, m != nil)
			continue
		}
		if !strings.Contains(m[1], "crumbs-alias") || strings.Contains(m[1], ">Instance<") ||
			!strings.Contains(m[1], connecttest.Account+" · "+connecttest.Region) {
			t.Errorf("%s: breadcrumbs %s", name, m[1])
		}
	}
}

// The agent preview shows the template's fields only (no Description box it does not define), and marks a
// field required only when the template does, saying what the mark means (issue 19 item 16).
func TestPreviewShowsOnlyTheTemplatesFields(t *testing.T) {
	e := start(t, 10, false)
	inst := mustInstance(t, e.Client, "preview-fields")
	flow := mustFlow(t, e.Client, inst, "Route")
	create := func(name string, required ...string) string {
		in := &connect.CreateTaskTemplateInput{InstanceId: &inst, Name: aws.String(name), ContactFlowId: &flow,
			Fields: []types.TaskTemplateField{field("Title", types.TaskTemplateFieldTypeName), field("Ticket", types.TaskTemplateFieldTypeText)}}
		if len(required) > 0 {
			in.Constraints = &types.TaskTemplateConstraints{RequiredFields: ids(required...)}
		}
		out, err := e.Client.CreateTaskTemplate(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		return "/console/a/" + connecttest.Account + "/" + connecttest.Region + "/i/" + inst + "/t/" + *out.Id + "/preview"
	}
	label := regexp.MustCompile(`(?s)<label for="Name">(.*?)</label>`)

	plain := create("Plain")
	_, page := e.get(t, plain)
	if strings.Contains(page, `id="Description"`) || strings.Contains(page, ">Description<") {
		t.Error("the preview shows a Description box the template does not define")
	}
	if m := label.FindStringSubmatch(page); m == nil || !strings.Contains(m[1], "Title") || strings.Contains(m[1], "required") {
		t.Errorf("the Title label of a template that does not require it: %v", m)
	}
	if strings.Contains(page, `class="req"`) || strings.Contains(page, `id="required-note"`) {
		t.Error("a template without required fields shows a required mark")
	}
	// The form's claim matches the service's: an empty Title is accepted where the template does not require it.
	if code, _ := e.postPage(t, plain, url.Values{"Name": {""}}.Encode(), "same-origin"); code != 303 {
		t.Errorf("an empty Title the template does not require: %d", code)
	}

	strict := create("Strict", "Title")
	_, page = e.get(t, strict)
	if m := label.FindStringSubmatch(page); m == nil || !strings.Contains(m[1], "(required)") {
		t.Errorf("the Title label of a template that requires it: %v", m)
	}
	if !strings.Contains(page, `id="required-note"`) || !strings.Contains(page, "required by the template") {
		t.Error("the page does not say what the required mark means")
	}
	code, page := e.postPage(t, strict, url.Values{"Name": {""}}.Encode(), "same-origin")
	if code != 400 || !strings.Contains(fieldError(page, "Name"), "Required") {
		t.Errorf("an empty Title the template requires: %d, beside it %q", code, fieldError(page, "Name"))
	}
}

var optsRe = regexp.MustCompile(`<label for="fopts(\d+)" class="opts"( hidden)?>Options, one per line <textarea id="fopts\d+" name="fopts\d+" rows="(\d+)">`)

// The editor offers an Options box on SINGLE_SELECT fields only, tall enough for every option, and a type
// switched away from SINGLE_SELECT sends no options (issue 19 item 16).
func TestEditOptionsOnlyOnSingleSelect(t *testing.T) {
	e := start(t, 10, false)
	inst := mustInstance(t, e.Client, "edit-options")
	flow := mustFlow(t, e.Client, inst, "Route")
	tmpl, err := e.Client.CreateTaskTemplate(ctx, onboarding(inst, flow)) // Team has three options
	if err != nil {
		t.Fatal(err)
	}
	path := "/console/a/" + connecttest.Account + "/" + connecttest.Region + "/i/" + inst + "/t/" + *tmpl.Id + "/edit"
	_, page := e.get(t, path)
	boxes := optsRe.FindAllStringSubmatch(page, -1)
	if len(boxes) != 13 { // 12 fields and the row that adds one
		t.Fatalf("%d Options boxes, want one per row (13)", len(boxes))
	}
	for _, b := range boxes {
		shown := b[2] == ""
		if shown != (b[1] == "7") {
			t.Errorf("row %s: Options box shown %v; only Team (row 7) is SINGLE_SELECT", b[1], shown)
		}
		if n, _ := strconv.Atoi(b[3]); b[1] == "7" && n < 4 {
			t.Errorf("Team's Options box is %s lines high for 3 options", b[3])
		}
	}
	// Ticket (row 9) switched to TEXT while its hidden box still holds options: saved, with no options.
	form := url.Values{"name": {"Onboarding"}, "description": {"New hire set-up"}, "flow": {flow}, "rows": {"2"},
		"fname0": {"Title"}, "ftype0": {"NAME"}, "fname1": {"Ticket"}, "ftype1": {"TEXT"}, "fopts1": {"Red\r\nBlue"}}
	if code, page := e.postPage(t, path, form.Encode(), "same-origin"); code != 303 {
		t.Fatalf("a TEXT field with leftover options: %d\n%s", code, regexp.MustCompile(`(?s)<div class="alert".*?</div>`).FindString(page))
	}
	got, err := e.Client.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: tmpl.Id})
	if err != nil || len(got.Fields) != 2 || len(got.Fields[1].SingleSelectOptions) != 0 {
		t.Fatalf("after the edit: %+v, %v", got.Fields, err)
	}
}
