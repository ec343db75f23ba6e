package connectlocal

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// Snapshot is everything a store holds, as export writes it and import and the seed file read it (issue 11).
type Snapshot struct {
	Scopes []ScopeSnapshot
}

// ScopeSnapshot is one account and region's instances.
type ScopeSnapshot struct {
	Scope     Scope
	Instances []InstanceSnapshot
}

// InstanceSnapshot is an instance with everything it holds.
type InstanceSnapshot struct {
	Instance  Instance
	Tags      map[string]string
	Objects   []ObjectSnapshot // routing objects, in ObjectKinds order, each kind in creation order
	Flows     []FlowSnapshot
	Templates []TemplateSnapshot
	Contacts  []Contact
}

// ObjectSnapshot is a routing object (object.go) and its tags.
type ObjectSnapshot struct {
	Object Object
	Tags   map[string]string
}

// FlowSnapshot is a flow and its tags.
type FlowSnapshot struct {
	Flow ContactFlow
	Tags map[string]string
}

// TemplateSnapshot is a template's versions, oldest first, and its tags.
type TemplateSnapshot struct {
	Versions []TaskTemplate
	Tags     map[string]string
}

// Counts says how many resources of each kind an operation touched.
type Counts struct {
	Instances     int `json:"instances"`
	ContactFlows  int `json:"contactFlows"`
	TaskTemplates int `json:"taskTemplates"`
	Contacts      int `json:"contacts"`
	Tokens        int `json:"idempotencyTokens"`
	// RoutingObjects are hours, queues, quick connects, profiles, users... (object.go), every kind together.
	RoutingObjects int `json:"routingObjects"`
}

// Add sums c and o.
func (c Counts) Add(o Counts) Counts {
	return Counts{c.Instances + o.Instances, c.ContactFlows + o.ContactFlows, c.TaskTemplates + o.TaskTemplates,
		c.Contacts + o.Contacts, c.Tokens + o.Tokens, c.RoutingObjects + o.RoutingObjects}
}

// ScopeMatch selects scopes: an empty member matches every value.
type ScopeMatch struct {
	Account string
	Region  string
}

func (m ScopeMatch) matches(s Scope) bool {
	return (m.Account == "" || m.Account == s.Account) && (m.Region == "" || m.Region == s.Region)
}

// Reset removes everything in the matching scopes, at once, and says what it removed.
func (s *Service) Reset(ctx context.Context, m ScopeMatch) (Counts, error) {
	var removed Counts
	err := s.Store.Update(ctx, UpdateKey{}, func(tx Tx) error { // the zero key: it writes across scopes
		removed = Counts{} // Update may run this more than once
		scopes, err := tx.Scopes()
		if err != nil {
			return err
		}
		for _, scope := range scopes {
			if !m.matches(scope) {
				continue
			}
			insts, err := allInstances(tx, scope)
			if err != nil {
				return err
			}
			for _, inst := range insts {
				held, err := countInstance(tx, scope, inst.ID, tx.CountContacts)
				if err != nil {
					return err
				}
				if err := tx.DeleteInstance(scope, inst.ID); err != nil {
					return err
				}
				removed = removed.Add(held)
			}
			n, err := tx.DeleteScopeTokens(scope)
			if err != nil {
				return err
			}
			removed.Tokens += n
		}
		return nil
	})
	return removed, err
}

// countInstance counts one instance and what it holds; contacts counts its contacts (all, or the active ones).
func countInstance(tx Tx, scope Scope, id string, contacts func(Scope, string) (int, error)) (Counts, error) {
	nt, err := tx.CountTaskTemplates(scope, id)
	if err != nil {
		return Counts{}, err
	}
	nf, err := tx.CountContactFlows(scope, id)
	if err != nil {
		return Counts{}, err
	}
	nc, err := contacts(scope, id)
	if err != nil {
		return Counts{}, err
	}
	no := 0
	for _, kind := range ObjectKinds {
		n, err := tx.CountObjects(scope, id, kind)
		if err != nil {
			return Counts{}, err
		}
		no += n
	}
	return Counts{Instances: 1, TaskTemplates: nt, ContactFlows: nf, Contacts: nc, RoutingObjects: no}, nil
}

// allPages reads a keyset list to its end, a thousand items a fetch.
func allPages[T any](fetch func(after Cursor, limit int) ([]T, error), cursor func(T) Cursor) ([]T, error) {
	const limit = 1000
	var out []T
	var after Cursor
	for {
		page, err := fetch(after, limit)
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if len(page) < limit {
			return out, nil
		}
		after = cursor(page[len(page)-1])
	}
}

func allInstances(tx Tx, scope Scope) ([]Instance, error) {
	return allPages(func(after Cursor, limit int) ([]Instance, error) { return tx.ListInstances(scope, after, limit) },
		func(i Instance) Cursor { return Cursor{CreatedTime: i.CreatedTime, ID: i.ID} })
}

func allTemplates(tx Tx, scope Scope, inst string) ([]TaskTemplate, error) {
	return allPages(func(after Cursor, limit int) ([]TaskTemplate, error) {
		return tx.ListTaskTemplates(scope, inst, TemplateFilter{}, after, limit)
	}, func(t TaskTemplate) Cursor { return Cursor{CreatedTime: t.CreatedTime, ID: t.ID} })
}

func allFlows(tx Tx, scope Scope, inst string) ([]ContactFlow, error) {
	return allPages(func(after Cursor, limit int) ([]ContactFlow, error) {
		return tx.ListContactFlows(scope, inst, nil, after, limit)
	},
		func(f ContactFlow) Cursor { return Cursor{CreatedTime: f.CreatedTime, ID: f.ID} })
}

// Export reads the whole store on one snapshot, scopes by account then region, resources by creation.
func (s *Service) Export(ctx context.Context) (Snapshot, error) {
	var snap Snapshot
	err := s.Store.View(ctx, func(tx Tx) error {
		snap = Snapshot{}
		scopes, err := tx.Scopes()
		if err != nil {
			return err
		}
		slices.SortFunc(scopes, func(a, b Scope) int {
			return cmp.Or(cmp.Compare(a.Account, b.Account), cmp.Compare(a.Region, b.Region))
		})
		for _, scope := range scopes {
			insts, err := allInstances(tx, scope)
			if err != nil {
				return err
			}
			if len(insts) == 0 {
				continue // only idempotency tokens, which an export does not carry
			}
			ss := ScopeSnapshot{Scope: scope}
			for _, inst := range insts {
				is, err := exportInstance(tx, scope, inst)
				if err != nil {
					return err
				}
				ss.Instances = append(ss.Instances, is)
			}
			snap.Scopes = append(snap.Scopes, ss)
		}
		return nil
	})
	return snap, err
}

func exportInstance(tx Tx, scope Scope, inst Instance) (InstanceSnapshot, error) {
	is := InstanceSnapshot{Instance: inst}
	var err error
	if is.Tags, err = tx.Tags(scope, scope.InstanceARN(inst.ID)); err != nil {
		return is, err
	}
	for _, kind := range ObjectKinds {
		objs, err := allRecords[json.RawMessage](tx, scope, inst.ID, kind)
		if err != nil {
			return is, err
		}
		for _, r := range objs {
			tags, err := tx.Tags(scope, scope.ObjectARN(inst.ID, kind, r.ID))
			if err != nil {
				return is, err
			}
			is.Objects = append(is.Objects, ObjectSnapshot{Object: r.Object, Tags: tags})
		}
	}
	flows, err := allFlows(tx, scope, inst.ID)
	if err != nil {
		return is, err
	}
	for _, f := range flows {
		tags, err := tx.Tags(scope, scope.ContactFlowARN(inst.ID, f.ID))
		if err != nil {
			return is, err
		}
		is.Flows = append(is.Flows, FlowSnapshot{Flow: f, Tags: tags})
	}
	templates, err := allTemplates(tx, scope, inst.ID)
	if err != nil {
		return is, err
	}
	for _, t := range templates {
		versions, err := tx.TaskTemplateVersions(scope, inst.ID, t.ID)
		if err != nil {
			return is, err
		}
		tags, err := tx.Tags(scope, scope.TaskTemplateARN(inst.ID, t.ID))
		if err != nil {
			return is, err
		}
		is.Templates = append(is.Templates, TemplateSnapshot{Versions: versions, Tags: tags})
	}
	is.Contacts, err = allContacts(tx, scope, inst.ID)
	return is, err
}

func allContacts(tx Tx, scope Scope, inst string) ([]Contact, error) {
	var out []Contact
	after := ""
	for {
		page, err := tx.ListContacts(scope, inst, after, 1000)
		if err != nil {
			return nil, err
		}
		out = append(out, page...)
		if len(page) < 1000 {
			return out, nil
		}
		after = page[len(page)-1].ID
	}
}

// ImportResult says what an import created and what it found already there, by kind.
type ImportResult struct {
	Created Counts `json:"created"`
	Found   Counts `json:"found"`
}

// Import creates what the snapshot holds and the store lacks, in one transaction: the first entry refused
// refuses the whole snapshot, with an error naming the entry, and nothing is written. An instance is found by
// its ID or, when that is empty or unknown, its alias; a flow or template by ID or name; a contact by ID. What
// is found is left as it is, so importing twice changes nothing. A template's ContactFlowId and
// SelfAssignFlowId may name a flow of the same instance instead of giving its id (seed files do).
//
// Each new resource passes the checks its Create operation applies (rules, quotas, unique names); empty
// members take what the operation would give them (a new id, now, ACTIVE, PUBLISHED).
func (s *Service) Import(ctx context.Context, snap Snapshot) (ImportResult, error) {
	var res ImportResult
	if err := snap.Check(); err != nil {
		return res, err
	}
	err := s.Store.Update(ctx, UpdateKey{}, func(tx Tx) error { // the zero key: it writes across scopes
		res = ImportResult{}
		for _, ss := range snap.Scopes {
			for i, is := range ss.Instances {
				where := fmt.Sprintf("%s/%s Instances[%d]", ss.Scope.Account, ss.Scope.Region, i)
				if is.Instance.Alias != "" {
					where += fmt.Sprintf(" %q", is.Instance.Alias)
				}
				if err := s.importInstance(ctx, tx, ss.Scope, is, &res); err != nil {
					return entryError(where, err)
				}
			}
		}
		return nil
	})
	return res, err
}

// entryError prefixes err's message with the entry it came from, keeping its code and details.
func entryError(where string, err error) error {
	e, ok := err.(*Error)
	if !ok {
		if CodeOf(err) != Internal {
			e = AsError(err)
		} else {
			return err
		}
	}
	out := *e
	out.Message = where + ": " + e.Message
	return &out
}

func (s *Service) importInstance(ctx context.Context, tx Tx, scope Scope, is InstanceSnapshot, res *ImportResult) error {
	now := s.now()
	inst := is.Instance
	existing, found, err := findInstance(tx, scope, inst)
	if err != nil {
		return err
	}
	if found {
		res.Found.Instances++
		inst = existing
	} else {
		if err := checkImportedAttributes(inst); err != nil {
			return err
		}
		if inst.ID == "" {
			inst.ID = s.newID(ctx)
		}
		if inst.Status == "" {
			inst.Status = "ACTIVE"
		}
		if inst.CreatedTime.IsZero() {
			inst.CreatedTime = now
		}
		if inst.ServiceRole == "" {
			inst.ServiceRole = serviceRole(scope, inst.ID)
		}
		if err := s.createInstance(ctx, tx, scope, inst, is.Tags); err != nil {
			return err
		}
		res.Created.Instances++
	}

	for i, os := range is.Objects {
		if err := importObject(tx, scope, inst.ID, os, res, now); err != nil {
			return entryError(fmt.Sprintf("RoutingObjects[%d] %s %q", i, os.Object.Kind, os.Object.ID), err)
		}
	}
	flowIDs := map[string]string{} // name → id, for templates that name their flow
	for i, fs := range is.Flows {
		id, err := s.importFlow(tx, scope, inst.ID, fs, res, now)
		if err != nil {
			return entryError(fmt.Sprintf("ContactFlows[%d] %q", i, fs.Flow.Name), err)
		}
		flowIDs[fs.Flow.Name] = id
	}
	for i, ts := range is.Templates {
		name := ""
		if len(ts.Versions) > 0 {
			name = ts.Versions[len(ts.Versions)-1].Name
		}
		if err := s.importTemplate(ctx, tx, scope, inst.ID, ts, flowIDs, res, now); err != nil {
			return entryError(fmt.Sprintf("TaskTemplates[%d] %q", i, name), err)
		}
	}
	for i, c := range is.Contacts {
		if err := importContact(tx, scope, inst.ID, c, res); err != nil {
			return entryError(fmt.Sprintf("Contacts[%d] %q", i, c.ID), err)
		}
	}
	return nil
}

func findInstance(tx Tx, scope Scope, inst Instance) (Instance, bool, error) {
	return findChild(inst.ID, strings.ToLower(inst.Alias),
		func(id string) (Instance, error) { return tx.GetInstance(scope, id) },
		func() ([]Instance, error) { return allInstances(tx, scope) },
		func(o Instance) string { return strings.ToLower(o.Alias) })
}

func (s *Service) importFlow(tx Tx, scope Scope, inst string, fs FlowSnapshot, res *ImportResult, now time.Time) (string, error) {
	f := fs.Flow
	existing, found, err := findChild(f.ID, f.Name,
		func(id string) (ContactFlow, error) { return tx.GetContactFlow(scope, inst, id) },
		func() ([]ContactFlow, error) { return allFlows(tx, scope, inst) },
		func(o ContactFlow) string { return o.Name })
	if err != nil || found {
		if found {
			res.Found.ContactFlows++
		}
		return existing.ID, err
	}
	f.InstanceID = inst
	if f.ID == "" {
		f.ID = s.NewID()
	}
	if f.CreatedTime.IsZero() {
		f.CreatedTime = now
	}
	if f.LastModifiedTime.IsZero() {
		f.LastModifiedTime = f.CreatedTime
	}
	if err := s.createFlow(tx, scope, &f, fs.Tags); err != nil {
		return "", err
	}
	res.Created.ContactFlows++
	return f.ID, nil
}

// findChild finds a flow or template by id or, failing that, by name.
func findChild[T any](id, name string, get func(string) (T, error), all func() ([]T, error), nameOf func(T) string) (T, bool, error) {
	var zero T
	if id != "" {
		got, err := get(id)
		if err == nil {
			return got, true, nil
		}
		if CodeOf(err) != NotFound {
			return zero, false, err
		}
	}
	if name == "" {
		return zero, false, nil
	}
	list, err := all()
	if err != nil {
		return zero, false, err
	}
	for _, o := range list {
		if nameOf(o) == name {
			return o, true, nil
		}
	}
	return zero, false, nil
}

func (s *Service) importTemplate(ctx context.Context, tx Tx, scope Scope, inst string, ts TemplateSnapshot, flows map[string]string, res *ImportResult, now time.Time) error {
	if len(ts.Versions) == 0 {
		return Errorf(InvalidArgument, "a task template needs at least one version")
	}
	latest := ts.Versions[len(ts.Versions)-1]
	_, found, err := findChild(latest.ID, latest.Name,
		func(id string) (TaskTemplate, error) { return tx.GetTaskTemplate(scope, inst, id, 0) },
		func() ([]TaskTemplate, error) { return allTemplates(tx, scope, inst) },
		func(o TaskTemplate) string { return o.Name })
	if err != nil || found {
		if found {
			res.Found.TaskTemplates++
		}
		return err
	}
	id := latest.ID
	if id == "" {
		id = s.newID(ctx)
	}
	created := ts.Versions[0].CreatedTime
	if created.IsZero() {
		created = now
	}
	// An export holds the versions the server kept (Retention): they may start above 1, and each follows the
	// one before.
	first := ts.Versions[0].Version
	if first == 0 {
		first = 1
	}
	for i, t := range ts.Versions {
		want := first + int64(i)
		if t.Version != 0 && t.Version != want {
			return Errorf(InvalidArgument, "version %d follows version %d: versions must be consecutive, oldest first", t.Version, want-1)
		}
		t.InstanceID, t.ID, t.Version, t.CreatedTime = inst, id, want, created
		if t.LastModifiedTime.IsZero() {
			t.LastModifiedTime = created
		}
		if t.Status == "" {
			t.Status = StatusActive
		}
		for _, ref := range []*string{&t.ContactFlowID, &t.SelfAssignFlowID} {
			if fid, ok := flows[*ref]; ok && *ref != "" {
				*ref = fid
			}
		}
		if i == 0 {
			err = s.createTemplate(tx, scope, &t)
		} else if err = s.checkTemplate(tx, scope, &t, true); err == nil {
			err = s.putTemplate(tx, scope, t)
		}
		if err != nil {
			if i < len(ts.Versions)-1 {
				return entryError(fmt.Sprintf("version %d", want), err)
			}
			return err
		}
		if i == len(ts.Versions)-1 {
			if err := s.keepVersions(tx, scope, t); err != nil {
				return err
			}
		}
	}
	if len(ts.Tags) > 0 {
		if err := tx.PutTags(scope, scope.TaskTemplateARN(inst, id), ts.Tags); err != nil {
			return err
		}
	}
	res.Created.TaskTemplates++
	return nil
}

// importContact keeps a task as it was: its state (stopped, expired) is history, not a new request, so only
// what makes it a task of this instance is checked.
func importContact(tx Tx, scope Scope, inst string, c Contact, res *ImportResult) error {
	if c.ID == "" {
		return Errorf(InvalidArgument, "a contact needs its Id")
	}
	if c.InitiationTimestamp.IsZero() {
		return Errorf(InvalidArgument, "a contact needs its InitiationTimestamp")
	}
	if _, err := tx.GetContact(scope, inst, c.ID); err == nil {
		res.Found.Contacts++
		return nil
	} else if CodeOf(err) != NotFound {
		return err
	}
	c.InstanceID = inst
	if c.InitialContactID == "" {
		c.InitialContactID = c.ID
	}
	if err := tx.PutContact(scope, c); err != nil {
		return err
	}
	res.Created.Contacts++
	return nil
}

// Inventory counts what the store holds, by kind, across every scope; Contacts counts active ones only (what
// the active-tasks quota counts), which the stores answer from an index.
func (s *Service) Inventory(ctx context.Context) (Counts, error) {
	var c Counts
	now := s.now()
	err := s.Store.View(ctx, func(tx Tx) error {
		c = Counts{}
		scopes, err := tx.Scopes()
		if err != nil {
			return err
		}
		for _, scope := range scopes {
			insts, err := allInstances(tx, scope)
			if err != nil {
				return err
			}
			active := func(s Scope, id string) (int, error) { return tx.CountActiveContacts(s, id, now) }
			for _, inst := range insts {
				held, err := countInstance(tx, scope, inst.ID, active)
				if err != nil {
					return err
				}
				c = c.Add(held)
			}
		}
		return nil
	})
	return c, err
}

// checkImportedAttributes applies UpdateInstanceAttribute's and AssociateAnalyticsDataSet's checks to what an
// imported instance carries.
func checkImportedAttributes(inst Instance) error {
	for _, typ := range slices.Sorted(maps.Keys(inst.Attributes)) {
		v := inst.Attributes[typ]
		if !slices.Contains(InstanceAttributeTypes, typ) || typ == "INBOUND_CALLS" || typ == "OUTBOUND_CALLS" {
			return Errorf(InvalidArgument, "Attributes: '%s' is not an instance attribute a document may set (INBOUND_CALLS and OUTBOUND_CALLS are InboundCallsEnabled and OutboundCallsEnabled)", clip(typ))
		}
		if v != "true" && v != "false" {
			return Errorf(InvalidArgument, "Attributes: invalid value '%s' for attribute %s: use true or false", clip(v), typ)
		}
	}
	if n := len(inst.AnalyticsDataSets); n > MaxAnalyticsAssociations {
		return Errorf(InvalidArgument, "AnalyticsDataSets: %d associations; an instance holds at most %d", n, MaxAnalyticsAssociations)
	}
	for i, a := range inst.AnalyticsDataSets {
		if a.DataSetID == "" || !IsAccountID(a.TargetAccountID) {
			return Errorf(InvalidArgument, "AnalyticsDataSets[%d]: a DataSetId and a 12-digit TargetAccountId are needed", i)
		}
	}
	return nil
}

// Check refuses what no request could have made, before anything is written: a scope whose Region is not
// shaped as an AWS region (issue 19 #4) and an id the API would not have given (checkImportIDs). Import runs
// it; a seed file's decoder runs it too, so serve refuses the file before it opens a store.
func (snap Snapshot) Check() error {
	for _, ss := range snap.Scopes {
		where := ss.Scope.Account + "/" + ss.Scope.Region
		if !IsRegion(ss.Scope.Region) {
			return Errorf(InvalidArgument, "%s: Region '%s' is not an AWS region name (such as us-east-1)", where, clip(ss.Scope.Region))
		}
		for i, is := range ss.Instances {
			if err := checkImportIDs(is); err != nil {
				return entryError(fmt.Sprintf("%s Instances[%d]", where, i), err)
			}
		}
	}
	return nil
}

// checkImportIDs checks every id an instance entry gives as the API would have made it (CheckID), with the
// model's length for each id's shape: an id is part of ARNs, and `..` or `abc/task-template/def` would read
// as another resource's (issue 19 #5). An empty id is no error: the import draws one.
func checkImportIDs(is InstanceSnapshot) error {
	check := func(member, id string, max int) error {
		if id == "" {
			return nil
		}
		return CheckID(member, id, max)
	}
	if err := check("Id", is.Instance.ID, 100); err != nil { // InstanceId
		return err
	}
	for i, o := range is.Objects {
		if err := CheckID(fmt.Sprintf("RoutingObjects[%d].Id", i), o.Object.ID, 500); err != nil && o.Object.Kind != KindLambdaFunction && o.Object.Kind != KindBot {
			return err // a Lambda association's id is the function's ARN, a bot's its name or alias ARN
		}
	}
	for i, f := range is.Flows {
		if err := check(fmt.Sprintf("ContactFlows[%d].Id", i), f.Flow.ID, 500); err != nil { // ContactFlowId
			return err
		}
	}
	for i, t := range is.Templates {
		for _, v := range t.Versions {
			if err := check(fmt.Sprintf("TaskTemplates[%d].Id", i), v.ID, 500); err != nil { // TaskTemplateId
				return err
			}
		}
	}
	for i, c := range is.Contacts {
		for member, id := range map[string]string{"Id": c.ID, "PreviousContactId": c.PreviousContactID,
			"RelatedContactId": c.RelatedContactID, "InitialContactId": c.InitialContactID} {
			if err := check(fmt.Sprintf("Contacts[%d].%s", i, member), id, 256); err != nil { // ContactId
				return err
			}
		}
	}
	return nil
}

// importObject stores a routing object as export wrote it, unless the instance already holds one of that id
// (a new instance's defaults have ids derived from the instance's, so they are found, not made twice). Its
// document must read as its kind's type; the rules of each kind ran when it was first made.
func importObject(tx Tx, scope Scope, inst string, os ObjectSnapshot, res *ImportResult, now time.Time) error {
	o := os.Object
	o.InstanceID = inst
	if !slices.Contains(ObjectKinds, o.Kind) {
		return Errorf(InvalidArgument, "Kind '%s' is not a routing object kind", clip(string(o.Kind)))
	}
	if _, err := tx.GetObject(scope, inst, o.Kind, o.ID); err == nil {
		res.Found.RoutingObjects++
		return nil
	} else if CodeOf(err) != NotFound {
		return err
	}
	if decode := referrers[o.Kind]; decode != nil {
		if _, err := decode(o.Doc); err != nil {
			return Errorf(InvalidArgument, "Document is not a %s: %v", o.Kind, err)
		}
	} else if !json.Valid(o.Doc) {
		return Errorf(InvalidArgument, "Document is not JSON")
	}
	if o.CreatedTime.IsZero() {
		o.CreatedTime = now
	}
	if o.LastModifiedTime.IsZero() {
		o.LastModifiedTime = o.CreatedTime
	}
	if err := tx.PutObject(scope, o); err != nil {
		if CodeOf(err) == AlreadyExists {
			return Errorf(AlreadyExists, "Another %s of the instance is named '%s'", o.Kind, o.Name)
		}
		return err
	}
	res.Created.RoutingObjects++
	if len(os.Tags) > 0 && arnKinds[o.Kind] {
		return tx.PutTags(scope, scope.ObjectARN(inst, o.Kind, o.ID), os.Tags)
	}
	return nil
}
