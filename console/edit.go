package console

import (
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/connectlocal/connectlocal"
)

// fieldTypes are the types the editor offers, in the model's order.
var fieldTypes = []connectlocal.FieldType{
	connectlocal.FieldName, connectlocal.FieldDescription, connectlocal.FieldScheduledTime, connectlocal.FieldQuickConnect,
	connectlocal.FieldURL, connectlocal.FieldNumber, connectlocal.FieldText, connectlocal.FieldTextArea,
	connectlocal.FieldDateTime, connectlocal.FieldBoolean, connectlocal.FieldSingleSelect, connectlocal.FieldEmail,
	connectlocal.FieldSelfAssign, connectlocal.FieldExpiryDuration,
}

// editRow is one field in the editor; the last row is blank, for adding a field.
type editRow struct {
	Index                         int
	Name, Type, Description       string
	Options                       string // one per line
	Default                       string
	Required, ReadOnly, Invisible bool
	Remove, New                   bool
	Errors                        []string
}

// SingleSelect reports whether the row is a SINGLE_SELECT field, the only type with options: the Options box
// is shown for it alone (the stylesheet shows it as soon as the type select is switched to SINGLE_SELECT).
func (r editRow) SingleSelect() bool { return r.Type == string(connectlocal.FieldSingleSelect) }

// OptionRows is the Options box's height in lines: every option and an empty line to add one, so none is cut
// off; at least 3 and at most 12 (it scrolls beyond).
func (r editRow) OptionRows() int {
	return min(max(len(strings.Split(strings.TrimRight(r.Options, "\r\n"), "\n"))+1, 3), 12)
}

type editData struct {
	Template    connectlocal.TaskTemplate
	Name        string
	Description string
	FlowID      string
	Flows       []connectlocal.ContactFlow
	Rows        []editRow
	Types       []connectlocal.FieldType
	Errors      map[string][]string // name, description, flow
	Error       string              // the whole refusal, shown first
}

func (c *console) edit(w http.ResponseWriter, r *http.Request) {
	s, t, ok := c.loadTemplate(w, r)
	if !ok {
		return
	}
	d := editData{Template: t, Name: t.Name, Description: t.Description, FlowID: t.ContactFlowID}
	for i, f := range fieldRows(t) {
		d.Rows = append(d.Rows, editRow{Index: i, Name: f.Name, Type: string(f.Type), Description: f.Description,
			Options: strings.Join(f.SingleSelectOptions, "\n"), Default: f.Default,
			Required: f.Required, ReadOnly: f.ReadOnly, Invisible: f.Invisible})
	}
	d.Rows = append(d.Rows, editRow{Index: len(d.Rows), New: true})
	c.renderEdit(w, r, s, http.StatusOK, d)
}

func (c *console) renderEdit(w http.ResponseWriter, r *http.Request, s connectlocal.Scope, status int, d editData) {
	flows, err := listAll(func(p connectlocal.Page) ([]connectlocal.ContactFlow, string, error) {
		return c.opts.Service.ListContactFlows(r.Context(), s, d.Template.InstanceID, nil, p)
	})
	if err != nil {
		c.fail(w, r, err)
		return
	}
	d.Flows, d.Types = flows, fieldTypes
	c.render(w, r, status, "edit", page{Title: "Edit " + d.Template.Name, Nav: "resources", Scope: s, Data: d})
}

type idName struct {
	Name string `json:"Name"`
}

type fieldIn struct {
	Id                  idName
	Type                string
	Description         string   `json:",omitempty"`
	SingleSelectOptions []string `json:",omitempty"`
}

type refName struct{ Id idName }

type defaultIn struct {
	Id           idName
	DefaultValue string
}

// editSubmit sends the whole edited template as one UpdateTaskTemplate through API.Invoke, so the model's
// checks and the template rules apply exactly as on the wire; each violation is shown beside its row.
func (c *console) editSubmit(w http.ResponseWriter, r *http.Request) {
	s, t, ok := c.loadTemplateForm(w, r)
	if !ok {
		return
	}
	f := r.PostForm
	d := editData{Template: t, Name: f.Get("name"), Description: f.Get("description"), FlowID: f.Get("flow")}
	n, _ := strconv.Atoi(f.Get("rows"))
	n = min(max(n, 0), 1000)
	// Where each request path came from: Fields[i], Constraints.RequiredFields[i], ... → editor row.
	origin := map[string]int{}
	var fields []fieldIn
	required, readOnly, invisible := []refName{}, []refName{}, []refName{}
	defaults := []defaultIn{}
	for i := range n {
		k := strconv.Itoa(i)
		row := editRow{Index: i, Name: strings.TrimSpace(f.Get("fname" + k)), Type: f.Get("ftype" + k),
			Description: f.Get("fdesc" + k), Options: f.Get("fopts" + k), Default: f.Get("fdef" + k),
			Required: f.Get("freq"+k) != "", ReadOnly: f.Get("fro"+k) != "", Invisible: f.Get("finv"+k) != "",
			Remove: f.Get("fremove"+k) != "", New: f.Get("fnew"+k) != ""}
		d.Rows = append(d.Rows, row)
		if row.Remove || row.New && row.Name == "" {
			continue
		}
		fi := fieldIn{Id: idName{row.Name}, Type: row.Type, Description: row.Description}
		// Options go with a SINGLE_SELECT field only: another type shows no Options box, so what a hidden box
		// still holds (from before the type was switched) is not sent.
		for _, o := range strings.Split(row.Options, "\n") {
			if o = strings.TrimSpace(o); o != "" && row.SingleSelect() {
				fi.SingleSelectOptions = append(fi.SingleSelectOptions, o)
			}
		}
		origin["Fields["+strconv.Itoa(len(fields))+"]"] = i
		fields = append(fields, fi)
		for _, c := range []struct {
			on   bool
			list *[]refName
			path string
		}{{row.Required, &required, "Constraints.RequiredFields"}, {row.ReadOnly, &readOnly, "Constraints.ReadOnlyFields"},
			{row.Invisible, &invisible, "Constraints.InvisibleFields"}} {
			if c.on {
				origin[c.path+"["+strconv.Itoa(len(*c.list))+"]"] = i
				*c.list = append(*c.list, refName{idName{row.Name}})
			}
		}
		if row.Default != "" {
			origin["Defaults.DefaultFieldValues["+strconv.Itoa(len(defaults))+"]"] = i
			defaults = append(defaults, defaultIn{idName{row.Name}, row.Default})
		}
	}
	if len(d.Rows) == 0 || !d.Rows[len(d.Rows)-1].New || d.Rows[len(d.Rows)-1].Name != "" {
		d.Rows = append(d.Rows, editRow{Index: len(d.Rows), New: true})
	}
	in := map[string]any{
		"InstanceId": t.InstanceID, "TaskTemplateId": t.ID, "Name": d.Name,
		"Fields":      fields,
		"Constraints": map[string]any{"RequiredFields": required, "ReadOnlyFields": readOnly, "InvisibleFields": invisible},
		"Defaults":    map[string]any{"DefaultFieldValues": defaults},
	}
	// An empty description is left out when there was none: the model refuses an empty one, so the API can
	// set a description but never clear it; clearing one is sent, and its refusal shown.
	if d.Description != "" || t.Description != "" {
		in["Description"] = d.Description
	}
	if d.FlowID != "" {
		in["ContactFlowId"] = d.FlowID
	}
	if _, err := c.call(r.Context(), s, "UpdateTaskTemplate", in); err != nil {
		if connectlocal.CodeOf(err) == connectlocal.Internal {
			c.fail(w, r, err)
			return
		}
		d.Error = message(err)
		d.Errors = map[string][]string{}
		for _, p := range problems(err) {
			if i, ok := rowOf(p.path, origin); ok {
				d.Rows[i].Errors = append(d.Rows[i].Errors, p.msg)
			} else if key, ok := memberKeys[topMember(p.path)]; ok {
				d.Errors[key] = append(d.Errors[key], p.msg)
			}
		}
		c.renderEdit(w, r, s, http.StatusBadRequest, d)
		return
	}
	http.Redirect(w, r, templatePath(s, t.InstanceID, t.ID)+"?done=saved", http.StatusSeeOther)
}

var memberKeys = map[string]string{"Name": "name", "Description": "description", "ContactFlowId": "flow"}

type problem struct{ path, msg string }

var (
	indexedRe = regexp.MustCompile(`^((?:Fields|Constraints\.\w+|Defaults\.DefaultFieldValues)\[\d+\])`)
	problemRe = regexp.MustCompile(`at '([^']+)'`)
)

// problems lists an error's member paths with their messages: a template rule's violations, or the model's
// problems as AWS words them ("Value ... at 'Fields[1].Type' failed to satisfy ...").
func problems(err error) []problem {
	var e *connectlocal.Error
	if !errors.As(err, &e) {
		return nil
	}
	var ps []problem
	for _, v := range e.Violations {
		ps = append(ps, problem{v.Path, v.Message})
	}
	if len(ps) > 0 {
		return ps
	}
	msg := e.Message
	if _, rest, ok := strings.Cut(msg, " detected: "); ok {
		for _, part := range strings.Split(rest, "; ") {
			if m := problemRe.FindStringSubmatch(part); m != nil {
				ps = append(ps, problem{m[1], part})
			}
		}
		return ps
	}
	for _, m := range fieldNameRe.FindAllStringSubmatch(msg, -1) {
		ps = append(ps, problem{"field:" + m[1], msg})
	}
	return ps
}

func rowOf(path string, origin map[string]int) (int, bool) {
	if m := indexedRe.FindStringSubmatch(path); m != nil {
		i, ok := origin[m[1]]
		return i, ok
	}
	return 0, false
}

func topMember(path string) string {
	if i := strings.IndexAny(path, ".["); i >= 0 {
		return path[:i]
	}
	return path
}

// setStatus activates or deactivates a template through UpdateTaskTemplate.
func (c *console) setStatus(w http.ResponseWriter, r *http.Request) {
	s, t, ok := c.loadTemplate(w, r)
	if !ok {
		return
	}
	in := map[string]any{"InstanceId": t.InstanceID, "TaskTemplateId": t.ID, "Status": r.PostFormValue("status")}
	if _, err := c.call(r.Context(), s, "UpdateTaskTemplate", in); err != nil {
		c.fail(w, r, err)
		return
	}
	http.Redirect(w, r, templatePath(s, t.InstanceID, t.ID)+"?done=status", http.StatusSeeOther)
}
