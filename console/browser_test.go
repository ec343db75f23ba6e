package console_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/chromedp/chromedp"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/internal/e2e"
)

// browser starts headless Chromium for the test, or skips (fails under CI=true, where .ci/run installs it).
func browser(t *testing.T) context.Context {
	t.Helper()
	e2e.Require(t, "the console in headless Chromium")
	path := os.Getenv("CONNECTLOCAL_CHROMIUM")
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path != "" {
			break
		}
		path, _ = exec.LookPath(name)
	}
	if path == "" {
		e2e.Missing(t, "no Chromium found: install Debian's chromium package (apt-get install chromium) or set CONNECTLOCAL_CHROMIUM to a Chrome binary")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first action starts the browser; it gets no timeout, or the timeout would end the browser.
	if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return bctx
}

// shots is where screenshots go: $CONNECTLOCAL_CONSOLE_SCREENSHOTS, else a directory under the system's
// temporary directory. They are test artifacts, never committed.
func shots(t *testing.T) string {
	dir := os.Getenv("CONNECTLOCAL_CONSOLE_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "connectlocal-console-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// formControl is one control of the agent preview as the browser sees it.
type formControl struct {
	Field    string   `json:"field"`
	Tag      string   `json:"tag"`
	Type     string   `json:"type"`
	ID       string   `json:"id"`
	Value    string   `json:"value"`
	Checked  bool     `json:"checked"`
	ReadOnly bool     `json:"readOnly"`
	Disabled bool     `json:"disabled"`
	Required bool     `json:"required"`
	Labelled bool     `json:"labelled"`
	Options  []string `json:"options"`
	Error    string   `json:"error"`
}

const describeForm = `[...document.querySelectorAll('#task-form .form-field')].map(div => {
  const el = div.querySelector('input,select,textarea');
  return {field: div.dataset.field, tag: el.tagName.toLowerCase(), type: el.type, id: el.id, value: el.value,
    checked: !!el.checked, readOnly: !!el.readOnly, disabled: el.disabled, required: !!div.querySelector('.req-text'),
    labelled: el.labels.length > 0, options: el.tagName === 'SELECT' ? [...el.options].map(o => o.value) : null,
    error: (div.querySelector('.field-error') || {textContent: ''}).textContent};
})`

// unlabelled lists the controls of the page a screen reader could not name.
const unlabelled = `[...document.querySelectorAll('input:not([type=hidden]),select,textarea,button')]
  .filter(el => el.tagName === 'BUTTON' ? !el.textContent.trim() : el.labels.length === 0 && !el.getAttribute('aria-label'))
  .map(el => el.id || el.name || el.outerHTML)`

// tableRows reads a table's body as text, one []string per row.
func tableRows(sel string) string {
	return `[...document.querySelectorAll('` + sel + ` tbody tr')].map(tr => [...tr.cells].map(td => td.textContent.trim()))`
}

func TestConsoleInChromium(t *testing.T) {
	bctx := browser(t)
	dir := shots(t)
	e := start(t, 1000, true)
	c := e.Client
	inst := mustInstance(t, c, "console-e2e")
	flow := mustFlow(t, c, inst, "Route tasks")
	tmpl, err := c.CreateTaskTemplate(ctx, onboarding(inst, flow))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: &inst, Name: aws.String("Archive"),
		Status: types.TaskTemplateStatusInactive, Fields: []types.TaskTemplateField{
			field("Name", types.TaskTemplateFieldTypeName), field("Assign", types.TaskTemplateFieldTypeQuickConnect)}}); err != nil {
		t.Fatal(err)
	}
	scope := e.URL + "/console/a/" + connecttest.Account + "/" + connecttest.Region + "/"
	instURL := scope + "i/" + inst + "/"
	tmplURL := instURL + "t/" + *tmpl.Id + "/"

	// run runs browser actions with a deadline, failing the test on error.
	run := func(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		tctx, cancel := context.WithTimeout(bctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(tctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	// navigate follows a link or a form submit and waits for the next page; it fails on an unexpected status.
	navigate := func(t *testing.T, want int64, action chromedp.Action[chromedp.Void]) {
		t.Helper()
		tctx, cancel := context.WithTimeout(bctx, 30*time.Second)
		defer cancel()
		resp, err := chromedp.RunResponse(tctx, action)
		if err != nil {
			t.Fatal(err)
		}
		if resp.Status != want {
			t.Fatalf("%s answered %d, want %d", resp.URL, resp.Status, want)
		}
	}
	eval := func(t *testing.T, js string, out any) {
		t.Helper()
		tctx, cancel := context.WithTimeout(bctx, 30*time.Second)
		defer cancel()
		raw, err := chromedp.Run(tctx, chromedp.Evaluate[json.RawMessage](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("%s gave %s: %v", js, raw, err)
		}
	}
	shot := func(t *testing.T, name string) {
		t.Helper()
		tctx, cancel := context.WithTimeout(bctx, 30*time.Second)
		defer cancel()
		png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text := func(t *testing.T, sel string) string {
		var s string
		eval(t, `(document.querySelector(`+strconv.Quote(sel)+`) || {textContent: ''}).textContent`, &s)
		return s
	}
	form := func(t *testing.T) map[string]formControl {
		var list []formControl
		eval(t, describeForm, &list)
		m := map[string]formControl{}
		for _, ctl := range list {
			m[ctl.Field] = ctl
		}
		return m
	}

	t.Run("resources lead to the templates of an instance", func(t *testing.T) {
		navigate(t, 200, chromedp.Navigate(e.URL+"/console/resources"))
		shot(t, "resources")
		navigate(t, 200, chromedp.Click(chromedp.CSS(`#scopes a[href$="/`+connecttest.Region+`/"]`)))
		if s := text(t, "#instances"); !strings.Contains(s, "console-e2e") {
			t.Fatalf("instances page lists %q", s)
		}
		shot(t, "instances")
		navigate(t, 200, chromedp.Click(chromedp.CSS(`#instances a`)))
		var rows [][]string
		eval(t, tableRows("#templates"), &rows)
		// Both were created in the same millisecond or not: the list's order is (created, random id), so sort.
		slices.SortFunc(rows, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
		want := [][]string{{"Archive", "INACTIVE", "2"}, {"Onboarding", "ACTIVE", "12"}}
		if len(rows) != 2 || !slices.Equal(rows[0][:3], want[0]) || !slices.Equal(rows[1][:3], want[1]) {
			t.Fatalf("templates %v, want %v", rows, want)
		}
		if s := text(t, "#flows"); !strings.Contains(s, "Route tasks") {
			t.Fatalf("flows table: %q", s)
		}
		shot(t, "instance")
		run(t, chromedp.SetValue(chromedp.ID("status-filter"), "INACTIVE"))
		navigate(t, 200, chromedp.Click(chromedp.CSS(`form[aria-label="Filter templates"] button`)))
		eval(t, tableRows("#templates"), &rows)
		if len(rows) != 1 || rows[0][0] != "Archive" {
			t.Fatalf("INACTIVE filter: %v", rows)
		}
		navigate(t, 200, chromedp.Navigate(instURL+"?name=ONB"))
		eval(t, tableRows("#templates"), &rows)
		if len(rows) != 1 || rows[0][0] != "Onboarding" {
			t.Fatalf("name filter: %v", rows)
		}
	})

	t.Run("template page shows fields, constraints, defaults and its JSON", func(t *testing.T) {
		navigate(t, 200, chromedp.Navigate(tmplURL))
		var rows [][]string
		eval(t, tableRows("main table.stack"), &rows)
		got := map[string][]string{}
		for _, r := range rows {
			got[r[0]] = r
		}
		for name, want := range map[string][]string{
			"Site":   {"Site", "URL", "Where the new hire works", "", "required", "none"},
			"Team":   {"Team", "SINGLE_SELECT", "", "Red, Blue, Green", "required", "none"},
			"Ticket": {"Ticket", "TEXT", "", "", "read-only", "T-100"},
			"Secret": {"Secret", "TEXT", "", "", "invisible", "s3cret"},
		} {
			if !slices.Equal(got[name], want) {
				t.Errorf("row %s: %q, want %q", name, got[name], want)
			}
		}
		var doc struct{ Name, Status string }
		if err := json.Unmarshal([]byte(text(t, "#template-json")), &doc); err != nil || doc.Name != "Onboarding" || doc.Status != "ACTIVE" {
			t.Fatalf("template JSON: %+v, %v", doc, err)
		}
		shot(t, "template")
	})

	t.Run("preview shows the agent's form", func(t *testing.T) {
		navigate(t, 200, chromedp.Navigate(tmplURL+"preview"))
		shot(t, "preview")
		if s := text(t, ".crumbs"); !strings.Contains(s, "console-e2e") || strings.Contains(s, "Instance") {
			t.Errorf("breadcrumbs %q do not name the instance", s)
		}
		if _, ok := form(t)["Description"]; ok {
			t.Error("a Description box the template does not define")
		}
		f := form(t)
		for name, want := range map[string]formControl{
			"Title":   {Tag: "input", Type: "text", Value: "New hire"}, // the template does not require it
			"Summary": {Tag: "textarea", Type: "textarea"},
			"Site":    {Tag: "input", Type: "url", Required: true},
			"Count":   {Tag: "input", Type: "number"},
			"Contact": {Tag: "input", Type: "email"},
			"Due":     {Tag: "input", Type: "datetime-local"},
			"Urgent":  {Tag: "input", Type: "checkbox", Value: "true"},
			"Team":    {Tag: "select", Type: "select-one", Required: true, Options: []string{"", "Red", "Blue", "Green"}},
			"Notes":   {Tag: "textarea", Type: "textarea"},
			"Ticket":  {Tag: "input", Type: "text", Value: "T-100", ReadOnly: true},
			"Office":  {Tag: "input", Type: "text", Value: "Berlin"},
		} {
			got, ok := f[name]
			if !ok {
				t.Errorf("no control for %s", name)
				continue
			}
			if !got.Labelled {
				t.Errorf("%s has no label", name)
			}
			got.Field, got.ID, got.Labelled = "", "", false
			want.Field = ""
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s: %+v, want %+v", name, got, want)
			}
		}
		if _, ok := f["Secret"]; ok {
			t.Error("the invisible field Secret is in the form")
		}
		if len(f) != 11 {
			t.Errorf("%d controls, want 11", len(f))
		}
	})

	f := map[string]formControl{}
	t.Run("a missing required field is refused next to it", func(t *testing.T) {
		f = form(t)
		run(t,
			chromedp.SetValue(chromedp.ID(f["Site"].ID), "https://example.com/desk"),
			chromedp.SetValue(chromedp.ID(f["Count"].ID), "2"),
			chromedp.SetValue(chromedp.ID(f["Contact"].ID), "lead@example.com"),
			chromedp.SetValue(chromedp.ID(f["Due"].ID), "2026-12-01T09:30"),
			chromedp.Click(chromedp.ID(f["Urgent"].ID)),
			chromedp.SetValue(chromedp.ID(f["Notes"].ID), "Bring a laptop"),
		)
		navigate(t, 400, chromedp.Click(chromedp.ID("submit-task")))
		shot(t, "preview-missing-required")
		got := form(t)
		if !strings.Contains(got["Team"].Error, "Required") {
			t.Fatalf("Team shows %q", got["Team"].Error)
		}
		var focused string
		eval(t, `document.activeElement.id`, &focused)
		if focused != "form-error" {
			t.Errorf("after a refusal the focus is on %q, not on the error summary", focused)
		}
		if got["Site"].Error != "" || got["Site"].Value != "https://example.com/desk" || !got["Urgent"].Checked {
			t.Fatalf("the form did not keep what was typed: %+v %+v", got["Site"], got["Urgent"])
		}
		if s := text(t, "#form-error"); !strings.Contains(s, "Team") {
			t.Fatalf("summary %q does not name Team", s)
		}
	})

	t.Run("a value the field's type refuses is shown next to it", func(t *testing.T) {
		run(t, chromedp.SetValue(chromedp.ID(f["Team"].ID), "Blue"), chromedp.SetValue(chromedp.ID(f["Contact"].ID), "not-an-address"))
		navigate(t, 400, chromedp.Click(chromedp.ID("submit-task")))
		shot(t, "preview-bad-email")
		got := form(t)
		if !strings.Contains(got["Contact"].Error, "email address") || got["Team"].Error != "" {
			t.Fatalf("Contact shows %q, Team %q", got["Contact"].Error, got["Team"].Error)
		}
	})

	var contactID string
	t.Run("a right form starts the task, by keyboard", func(t *testing.T) {
		run(t, chromedp.SetValue(chromedp.ID(f["Contact"].ID), "lead@example.com"), chromedp.Focus(chromedp.ID(f["Contact"].ID)))
		// Tab through the rest of the form to the button, then press Enter on it.
		for i := 0; ; i++ {
			var active string
			eval(t, `document.activeElement.id`, &active)
			if active == "submit-task" {
				break
			}
			if i == 20 {
				t.Fatalf("Tab never reached the submit button (stuck at %q)", active)
			}
			run(t, chromedp.KeyEvent("\t"))
		}
		navigate(t, 200, chromedp.KeyEvent("\r"))
		shot(t, "task")
		contactID = strings.TrimSpace(text(t, "#contact-id"))
		out, err := c.DescribeContact(ctx, &connect.DescribeContactInput{InstanceId: &inst, ContactId: &contactID})
		if err != nil {
			t.Fatalf("DescribeContact %q: %v", contactID, err)
		}
		if *out.Contact.Name != "New hire" || *out.Contact.TaskTemplateInfo.Name != "Onboarding" {
			t.Fatalf("task %+v", out.Contact)
		}
		var rows [][]string
		eval(t, tableRows("#references"), &rows)
		due := strconv.FormatInt(time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC).Unix(), 10)
		want := [][]string{{"Contact", "EMAIL", "lead@example.com"}, {"Count", "NUMBER", "2"}, {"Due", "DATE", due},
			{"Notes", "STRING", "Bring a laptop"}, {"Office", "STRING", "Berlin"}, {"Secret", "STRING", "s3cret"},
			{"Site", "URL", "https://example.com/desk"}, {"Team", "STRING", "Blue"}, {"Ticket", "STRING", "T-100"},
			{"Urgent", "STRING", "true"}}
		if fmt.Sprint(rows) != fmt.Sprint(want) {
			t.Fatalf("references\n%v\nwant\n%v", rows, want)
		}
		navigate(t, 200, chromedp.Navigate(instURL))
		if s := text(t, "#tasks"); !strings.Contains(s, contactID) {
			t.Fatalf("the instance's tasks %q lack %s", s, contactID)
		}
	})

	t.Run("a failed SDK call is in the request list with its bodies", func(t *testing.T) {
		_, err := c.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: &inst, Name: aws.String("Broken"),
			ContactFlowId: &flow, Fields: []types.TaskTemplateField{field("Name", types.TaskTemplateFieldTypeName),
				field("Choice", types.TaskTemplateFieldTypeSingleSelect)}})
		var pve *types.PropertyValidationException
		if !errAs(err, &pve) {
			t.Fatalf("want PropertyValidationException, got %v", err)
		}
		navigate(t, 200, chromedp.Navigate(e.URL+"/console/requests"))
		run(t, chromedp.SetValue(chromedp.ID("operation"), "CreateTaskTemplate"), chromedp.Click(chromedp.ID("errors")))
		navigate(t, 200, chromedp.Click(chromedp.CSS(`form[role=search] button`)))
		shot(t, "requests")
		var rows [][]string
		eval(t, tableRows("#requests"), &rows)
		if len(rows) != 1 || rows[0][1] != "CreateTaskTemplate" || rows[0][2] != connecttest.Account ||
			rows[0][3] != connecttest.Region || rows[0][4] != "400 error" || rows[0][5] != "PropertyValidationException" {
			t.Fatalf("rows %q", rows)
		}
		navigate(t, 200, chromedp.Click(chromedp.CSS(`#requests tbody a`)))
		shot(t, "request")
		if s := text(t, "#request-body"); !strings.Contains(s, `"Name": "Broken"`) {
			t.Fatalf("request body %q", s)
		}
		if s := text(t, "#response-body"); !strings.Contains(s, `"PropertyList"`) || !strings.Contains(s, "Fields[1]") {
			t.Fatalf("response body %q", s)
		}
		if s := text(t, "#request-headers"); !strings.Contains(s, "Credential="+connecttest.Account) || !strings.Contains(s, "Signature=(hidden)") {
			t.Fatalf("request headers %q", s)
		}
	})

	t.Run("an edit is read back through the SDK", func(t *testing.T) {
		navigate(t, 200, chromedp.Navigate(tmplURL+"edit"))
		// Rows follow the template's fields: Count is row 3, Notes row 8, and row 12 adds a field.
		run(t,
			chromedp.SetValue(chromedp.ID("description"), "Updated set-up"),
			chromedp.SetValue(chromedp.ID("fdef3"), "3"),
			chromedp.Click(chromedp.ID("fremove8")),
			chromedp.SetValue(chromedp.ID("fname12"), "Priority"),
			chromedp.SetValue(chromedp.ID("ftype12"), "NUMBER"),
			chromedp.Click(chromedp.ID("freq12")),
		)
		shot(t, "edit")
		// The Options box is on the SINGLE_SELECT row (Team, row 7) only, with every option in view; it follows
		// the type select of the row that adds a field.
		var shown []string
		eval(t, `[...document.querySelectorAll('textarea[id^=fopts]')].filter(el => el.offsetParent !== null).map(el => el.id)`, &shown)
		if !slices.Equal(shown, []string{"fopts7"}) {
			t.Errorf("Options boxes shown: %v, want only fopts7", shown)
		}
		var clipped bool
		eval(t, `(el => el.scrollHeight > el.clientHeight)(document.getElementById('fopts7'))`, &clipped)
		if clipped {
			t.Error("Team's Options box cuts off an option")
		}
		run(t, chromedp.SetValue(chromedp.ID("ftype12"), "SINGLE_SELECT"))
		var visible bool
		eval(t, `document.getElementById('fopts12').offsetParent !== null`, &visible)
		if !visible {
			t.Error("switching a row to SINGLE_SELECT does not show its Options box")
		}
		run(t, chromedp.SetValue(chromedp.ID("ftype12"), "NUMBER"))
		navigate(t, 200, chromedp.Click(chromedp.ID("save")))
		if s := text(t, ".notice"); !strings.Contains(s, "version 2") {
			t.Fatalf("after saving: %q", s)
		}
		got, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: tmpl.Id})
		if err != nil {
			t.Fatal(err)
		}
		var names, required, defaults []string
		for _, f := range got.Fields {
			names = append(names, *f.Id.Name+"/"+string(f.Type))
		}
		for _, r := range got.Constraints.RequiredFields {
			required = append(required, *r.Id.Name)
		}
		for _, d := range got.Defaults.DefaultFieldValues {
			defaults = append(defaults, *d.Id.Name+"="+*d.DefaultValue)
		}
		if *got.Description != "Updated set-up" || slices.Contains(names, "Notes/TEXT_AREA") || !slices.Contains(names, "Priority/NUMBER") ||
			!slices.Equal(required, []string{"Site", "Team", "Priority"}) || !slices.Contains(defaults, "Count=3") {
			t.Fatalf("after the edit: description %q, fields %v, required %v, defaults %v", *got.Description, names, required, defaults)
		}
	})

	t.Run("an edit the rules refuse is shown next to its field and changes nothing", func(t *testing.T) {
		navigate(t, 200, chromedp.Navigate(tmplURL+"edit"))
		run(t, chromedp.SetValue(chromedp.ID("fdef3"), "three"))
		navigate(t, 400, chromedp.Click(chromedp.ID("save")))
		shot(t, "edit-refused")
		if s := text(t, "#row3 .field-error"); !strings.Contains(s, "three") {
			t.Fatalf("row of Count shows %q", s)
		}
		if s := text(t, "#row2 .field-error"); s != "" {
			t.Fatalf("row of Site shows %q", s)
		}
		var kept string
		eval(t, `document.getElementById('fdef3').value`, &kept)
		got, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: tmpl.Id})
		if err != nil {
			t.Fatal(err)
		}
		if kept != "three" || *got.Name != "Onboarding" || got.Constraints == nil || len(got.Fields) != 12 {
			t.Fatalf("kept %q; template now %+v", kept, got)
		}
	})

	t.Run("snapshot versions side by side", func(t *testing.T) {
		navigate(t, 200, chromedp.Navigate(tmplURL+"?a=1&b=2"))
		shot(t, "versions")
		var rows [][]string
		eval(t, tableRows("#versions"), &rows)
		changes := map[string]string{}
		for _, r := range rows {
			changes[r[0]] = r[3]
		}
		for k, want := range map[string]string{"Description": "changed", "Field Notes: type": "removed",
			"Field Priority: type": "added", "Field Count: default": "added", "Name": "same"} {
			if changes[k] != want {
				t.Errorf("%s: %q, want %q", k, changes[k], want)
			}
		}
	})

	t.Run("deactivate and activate", func(t *testing.T) {
		navigate(t, 200, chromedp.Navigate(tmplURL))
		navigate(t, 200, chromedp.Click(chromedp.ID("deactivate")))
		got, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: tmpl.Id})
		if err != nil || got.Status != types.TaskTemplateStatusInactive {
			t.Fatalf("after deactivate: %v %v", got.Status, err)
		}
		navigate(t, 200, chromedp.Click(chromedp.ID("activate")))
		got, err = c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: tmpl.Id})
		if err != nil || got.Status != types.TaskTemplateStatusActive {
			t.Fatalf("after activate: %v %v", got.Status, err)
		}
	})

	t.Run("every page is labelled and fits a narrow window", func(t *testing.T) {
		pages := map[string]string{"requests": e.URL + "/console/requests", "resources": e.URL + "/console/resources",
			"instance": instURL, "template": tmplURL, "preview": tmplURL + "preview", "edit": tmplURL + "edit",
			"task": instURL + "c/" + contactID, "reset": scope + "reset"}
		for name, url := range pages {
			navigate(t, 200, chromedp.Navigate(url))
			var bad []string
			eval(t, unlabelled, &bad)
			if len(bad) > 0 {
				t.Errorf("%s: controls without a label: %v", name, bad)
			}
		}
		run(t, chromedp.EmulateViewport(360, 740))
		defer run(t, chromedp.EmulateViewport(1280, 1000))
		for name, url := range pages {
			navigate(t, 200, chromedp.Navigate(url))
			var overflow bool
			eval(t, `document.documentElement.scrollWidth > window.innerWidth`, &overflow)
			if overflow {
				t.Errorf("%s scrolls sideways at 360 px", name)
			}
			shot(t, "narrow-"+name)
		}
	})

	t.Run("reset asks first, then empties the account and region", func(t *testing.T) {
		navigate(t, 200, chromedp.Navigate(scope))
		navigate(t, 200, chromedp.Click(chromedp.CSS(`a[href="reset"]`)))
		out, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
		if err != nil || len(out.InstanceSummaryList) != 1 {
			t.Fatalf("before confirming: %v instances, %v", len(out.InstanceSummaryList), err)
		}
		navigate(t, 200, chromedp.Click(chromedp.ID("confirm-reset")))
		shot(t, "reset")
		if s := text(t, "#removed"); !strings.Contains(s, "instances: 1") {
			t.Fatalf("reset says %q", s)
		}
		out, err = c.ListInstances(ctx, &connect.ListInstancesInput{})
		if err != nil || len(out.InstanceSummaryList) != 0 {
			t.Fatalf("after reset: %v instances, %v", len(out.InstanceSummaryList), err)
		}
	})
}

// With sign-in on, a browser is sent to the sign-in page, signs in by keyboard and lands on its account.
func TestConsoleSignInInChromium(t *testing.T) {
	bctx := browser(t)
	dir := shots(t)
	e := startEnv(t, 100, false, withLogin)
	mustInstance(t, e.Client, "signed-in")
	tctx, cancel := context.WithTimeout(bctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(e.URL+"/console/a/"+connecttest.Account+"/"+connecttest.Region+"/"),
		chromedp.WaitVisible(chromedp.ID("login-form")),
		chromedp.SendKeys(chromedp.ID("access_key_id"), "AKIAONE"),
		chromedp.SendKeys(chromedp.ID("secret_access_key"), "wrong"),
	); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(tctx, chromedp.KeyEvent("\r")); err != nil {
		t.Fatal(err)
	}
	msg, err := chromedp.Run(tctx, chromedp.Text(chromedp.ID("form-error")))
	if err != nil || !strings.Contains(msg, "not a key") {
		t.Fatalf("a wrong secret: %q %v", msg, err)
	}
	png, _ := chromedp.Run(tctx, chromedp.FullScreenshot(100))
	os.WriteFile(filepath.Join(dir, "sign-in-refused.png"), png, 0o644)
	if err := chromedp.Do(tctx, chromedp.SetValue(chromedp.ID("secret_access_key"), "one")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(tctx, chromedp.Click(chromedp.ID("sign-in"))); err != nil {
		t.Fatal(err)
	}
	text, err := chromedp.Run(tctx, chromedp.Text(chromedp.CSS("body")))
	if err != nil || !strings.Contains(text, "Signed in to account "+connecttest.Account) || !strings.Contains(text, "signed-in") {
		t.Fatalf("after signing in: %v\n%s", err, text)
	}
	png, _ = chromedp.Run(tctx, chromedp.FullScreenshot(100))
	os.WriteFile(filepath.Join(dir, "signed-in.png"), png, 0o644)
}
