package console

import (
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
)

// control is one input of the agent's task form.
type control struct {
	Key         string // form key and element id
	Label       string
	Description string
	Type        connectlocal.FieldType
	Kind        string // text, url, number, email, datetime-local, checkbox, select, textarea
	Value       string
	Checked     bool
	Options     []string
	Required    bool
	ReadOnly    bool
	Error       string
}

type previewData struct {
	Template connectlocal.TaskTemplate
	Controls []control
	Error    string // the refusal, also shown at the top so it is read first
}

// AnyRequired reports whether a control is marked required, so the page explains the mark once.
func (d previewData) AnyRequired() bool {
	return slices.ContainsFunc(d.Controls, func(c control) bool { return c.Required })
}

// dateTimeLayout is what an <input type=datetime-local> sends; the preview reads and shows it as UTC.
const dateTimeLayout = "2006-01-02T15:04"

var kinds = map[connectlocal.FieldType]string{
	connectlocal.FieldURL: "url", connectlocal.FieldNumber: "number", connectlocal.FieldEmail: "email",
	connectlocal.FieldDateTime: "datetime-local", connectlocal.FieldScheduledTime: "datetime-local",
	connectlocal.FieldBoolean: "checkbox", connectlocal.FieldSelfAssign: "checkbox",
	connectlocal.FieldSingleSelect: "select", connectlocal.FieldTextArea: "textarea",
	connectlocal.FieldDescription: "textarea", connectlocal.FieldExpiryDuration: "number",
}

// controls builds the form an agent gets for t: its NAME and DESCRIPTION fields first, then one control per
// field that is not invisible, defaults filled in, read-only fields shown but not editable. Only the template's
// fields appear, and a field is required only when the template says so: StartTaskContact needs the Name member
// but accepts it empty (the model's Name has no minimum length), and the form always sends it.
func controls(t connectlocal.TaskTemplate) []control {
	var name, desc *control
	var rest []control
	for i, f := range fieldRows(t) {
		ctl := control{Key: "f" + strconv.Itoa(i), Label: f.Name, Description: f.Description, Type: f.Type,
			Kind: kinds[f.Type], Options: f.SingleSelectOptions, Required: f.Required, ReadOnly: f.ReadOnly}
		if ctl.Kind == "" {
			ctl.Kind = "text"
		}
		if f.HasDefault {
			ctl.Value = f.Default
			if ctl.Kind == "datetime-local" {
				if n, err := strconv.ParseInt(f.Default, 10, 64); err == nil {
					ctl.Value = time.Unix(n, 0).UTC().Format(dateTimeLayout)
				}
			}
			ctl.Checked = f.Default == "true"
		}
		if f.Invisible {
			continue
		}
		switch f.Type {
		case connectlocal.FieldName:
			ctl.Key, ctl.Kind = "Name", "text"
			name = &ctl
		case connectlocal.FieldDescription:
			ctl.Key = "Description"
			desc = &ctl
		default:
			rest = append(rest, ctl)
		}
	}
	var out []control
	for _, c := range []*control{name, desc} {
		if c != nil {
			out = append(out, *c)
		}
	}
	return append(out, rest...)
}

func (c *console) loadTemplate(w http.ResponseWriter, r *http.Request) (connectlocal.Scope, connectlocal.TaskTemplate, bool) {
	s, err := scopeOf(r)
	if err != nil {
		c.fail(w, r, err)
		return s, connectlocal.TaskTemplate{}, false
	}
	t, _, err := c.opts.Service.GetTaskTemplate(r.Context(), s, r.PathValue("instance"), r.PathValue("template"), 0)
	if err != nil {
		c.fail(w, r, err)
		return s, t, false
	}
	return s, t, true
}

// loadTemplateForm is loadTemplate for a submitted form: it also parses the form, answering when it cannot.
func (c *console) loadTemplateForm(w http.ResponseWriter, r *http.Request) (connectlocal.Scope, connectlocal.TaskTemplate, bool) {
	s, t, ok := c.loadTemplate(w, r)
	if !ok {
		return s, t, false
	}
	if err := r.ParseForm(); err != nil {
		c.fail(w, r, connectlocal.Errorf(connectlocal.InvalidArgument, "The form could not be read"))
		return s, t, false
	}
	return s, t, true
}

func (c *console) preview(w http.ResponseWriter, r *http.Request) {
	s, t, ok := c.loadTemplate(w, r)
	if !ok {
		return
	}
	c.render(w, r, http.StatusOK, "preview", page{Title: "Preview " + t.Name, Nav: "resources", Scope: s,
		Data: previewData{Template: t, Controls: controls(t)}})
}

type refIn struct {
	Type  string
	Value string
}

// previewSubmit starts a task from the form through StartTaskContact itself (API.Invoke), so the model's checks
// and the template rules decide; a refusal is shown next to the control it names.
func (c *console) previewSubmit(w http.ResponseWriter, r *http.Request) {
	s, t, ok := c.loadTemplateForm(w, r)
	if !ok {
		return
	}
	ctls := controls(t)
	in := map[string]any{"InstanceId": t.InstanceID, "TaskTemplateId": t.ID, "Name": ""}
	refs := map[string]refIn{}
	for i := range ctls {
		ctl := &ctls[i]
		// What the agent typed is kept for the re-shown form; read-only controls keep their default and are
		// left out of the request, where the template's default fills them in.
		if ctl.ReadOnly {
			continue
		}
		ctl.Value = strings.TrimSpace(r.PostForm.Get(ctl.Key))
		ctl.Checked = ctl.Value == "true"
		v := ctl.Value
		if ctl.Kind == "checkbox" {
			v = strconv.FormatBool(ctl.Checked)
		} else if v == "" {
			continue
		}
		if ctl.Kind == "datetime-local" {
			if tm, err := time.Parse(dateTimeLayout, v); err == nil {
				v = strconv.FormatInt(tm.Unix(), 10)
			}
		}
		switch ctl.Type {
		case connectlocal.FieldName:
			in["Name"] = v
		case connectlocal.FieldDescription:
			in["Description"] = v
		case connectlocal.FieldQuickConnect:
			in["QuickConnectId"] = v
		case connectlocal.FieldScheduledTime:
			if n, err := strconv.ParseInt(v, 10, 64); err == nil {
				in["ScheduledTime"] = n
			} else {
				ctl.Error = "Give a date and time."
			}
		case connectlocal.FieldExpiryDuration:
			n, err := strconv.Atoi(v)
			if err != nil {
				ctl.Error = "Give a whole number of minutes."
				continue
			}
			in["SegmentAttributes"] = map[string]any{"connect:ContactExpiry": map[string]any{
				"ValueMap": map[string]any{"ExpiryDuration": map[string]any{"ValueInteger": n}}}}
		case connectlocal.FieldSelfAssign:
			// Not settable through StartTaskContact (spec-facts §7.3): the agent assigns the task to themself.
		default:
			refs[ctl.Label] = refIn{Type: connectlocal.FieldReferenceType(ctl.Type), Value: v}
		}
	}
	if len(refs) > 0 {
		in["References"] = refs
	}
	d := previewData{Template: t, Controls: ctls}
	for _, ctl := range ctls {
		if ctl.Error != "" {
			d.Error = "Some values could not be read; see the fields marked below."
			c.render(w, r, http.StatusBadRequest, "preview", page{Title: "Preview " + t.Name, Nav: "resources", Scope: s, Data: d})
			return
		}
	}
	out, err := c.call(r.Context(), s, "StartTaskContact", in)
	if err != nil {
		if connectlocal.CodeOf(err) == connectlocal.Internal {
			c.fail(w, r, err)
			return
		}
		d.Error = message(err)
		placeErrors(d.Controls, d.Error)
		c.render(w, r, http.StatusBadRequest, "preview", page{Title: "Preview " + t.Name, Nav: "resources", Scope: s, Data: d})
		return
	}
	started, ok := out.(*awsapi.StartTaskContactResponse)
	if !ok {
		c.fail(w, r, fmt.Errorf("StartTaskContact answered %T", out))
		return
	}
	http.Redirect(w, r, instancePath(s, t.InstanceID)+"c/"+started.ContactId+"?done=started", http.StatusSeeOther)
}

var (
	fieldNameRe = regexp.MustCompile(`(?:field|Reference) '([^']*)'`) // a reference carries the field of its name
	missingRe   = regexp.MustCompile(`have no value: (.*)$`)
	atPathRe    = regexp.MustCompile(`at '([^'.\[]+)`)
)

// placeErrors puts the service's refusal next to the controls it names: a field in "field 'X'", the list of
// required fields without a value, a reference (named as its field), or a model member ("at 'Name'").
func placeErrors(ctls []control, msg string) {
	named := map[string]bool{}
	for _, m := range fieldNameRe.FindAllStringSubmatch(msg, -1) {
		named[m[1]] = true
	}
	if m := missingRe.FindStringSubmatch(msg); m != nil {
		for _, n := range strings.Split(m[1], ", ") {
			named[n] = true
		}
	}
	members := map[string]bool{}
	for _, m := range atPathRe.FindAllStringSubmatch(msg, -1) {
		members[m[1]] = true
	}
	for i := range ctls {
		ctl := &ctls[i]
		switch {
		case named[ctl.Label]:
			ctl.Error = fieldMessage(msg, ctl.Label)
		case members[ctl.Key],
			strings.Contains(msg, "ScheduledTime") && ctl.Type == connectlocal.FieldScheduledTime,
			strings.Contains(msg, "QuickConnectId") && ctl.Type == connectlocal.FieldQuickConnect,
			strings.Contains(msg, "connect:ContactExpiry") && ctl.Type == connectlocal.FieldExpiryDuration:
			ctl.Error = msg
		}
	}
}

// fieldMessage is what to show beside one field: "required" for a missing value, else the whole message.
func fieldMessage(msg, field string) string {
	if m := missingRe.FindStringSubmatch(msg); m != nil && slices.Contains(strings.Split(m[1], ", "), field) {
		return "Required: this field needs a value."
	}
	return msg
}
