package memory

import (
	"fmt"
	"slices"
	"time"

	"github.com/connectlocal/connectlocal"
)

type tx struct {
	s        *Store
	writable bool
	key      connectlocal.UpdateKey
	created  map[instKey]bool // instances this Update created: no other Update can see them yet
	undo     []func()
}

var errReadOnly = connectlocal.Errorf(connectlocal.Internal, "write inside a read-only transaction")

// inInstance admits a write to the records of instance (s, id): its templates, flows, contacts, objects,
// tags, tokens and its own row. The memory store has one writer and needs no key, but it refuses what the
// key does not cover (connectlocal.UpdateKey), so every test on it guards the rule PostgreSQL relies on and
// would otherwise break silently, serializing nothing between two writers of one row.
func (t *tx) inInstance(s connectlocal.Scope, id string) error {
	if !t.writable {
		return errReadOnly
	}
	if t.key == (connectlocal.UpdateKey{}) || t.key == connectlocal.InstanceKey(s, id) || t.created[instKey{s, id}] {
		return nil
	}
	return t.outside(fmt.Sprintf("instance %s/%s/%s", s.Account, s.Region, id))
}

// inScope admits a write of the scope's own records: a new instance, the tokens kept outside any instance.
func (t *tx) inScope(s connectlocal.Scope) error {
	if !t.writable {
		return errReadOnly
	}
	if t.key == (connectlocal.UpdateKey{}) || t.key == connectlocal.ScopeKey(s) {
		return nil
	}
	return t.outside(fmt.Sprintf("scope %s/%s", s.Account, s.Region))
}

func (t *tx) outside(what string) error {
	return connectlocal.Errorf(connectlocal.Internal, "store contract: an Update keyed on %+v wrote to %s, which its key does not cover", t.key, what)
}

// setMap writes m[k] = v and records how to undo it.
func setMap[K comparable, V any](t *tx, m map[K]V, k K, v V) {
	old, had := m[k]
	m[k] = v
	t.undo = append(t.undo, func() {
		if had {
			m[k] = old
		} else {
			delete(m, k)
		}
	})
}

func delMap[K comparable, V any](t *tx, m map[K]V, k K) {
	old, had := m[k]
	if !had {
		return
	}
	delete(m, k)
	t.undo = append(t.undo, func() { m[k] = old })
}

func indexOf[K comparable](m map[K]*index, k K) *index {
	x := m[k]
	if x == nil {
		x = &index{}
		m[k] = x
	}
	return x
}

func (t *tx) insert(x *index, e entry) {
	x.insert(e)
	t.undo = append(t.undo, func() { x.remove(e) })
}

func (t *tx) remove(x *index, e entry) {
	x.remove(e)
	t.undo = append(t.undo, func() { x.insert(e) })
}

func nameMap(m map[instKey]map[string]string, k instKey) map[string]string {
	n := m[k]
	if n == nil {
		n = map[string]string{}
		m[k] = n
	}
	return n
}

// Instances

func (t *tx) GetInstance(s connectlocal.Scope, id string) (connectlocal.Instance, error) {
	inst, ok := t.s.instances[instKey{s, id}]
	if !ok {
		return connectlocal.Instance{}, notFound("instance", id)
	}
	return inst.Clone(), nil
}

func (t *tx) ListInstances(s connectlocal.Scope, after connectlocal.Cursor, limit int) ([]connectlocal.Instance, error) {
	x := t.s.instOrder[s]
	if x == nil {
		return nil, nil
	}
	var out []connectlocal.Instance
	for i := x.after(after); i < len(x.items) && len(out) < limit; i++ {
		out = append(out, t.s.instances[instKey{s, x.items[i].id}].Clone())
	}
	return out, nil
}

func (t *tx) CountInstances(s connectlocal.Scope) (int, error) {
	if x := t.s.instOrder[s]; x != nil {
		return len(x.items), nil
	}
	return 0, nil
}

func (t *tx) CreateInstance(s connectlocal.Scope, inst connectlocal.Instance) error {
	if err := t.inScope(s); err != nil {
		return err
	}
	k := instKey{s, inst.ID}
	if _, ok := t.s.instances[k]; ok {
		return connectlocal.Errorf(connectlocal.AlreadyExists, "instance %s exists", inst.ID)
	}
	if inst.Alias != "" {
		ak := aliasKey(s.Region, inst.Alias)
		if _, taken := t.s.aliases[ak]; taken {
			return connectlocal.Errorf(connectlocal.AlreadyExists, "alias %s is taken", inst.Alias)
		}
		setMap(t, t.s.aliases, ak, k)
	}
	setMap(t, t.s.instances, k, inst)
	t.insert(indexOf(t.s.instOrder, s), entryOf(inst.CreatedTime, inst.ID))
	if t.created == nil {
		t.created = map[instKey]bool{}
	}
	t.created[k] = true
	return nil
}

func (t *tx) DeleteInstance(s connectlocal.Scope, id string) error {
	if err := t.inInstance(s, id); err != nil {
		return err
	}
	k := instKey{s, id}
	inst, ok := t.s.instances[k]
	if !ok {
		return notFound("instance", id)
	}
	delMap(t, t.s.instances, k)
	if inst.Alias != "" {
		delMap(t, t.s.aliases, aliasKey(s.Region, inst.Alias))
	}
	t.remove(indexOf(t.s.instOrder, s), entryOf(inst.CreatedTime, id))
	if x := t.s.tmplOrder[k]; x != nil {
		for _, e := range slices.Clone(x.items) {
			t.deleteTemplate(s, k, e.id)
		}
	}
	if x := t.s.flowOrder[k]; x != nil {
		for _, e := range slices.Clone(x.items) {
			t.deleteFlow(s, k, e.id)
		}
	}
	for ck := range t.s.contacts {
		if ck.inst == k {
			delMap(t, t.s.contacts, ck)
		}
	}
	t.deleteObjects(s, k)
	delMap(t, t.s.tags, tagKey{s, s.InstanceARN(id)})
	for _, tk := range t.s.instTokens[k] {
		delMap(t, t.s.tokens, tk)
	}
	delMap(t, t.s.instTokens, k)
	return nil
}

// Task templates

func copyTemplate(in connectlocal.TaskTemplate) connectlocal.TaskTemplate {
	out := in
	out.Fields = nil
	for _, f := range in.Fields {
		f.SingleSelectOptions = clip(f.SingleSelectOptions)
		out.Fields = append(out.Fields, f)
	}
	out.Constraints = connectlocal.Constraints{RequiredFields: clip(in.Constraints.RequiredFields),
		ReadOnlyFields: clip(in.Constraints.ReadOnlyFields), InvisibleFields: clip(in.Constraints.InvisibleFields)}
	out.Defaults = clip(in.Defaults)
	return out
}

// clip copies a slice, turning an empty one into nil (the Store contract).
func clip[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

func (t *tx) GetTaskTemplate(s connectlocal.Scope, instanceID, id string, version int64) (connectlocal.TaskTemplate, error) {
	versions := t.s.templates[childKey{instKey{s, instanceID}, id}]
	if len(versions) == 0 {
		return connectlocal.TaskTemplate{}, notFound("task template", id)
	}
	if version == 0 {
		return copyTemplate(versions[len(versions)-1]), nil
	}
	// versions holds the kept ones, oldest first; older ones were deleted by retention.
	i := version - versions[0].Version
	if i < 0 || i >= int64(len(versions)) {
		return connectlocal.TaskTemplate{}, notFound("task template version", id)
	}
	return copyTemplate(versions[i]), nil
}

func (t *tx) ListTaskTemplates(s connectlocal.Scope, instanceID string, f connectlocal.TemplateFilter, after connectlocal.Cursor, limit int) ([]connectlocal.TaskTemplate, error) {
	k := instKey{s, instanceID}
	if f.Name != "" { // names are unique: at most one match, found without a scan
		id, ok := t.s.tmplNames[k][f.Name]
		if !ok {
			return nil, nil
		}
		latest, _ := t.GetTaskTemplate(s, instanceID, id, 0)
		switch {
		case f.Status != "" && latest.Status != f.Status, limit < 1,
			!after.IsZero() && !entryOf(after.CreatedTime, after.ID).less(entryOf(latest.CreatedTime, latest.ID)):
			return nil, nil
		}
		return []connectlocal.TaskTemplate{latest}, nil
	}
	x := t.s.tmplOrder[k]
	if x == nil {
		return nil, nil
	}
	var out []connectlocal.TaskTemplate
	for i := x.after(after); i < len(x.items) && len(out) < limit; i++ {
		versions := t.s.templates[childKey{k, x.items[i].id}]
		latest := versions[len(versions)-1]
		if f.Status != "" && latest.Status != f.Status {
			continue
		}
		out = append(out, copyTemplate(latest))
	}
	return out, nil
}

func (t *tx) CountTaskTemplates(s connectlocal.Scope, instanceID string) (int, error) {
	if x := t.s.tmplOrder[instKey{s, instanceID}]; x != nil {
		return len(x.items), nil
	}
	return 0, nil
}

func (t *tx) PutTaskTemplate(s connectlocal.Scope, tmpl connectlocal.TaskTemplate) error {
	if err := t.inInstance(s, tmpl.InstanceID); err != nil {
		return err
	}
	k := instKey{s, tmpl.InstanceID}
	ck := childKey{k, tmpl.ID}
	versions := t.s.templates[ck]
	var latest int64
	if len(versions) > 0 {
		latest = versions[len(versions)-1].Version
	}
	if tmpl.Version != latest+1 {
		return connectlocal.Errorf(connectlocal.Internal, "task template %s: version %d after %d", tmpl.ID, tmpl.Version, latest)
	}
	names := nameMap(t.s.tmplNames, k)
	if other, taken := names[tmpl.Name]; taken && other != tmpl.ID {
		return connectlocal.Errorf(connectlocal.AlreadyExists, "task template name %s is taken", tmpl.Name)
	}
	if len(versions) > 0 {
		if prev := versions[len(versions)-1].Name; prev != tmpl.Name {
			delMap(t, names, prev)
		}
	} else {
		t.insert(indexOf(t.s.tmplOrder, k), entryOf(tmpl.CreatedTime, tmpl.ID))
	}
	setMap(t, names, tmpl.Name, tmpl.ID)
	// Undo restores the old slice header, so appending in place is safe.
	setMap(t, t.s.templates, ck, append(versions, copyTemplate(tmpl)))
	return nil
}

func (t *tx) DeleteTaskTemplate(s connectlocal.Scope, instanceID, id string) error {
	if err := t.inInstance(s, instanceID); err != nil {
		return err
	}
	k := instKey{s, instanceID}
	if len(t.s.templates[childKey{k, id}]) == 0 {
		return notFound("task template", id)
	}
	t.deleteTemplate(s, k, id)
	return nil
}

func (t *tx) deleteTemplate(s connectlocal.Scope, k instKey, id string) {
	ck := childKey{k, id}
	versions := t.s.templates[ck]
	latest := versions[len(versions)-1]
	delMap(t, t.s.templates, ck)
	delMap(t, nameMap(t.s.tmplNames, k), latest.Name)
	t.remove(indexOf(t.s.tmplOrder, k), entryOf(latest.CreatedTime, id))
	delMap(t, t.s.tags, tagKey{s, s.TaskTemplateARN(k.id, id)})
}

// Contact flows

func (t *tx) GetContactFlow(s connectlocal.Scope, instanceID, id string) (connectlocal.ContactFlow, error) {
	f, ok := t.s.flows[childKey{instKey{s, instanceID}, id}]
	if !ok {
		return connectlocal.ContactFlow{}, notFound("flow", id)
	}
	return f, nil
}

func (t *tx) ListContactFlows(s connectlocal.Scope, instanceID string, types []string, after connectlocal.Cursor, limit int) ([]connectlocal.ContactFlow, error) {
	k := instKey{s, instanceID}
	x := t.s.flowOrder[k]
	if x == nil {
		return nil, nil
	}
	var out []connectlocal.ContactFlow
	for i := x.after(after); i < len(x.items) && len(out) < limit; i++ {
		f := t.s.flows[childKey{k, x.items[i].id}]
		if len(types) > 0 && !slices.Contains(types, f.Type) {
			continue
		}
		out = append(out, f)
	}
	return out, nil
}

func (t *tx) CountContactFlows(s connectlocal.Scope, instanceID string) (int, error) {
	if x := t.s.flowOrder[instKey{s, instanceID}]; x != nil {
		return len(x.items), nil
	}
	return 0, nil
}

func (t *tx) PutContactFlow(s connectlocal.Scope, f connectlocal.ContactFlow) error {
	if err := t.inInstance(s, f.InstanceID); err != nil {
		return err
	}
	k := instKey{s, f.InstanceID}
	ck := childKey{k, f.ID}
	names := nameMap(t.s.flowNames, k)
	if other, taken := names[f.Name]; taken && other != f.ID {
		return connectlocal.Errorf(connectlocal.AlreadyExists, "flow name %s is taken", f.Name)
	}
	if old, ok := t.s.flows[ck]; ok {
		if old.Name != f.Name {
			delMap(t, names, old.Name)
		}
	} else {
		t.insert(indexOf(t.s.flowOrder, k), entryOf(f.CreatedTime, f.ID))
	}
	setMap(t, names, f.Name, f.ID)
	setMap(t, t.s.flows, ck, f)
	return nil
}

func (t *tx) DeleteContactFlow(s connectlocal.Scope, instanceID, id string) error {
	if err := t.inInstance(s, instanceID); err != nil {
		return err
	}
	k := instKey{s, instanceID}
	if _, ok := t.s.flows[childKey{k, id}]; !ok {
		return notFound("flow", id)
	}
	t.deleteFlow(s, k, id)
	return nil
}

func (t *tx) deleteFlow(s connectlocal.Scope, k instKey, id string) {
	ck := childKey{k, id}
	f := t.s.flows[ck]
	delMap(t, t.s.flows, ck)
	delMap(t, nameMap(t.s.flowNames, k), f.Name)
	t.remove(indexOf(t.s.flowOrder, k), entryOf(f.CreatedTime, id))
	delMap(t, t.s.tags, tagKey{s, s.ContactFlowARN(k.id, id)})
}

// Contacts

func copyContact(c connectlocal.Contact) connectlocal.Contact {
	c.Attributes = cloneMap(c.Attributes)
	c.References = cloneMap(c.References)
	c.Tags = cloneMap(c.Tags)
	c.SegmentAttributes = clip(c.SegmentAttributes)
	return c
}

func (t *tx) GetContact(s connectlocal.Scope, instanceID, id string) (connectlocal.Contact, error) {
	c, ok := t.s.contacts[childKey{instKey{s, instanceID}, id}]
	if !ok {
		return connectlocal.Contact{}, notFound("contact", id)
	}
	return copyContact(c), nil
}

func (t *tx) PutContact(s connectlocal.Scope, c connectlocal.Contact) error {
	if err := t.inInstance(s, c.InstanceID); err != nil {
		return err
	}
	setMap(t, t.s.contacts, childKey{instKey{s, c.InstanceID}, c.ID}, copyContact(c))
	return nil
}

// CountActiveContacts scans the instance's contacts: the memory store is for tests, where that is small.
func (t *tx) CountActiveContacts(s connectlocal.Scope, instanceID string, now time.Time) (int, error) {
	k := instKey{s, instanceID}
	n := 0
	for ck, c := range t.s.contacts {
		if ck.inst == k {
			if _, _, ended := c.EndedAt(now); !ended {
				n++
			}
		}
	}
	return n, nil
}

func (t *tx) CountContactsWithPrevious(s connectlocal.Scope, instanceID, previousID string) (int, error) {
	k := instKey{s, instanceID}
	n := 0
	for ck, c := range t.s.contacts {
		if ck.inst == k && c.PreviousContactID == previousID {
			n++
		}
	}
	return n, nil
}

// Tags and tokens

func (t *tx) Tags(s connectlocal.Scope, arn string) (map[string]string, error) {
	return cloneMap(t.s.tags[tagKey{s, arn}]), nil
}

func (t *tx) PutTags(s connectlocal.Scope, arn string, tags map[string]string) error {
	rn, ok := connectlocal.ParseARN(arn)
	if !ok { // no instance to hold it: only the zero key covers it
		rn.InstanceID = "\x00" + arn
	}
	if err := t.inInstance(s, rn.InstanceID); err != nil {
		return err
	}
	if len(tags) == 0 {
		delMap(t, t.s.tags, tagKey{s, arn})
		return nil
	}
	setMap(t, t.s.tags, tagKey{s, arn}, cloneMap(tags))
	return nil
}

func (t *tx) Token(s connectlocal.Scope, key connectlocal.TokenKey, now time.Time) (string, bool, error) {
	tok, ok := t.s.tokens[tokenKey{s, key}]
	if !ok || !tok.expires.After(now) {
		return "", false, nil
	}
	return tok.value, true, nil
}

func (t *tx) PutToken(s connectlocal.Scope, key connectlocal.TokenKey, value string, expires time.Time) error {
	var err error
	switch {
	case key.InstanceID != "":
		err = t.inInstance(s, key.InstanceID)
	case t.key == connectlocal.InstanceKey(s, value) && value != "":
		// A scope-level token that records this instance (DeleteInstance keeps it outside the instance, so
		// the cascade does not remove it): its every writer holds the key of the instance it names.
	default:
		err = t.inScope(s)
	}
	if err != nil {
		return err
	}
	tk := tokenKey{s, key}
	setMap(t, t.s.tokens, tk, token{value, expires})
	if key.InstanceID != "" {
		ik := instKey{s, key.InstanceID}
		setMap(t, t.s.instTokens, ik, append(slices.Clip(t.s.instTokens[ik]), tk))
	}
	return nil
}
