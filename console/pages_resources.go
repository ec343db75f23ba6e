package console

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/connectlocal/connectlocal"
)

// resources lists the accounts and regions requests have used, plus the default one, and offers a form to
// open any other: the store has no way to list scopes.
func (c *console) resources(w http.ResponseWriter, r *http.Request) {
	if q := r.URL.Query(); q.Has("account") || q.Has("region") {
		a, g := q.Get("account"), q.Get("region")
		s := connectlocal.Scope{Account: strings.TrimSpace(a), Region: strings.TrimSpace(g)}
		if connectlocal.IsAccountID(s.Account) && s.Region != "" {
			http.Redirect(w, r, scopePath(s), http.StatusSeeOther)
			return
		}
		ss, err := c.scopes(r)
		if err != nil {
			c.fail(w, r, err)
			return
		}
		c.render(w, r, http.StatusBadRequest, "resources", page{Title: "Resources", Nav: "resources",
			Data: resourcesData{Scopes: ss, Error: "An account is 12 digits and a region is not empty.", Account: a, Region: g}})
		return
	}
	ss, err := c.scopes(r)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	def := c.defaultScope(r)
	c.render(w, r, http.StatusOK, "resources", page{Title: "Resources", Nav: "resources",
		Data: resourcesData{Scopes: ss, Account: def.Account, Region: def.Region}})
}

type resourcesData struct {
	Scopes          []connectlocal.Scope
	Account, Region string
	Error           string
}

// defaultScope is the server's default account, or the signed-in one, in the default region.
func (c *console) defaultScope(r *http.Request) connectlocal.Scope {
	s := c.opts.DefaultScope
	if a := signedIn(r.Context()); a != "" {
		s.Account = a
	}
	return s
}

// scopes are those holding something in the store, those requests used since start (maybe still empty) and
// the default, sorted.
func (c *console) scopes(r *http.Request) ([]connectlocal.Scope, error) {
	stored, err := c.opts.Service.Scopes(r.Context())
	if err != nil {
		return nil, err
	}
	ss := c.opts.Requests.Scopes()
	for _, s := range stored {
		if !slices.Contains(ss, s) {
			ss = append(ss, s)
		}
	}
	slices.SortFunc(ss, func(a, b connectlocal.Scope) int {
		return strings.Compare(a.Account+"/"+a.Region, b.Account+"/"+b.Region)
	})
	if a := signedIn(r.Context()); a != "" {
		ss = slices.DeleteFunc(ss, func(s connectlocal.Scope) bool { return s.Account != a })
	}
	if def := c.defaultScope(r); !slices.Contains(ss, def) {
		ss = append([]connectlocal.Scope{def}, ss...)
	}
	return ss, nil
}

type instancesData struct {
	Instances []connectlocal.Instance
	CanReset  bool
}

func (c *console) instances(w http.ResponseWriter, r *http.Request) {
	s, err := scopeOf(r)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	insts, err := listAll(func(p connectlocal.Page) ([]connectlocal.Instance, string, error) {
		return c.opts.Service.ListInstances(r.Context(), s, p)
	})
	if err != nil {
		c.fail(w, r, err)
		return
	}
	c.render(w, r, http.StatusOK, "instances", page{Title: "Instances in " + s.Account + " " + s.Region, Nav: "resources",
		Scope: s, Data: instancesData{Instances: insts, CanReset: c.opts.Reset != nil}})
}

type templateRow struct {
	connectlocal.TaskTemplate
	FieldCount int
}

type instanceData struct {
	Instance   connectlocal.Instance
	Templates  []templateRow
	TotalCount int
	NameFilter string
	Status     string
	Flows      []connectlocal.ContactFlow
	Tasks      []connectlocal.Contact
	MoreTasks  int // tasks beyond the page shown
}

// instance shows an instance's templates (filtered by status and by a case-insensitive part of the name),
// its flows and the tasks seen started in it.
func (c *console) instance(w http.ResponseWriter, r *http.Request) {
	s, err := scopeOf(r)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	ctx, id := r.Context(), r.PathValue("instance")
	inst, _, err := c.opts.Service.DescribeInstance(ctx, s, id)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	d := instanceData{Instance: inst, NameFilter: r.URL.Query().Get("name"), Status: r.URL.Query().Get("status")}
	tmpls, err := listAll(func(p connectlocal.Page) ([]connectlocal.TaskTemplate, string, error) {
		return c.opts.Service.ListTaskTemplates(ctx, s, inst.ID, connectlocal.TemplateFilter{}, p)
	})
	if err != nil {
		c.fail(w, r, err)
		return
	}
	d.TotalCount = len(tmpls)
	for _, t := range tmpls {
		if d.Status != "" && string(t.Status) != d.Status ||
			d.NameFilter != "" && !strings.Contains(strings.ToLower(t.Name), strings.ToLower(d.NameFilter)) {
			continue
		}
		// A list holds summaries only; the field count needs the template itself.
		full, _, err := c.opts.Service.GetTaskTemplate(ctx, s, inst.ID, t.ID, 0)
		if err != nil {
			c.fail(w, r, err)
			return
		}
		d.Templates = append(d.Templates, templateRow{TaskTemplate: full, FieldCount: len(full.Fields)})
	}
	if d.Flows, err = listAll(func(p connectlocal.Page) ([]connectlocal.ContactFlow, string, error) {
		return c.opts.Service.ListContactFlows(ctx, s, inst.ID, nil, p)
	}); err != nil {
		c.fail(w, r, err)
		return
	}
	// Every task of the instance, newest first: SearchContacts over all time, as an SDK would ask.
	tasks, _, total, err := c.opts.Service.SearchContacts(ctx, s, connectlocal.SearchContactsInput{InstanceID: inst.ID,
		TimeRange: connectlocal.SearchTimeRange{Type: "INITIATION_TIMESTAMP", End: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)},
		Page:      connectlocal.Page{Limit: 100}})
	if err != nil {
		c.fail(w, r, err)
		return
	}
	d.Tasks, d.MoreTasks = tasks, total-len(tasks)
	label := inst.Alias
	if label == "" {
		label = inst.ID
	}
	c.render(w, r, http.StatusOK, "instance", page{Title: "Instance " + label, Nav: "resources", Scope: s, Instance: label, Data: d})
}

// fieldRow is one field of a template as the console's tables show it.
type fieldRow struct {
	connectlocal.Field
	Required, ReadOnly, Invisible bool
	Default                       string
	HasDefault                    bool
}

func fieldRows(t connectlocal.TaskTemplate) []fieldRow {
	rows := make([]fieldRow, len(t.Fields))
	for i, f := range t.Fields {
		d, has := t.Default(f.Name)
		rows[i] = fieldRow{Field: f, Required: slices.Contains(t.Constraints.RequiredFields, f.Name),
			ReadOnly: slices.Contains(t.Constraints.ReadOnlyFields, f.Name), Invisible: slices.Contains(t.Constraints.InvisibleFields, f.Name),
			Default: d, HasDefault: has}
	}
	return rows
}

type templateData struct {
	Template connectlocal.TaskTemplate
	Fields   []fieldRow
	JSON     string // GetTaskTemplate's answer, byte for byte
	Versions []int64
	A, B     int64 // the two snapshot versions compared
	Diff     []diffRow
	Flash    string
	FlowName string
}

// template shows one template: its fields, its JSON as GetTaskTemplate returns it, and two snapshot versions
// side by side (?a=N&b=M; by default the latest and the one before).
func (c *console) template(w http.ResponseWriter, r *http.Request) {
	s, err := scopeOf(r)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	ctx, inst, id := r.Context(), r.PathValue("instance"), r.PathValue("template")
	t, _, err := c.opts.Service.GetTaskTemplate(ctx, s, inst, id, 0)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	out, err := c.call(ctx, s, "GetTaskTemplate", map[string]any{"InstanceId": t.InstanceID, "TaskTemplateId": t.ID})
	if err != nil {
		c.fail(w, r, err)
		return
	}
	raw, err := json.Marshal(out) // the body a GetTaskTemplate client reads
	if err != nil {
		c.fail(w, r, err)
		return
	}
	d := templateData{Template: t, Fields: fieldRows(t), JSON: string(raw), B: t.Version, A: max(t.Version-1, 1),
		Flash: r.URL.Query().Get("done")}
	for v := int64(1); v <= t.Version; v++ {
		d.Versions = append(d.Versions, v)
	}
	d.A, d.B = versionParam(r, "a", d.A, t.Version), versionParam(r, "b", d.B, t.Version)
	va, err := c.version(ctx, s, t, d.A)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	vb, err := c.version(ctx, s, t, d.B)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	d.Diff = diff(describe(va), describe(vb))
	if t.ContactFlowID != "" {
		if f, _, err := c.opts.Service.DescribeContactFlow(ctx, s, t.InstanceID, t.ContactFlowID); err == nil {
			d.FlowName = f.Name
		}
	}
	c.render(w, r, http.StatusOK, "template", page{Title: "Template " + t.Name, Nav: "resources", Scope: s, Data: d})
}

func versionParam(r *http.Request, name string, def, latest int64) int64 {
	if v, err := strconv.ParseInt(r.URL.Query().Get(name), 10, 64); err == nil && v >= 1 && v <= latest {
		return v
	}
	return def
}

func (c *console) version(ctx context.Context, s connectlocal.Scope, t connectlocal.TaskTemplate, v int64) (connectlocal.TaskTemplate, error) {
	if v == t.Version {
		return t, nil
	}
	old, _, err := c.opts.Service.GetTaskTemplate(ctx, s, t.InstanceID, t.ID, v)
	return old, err
}

type taskData struct {
	Contact  connectlocal.Contact
	Template *connectlocal.TaskTemplate // the snapshot the task started from, nil when none or deleted
	Fields   []fieldRow
	Refs     []refRow
	Flash    string
}

type refRow struct{ Name, Type, Value string }

// task shows a task with its references and the template snapshot it started from.
func (c *console) task(w http.ResponseWriter, r *http.Request) {
	s, err := scopeOf(r)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	ctx := r.Context()
	ct, err := c.opts.Service.DescribeContact(ctx, s, r.PathValue("instance"), r.PathValue("contact"))
	if err != nil {
		c.fail(w, r, err)
		return
	}
	d := taskData{Contact: ct, Flash: r.URL.Query().Get("done")}
	for _, k := range sortedKeys(ct.References) {
		d.Refs = append(d.Refs, refRow{Name: k, Type: ct.References[k].Type, Value: ct.References[k].Value})
	}
	if ct.TaskTemplateID != "" {
		t, _, err := c.opts.Service.GetTaskTemplate(ctx, s, ct.InstanceID, ct.TaskTemplateID, ct.TaskTemplateVersion)
		if err == nil {
			d.Template, d.Fields = &t, fieldRows(t)
		} else if connectlocal.CodeOf(err) != connectlocal.NotFound {
			c.fail(w, r, err)
			return
		}
	}
	c.render(w, r, http.StatusOK, "task", page{Title: fmt.Sprintf("Task %s", ct.Name), Nav: "resources", Scope: s, Data: d})
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func (c *console) resetConfirm(w http.ResponseWriter, r *http.Request) {
	s, err := scopeOf(r)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	if c.opts.Reset == nil {
		c.render(w, r, http.StatusNotFound, "error", page{Title: "Reset", Nav: "resources", Scope: s, Data: "This server offers no reset."})
		return
	}
	c.render(w, r, http.StatusOK, "reset", page{Title: "Reset " + s.Account + " " + s.Region, Nav: "resources", Scope: s})
}

func (c *console) reset(w http.ResponseWriter, r *http.Request) {
	s, err := scopeOf(r)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	if c.opts.Reset == nil {
		c.render(w, r, http.StatusNotFound, "error", page{Title: "Reset", Nav: "resources", Scope: s, Data: "This server offers no reset."})
		return
	}
	removed, err := c.opts.Reset(r.Context(), s.Account, s.Region)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	c.render(w, r, http.StatusOK, "reset", page{Title: "Reset " + s.Account + " " + s.Region, Nav: "resources", Scope: s, Data: removed})
}
