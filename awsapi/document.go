package awsapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/model"
)

// The state document is what `connectlocal export` writes and `import` and `serve --seed` read (README,
// "State documents"). Its entries use the API's member names: an instance entry is a CreateInstance request,
// a flow a CreateContactFlow request, a template a CreateTaskTemplate request, each plus its Id, Tags and what
// the store keeps (times, versions); a seed file is the same document with only the request members.

// document is a state document.
type document struct {
	// Account, Region and Instances are one scope, written by hand in seed files; Account defaults to serve's
	// --account-id and Region to us-east-1.
	Account   string        `json:"Account,omitempty"`
	Region    string        `json:"Region,omitempty"`
	Instances []docInstance `json:"Instances,omitempty"`
	// Scopes holds further scopes; export writes every scope here.
	Scopes []docScope `json:"Scopes,omitempty"`
}

// docScope is one account and region.
type docScope struct {
	Account   string        `json:"Account"`
	Region    string        `json:"Region"`
	Instances []docInstance `json:"Instances"`
}

// docInstance is an instance and everything it holds.
type docInstance struct {
	Id                     string            `json:"Id,omitempty"`
	IdentityManagementType string            `json:"IdentityManagementType"`
	InstanceAlias          string            `json:"InstanceAlias,omitempty"`
	DirectoryId            string            `json:"DirectoryId,omitempty"`
	InboundCallsEnabled    bool              `json:"InboundCallsEnabled"`
	OutboundCallsEnabled   bool              `json:"OutboundCallsEnabled"`
	InstanceStatus         string            `json:"InstanceStatus,omitempty"`
	ServiceRole            string            `json:"ServiceRole,omitempty"`
	CreatedTime            time.Time         `json:"CreatedTime,omitzero"`
	Tags                   map[string]string `json:"Tags,omitempty"`
	// Attributes are instance attributes UpdateInstanceAttribute set (INBOUND_CALLS and OUTBOUND_CALLS are
	// the two flags above); AnalyticsDataSets the associations AssociateAnalyticsDataSet made.
	Attributes        map[string]string `json:"Attributes,omitempty"`
	AnalyticsDataSets []docDataSet      `json:"AnalyticsDataSets,omitempty"`
	ContactFlows      []docFlow         `json:"ContactFlows,omitempty"`
	TaskTemplates     []docTemplate     `json:"TaskTemplates,omitempty"`
	Contacts          []docContact      `json:"Contacts,omitempty"`
	// RoutingObjects are the instance's hours, queues, quick connects, profiles, users... as connectlocal keeps
	// them (Kind is the ARN segment, Document the stored fields): export writes them for import to read back,
	// defaults included; they are not meant to be written by hand.
	RoutingObjects []docObject `json:"RoutingObjects,omitempty"`
}

// docObject is one routing object.
type docObject struct {
	Kind             string            `json:"Kind"`
	Id               string            `json:"Id"`
	Name             string            `json:"Name,omitempty"`
	CreatedTime      time.Time         `json:"CreatedTime,omitzero"`
	LastModifiedTime time.Time         `json:"LastModifiedTime,omitzero"`
	Document         json.RawMessage   `json:"Document"`
	Tags             map[string]string `json:"Tags,omitempty"`
}

// docDataSet is an analytics data set association.
type docDataSet struct {
	DataSetId       string    `json:"DataSetId"`
	TargetAccountId string    `json:"TargetAccountId"`
	ResourceShareId string    `json:"ResourceShareId,omitempty"`
	CreatedTime     time.Time `json:"CreatedTime,omitzero"`
}

// docFlow is a flow. Content is the flow's JSON as a string, or (in YAML seeds) written inline as an object.
type docFlow struct {
	Id               string            `json:"Id,omitempty"`
	Name             string            `json:"Name"`
	Type             string            `json:"Type"`
	Description      string            `json:"Description,omitempty"`
	Content          flowContent       `json:"Content"`
	Status           string            `json:"Status,omitempty"`
	Published        *bool             `json:"Published,omitempty"` // a published version exists (SAVED flows)
	CreatedTime      time.Time         `json:"CreatedTime,omitzero"`
	LastModifiedTime time.Time         `json:"LastModifiedTime,omitzero"`
	Tags             map[string]string `json:"Tags,omitempty"`
}

// docTemplateVersion is one snapshot version of a template.
type docTemplateVersion struct {
	Version          int64                    `json:"Version,omitempty"`
	Name             string                   `json:"Name"`
	Description      string                   `json:"Description,omitempty"`
	ContactFlowId    string                   `json:"ContactFlowId,omitempty"`
	SelfAssignFlowId string                   `json:"SelfAssignFlowId,omitempty"`
	Constraints      *TaskTemplateConstraints `json:"Constraints,omitempty"`
	Defaults         *TaskTemplateDefaults    `json:"Defaults,omitempty"`
	Fields           []TaskTemplateField      `json:"Fields,omitempty"`
	Status           string                   `json:"Status,omitempty"`
	LastModifiedTime time.Time                `json:"LastModifiedTime,omitzero"`
}

// docTemplate is a template: its latest version at the top, the earlier ones, oldest first, in
// PreviousVersions. ContactFlowId and SelfAssignFlowId may name a flow of the instance instead of its id.
type docTemplate struct {
	Id string `json:"Id,omitempty"`
	docTemplateVersion
	CreatedTime      time.Time            `json:"CreatedTime,omitzero"`
	Tags             map[string]string    `json:"Tags,omitempty"`
	PreviousVersions []docTemplateVersion `json:"PreviousVersions,omitempty"`
}

// docContact is a task contact and its state.
type docContact struct {
	Id                  string                            `json:"Id"`
	InitialContactId    string                            `json:"InitialContactId,omitempty"`
	PreviousContactId   string                            `json:"PreviousContactId,omitempty"`
	RelatedContactId    string                            `json:"RelatedContactId,omitempty"`
	Name                string                            `json:"Name,omitempty"`
	Description         string                            `json:"Description,omitempty"`
	ContactFlowId       string                            `json:"ContactFlowId,omitempty"`
	QuickConnectId      string                            `json:"QuickConnectId,omitempty"`
	InitiationTimestamp time.Time                         `json:"InitiationTimestamp"`
	ScheduledTimestamp  time.Time                         `json:"ScheduledTimestamp,omitzero"`
	DisconnectTimestamp time.Time                         `json:"DisconnectTimestamp,omitzero"`
	DisconnectReason    string                            `json:"DisconnectReason,omitempty"`
	ExpiryMinutes       int                               `json:"ExpiryMinutes,omitempty"`
	Attributes          map[string]string                 `json:"Attributes,omitempty"`
	References          map[string]connectlocal.Reference `json:"References,omitempty"`
	SegmentAttributes   json.RawMessage                   `json:"SegmentAttributes,omitempty"`
	TaskTemplateId      string                            `json:"TaskTemplateId,omitempty"`
	TaskTemplateVersion int64                             `json:"TaskTemplateVersion,omitempty"`
	TaskTemplateName    string                            `json:"TaskTemplateName,omitempty"`
	Tags                map[string]string                 `json:"Tags,omitempty"`
	LastUpdateTimestamp time.Time                         `json:"LastUpdateTimestamp,omitzero"`
}

// flowContent is a flow's content string; decoding also takes an inline JSON object.
type flowContent string

func (c *flowContent) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*c = flowContent(s)
		return nil
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return err
	}
	*c = flowContent(buf.String())
	return nil
}

// docKeys lists the keys each kind of entry may have, so a typo is refused naming the key and the entry.
var docKeys = map[string][]string{
	"document": {"Account", "Region", "Instances", "Scopes"},
	"scope":    {"Account", "Region", "Instances"},
	"instance": {"Id", "IdentityManagementType", "InstanceAlias", "DirectoryId", "InboundCallsEnabled", "OutboundCallsEnabled",
		"InstanceStatus", "ServiceRole", "CreatedTime", "Tags", "Attributes", "AnalyticsDataSets", "ContactFlows", "TaskTemplates", "Contacts", "RoutingObjects"},
	"object":   {"Kind", "Id", "Name", "CreatedTime", "LastModifiedTime", "Document", "Tags"},
	"dataset":  {"DataSetId", "TargetAccountId", "ResourceShareId", "CreatedTime"},
	"flow":     {"Id", "Name", "Type", "Description", "Content", "Status", "Published", "CreatedTime", "LastModifiedTime", "Tags"},
	"template": {"Id", "Version", "Name", "Description", "ContactFlowId", "SelfAssignFlowId", "Constraints", "Defaults", "Fields", "Status", "LastModifiedTime", "CreatedTime", "Tags", "PreviousVersions"},
	"version":  {"Version", "Name", "Description", "ContactFlowId", "SelfAssignFlowId", "Constraints", "Defaults", "Fields", "Status", "LastModifiedTime"},
	"contact": {"Id", "InitialContactId", "PreviousContactId", "RelatedContactId", "Name", "Description", "ContactFlowId", "QuickConnectId",
		"InitiationTimestamp", "ScheduledTimestamp", "DisconnectTimestamp", "DisconnectReason", "ExpiryMinutes", "Attributes", "References",
		"SegmentAttributes", "TaskTemplateId", "TaskTemplateVersion", "TaskTemplateName", "Tags", "LastUpdateTimestamp"},
}

func docError(where, format string, args ...any) error {
	return connectlocal.Errorf(connectlocal.InvalidArgument, "%s: %s", where, fmt.Sprintf(format, args...))
}

// checkKeys refuses keys an entry of kind does not have.
func checkKeys(where, kind string, v any) (map[string]any, error) {
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, docError(where, "must be an object")
	}
	for _, k := range slices.Sorted(mapKeys(m)) {
		if !slices.Contains(docKeys[kind], k) {
			return nil, docError(where, "unknown key %q (%s %s entry has %s)", k, article(kind), kind, strings.Join(docKeys[kind], ", "))
		}
	}
	return m, nil
}

// article is "an" before a vowel, "a" otherwise: "an instance entry", "a flow entry".
func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func mapKeys(m map[string]any) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func listOf(where string, v any) ([]any, error) {
	if v == nil {
		return nil, nil
	}
	l, ok := v.([]any)
	if !ok {
		return nil, docError(where, "must be a list")
	}
	return l, nil
}

// placeholderInstance stands in for the InstanceId a Create request needs: in a document the entry's place says it.
const placeholderInstance = "00000000-0000-0000-0000-000000000000"

// DecodeDocument reads a state document, refusing it whole on the first entry that is not well-formed: an
// unknown key, a wrong type, or a member that breaks the model as the matching Create request would. Rules
// that need the store (names taken, quotas, flow references) are Service.Import's.
func DecodeDocument(raw []byte, defaultAccount string) (connectlocal.Snapshot, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var top any
	if err := dec.Decode(&top); err != nil {
		return connectlocal.Snapshot{}, connectlocal.Errorf(connectlocal.InvalidArgument, "the document is not valid JSON: %s", jsonProblem(err))
	}
	if dec.More() {
		return connectlocal.Snapshot{}, connectlocal.Errorf(connectlocal.InvalidArgument, "the document is not valid JSON: data after the top-level value")
	}
	m := model.Load()
	doc, err := checkKeys("document", "document", top)
	if err != nil {
		return connectlocal.Snapshot{}, err
	}
	if err := checkTree(m, doc); err != nil {
		return connectlocal.Snapshot{}, err
	}
	var d document
	if err := json.Unmarshal(raw, &d); err != nil {
		return connectlocal.Snapshot{}, connectlocal.Errorf(connectlocal.InvalidArgument, "the document does not fit its format: %s", jsonProblem(err))
	}
	var snap connectlocal.Snapshot
	scopes := d.Scopes
	if len(d.Instances) > 0 || d.Account != "" || d.Region != "" {
		scopes = append([]docScope{{Account: d.Account, Region: d.Region, Instances: d.Instances}}, scopes...)
	}
	for _, ds := range scopes {
		scope := connectlocal.Scope{Account: ds.Account, Region: ds.Region}
		if scope.Account == "" {
			scope.Account = defaultAccount
		}
		if scope.Region == "" {
			scope.Region = "us-east-1"
		}
		if !connectlocal.IsAccountID(scope.Account) {
			return snap, docError("scope "+scope.Account+"/"+scope.Region, "Account must be 12 digits")
		}
		ss := connectlocal.ScopeSnapshot{Scope: scope}
		for _, di := range ds.Instances {
			ss.Instances = append(ss.Instances, instanceIn(di))
		}
		snap.Scopes = append(snap.Scopes, ss)
	}
	return snap, snap.Check()
}

// checkTree walks the generic document: keys, and each entry against its Create request's model shape.
func checkTree(m *model.Model, doc map[string]any) error {
	var scopes []map[string]any
	if _, ok := doc["Instances"]; ok || doc["Account"] != nil || doc["Region"] != nil {
		scopes = append(scopes, map[string]any{"Account": doc["Account"], "Region": doc["Region"], "Instances": doc["Instances"]})
	}
	list, err := listOf("Scopes", doc["Scopes"])
	if err != nil {
		return err
	}
	for i, s := range list {
		sm, err := checkKeys(fmt.Sprintf("Scopes[%d]", i), "scope", s)
		if err != nil {
			return err
		}
		scopes = append(scopes, sm)
	}
	for _, s := range scopes {
		insts, err := listOf("Instances", s["Instances"])
		if err != nil {
			return err
		}
		for i, v := range insts {
			where := fmt.Sprintf("Instances[%d]", i)
			if a, ok := s["Account"].(string); ok {
				where = a + "/" + fmt.Sprint(s["Region"]) + " " + where
			}
			im, err := checkKeys(where, "instance", v)
			if err != nil {
				return err
			}
			if alias, ok := im["InstanceAlias"].(string); ok {
				where += fmt.Sprintf(" %q", alias)
			}
			if err := checkShape(m, where, "CreateInstanceRequest", im); err != nil {
				return err
			}
			if err := checkChildren(m, where, im); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkChildren(m *model.Model, where string, im map[string]any) error {
	objects, err := listOf(where+": RoutingObjects", im["RoutingObjects"])
	if err != nil {
		return err
	}
	for i, v := range objects {
		if _, err := checkKeys(fmt.Sprintf("%s: RoutingObjects[%d]", where, i), "object", v); err != nil {
			return err
		}
	}
	flows, err := listOf(where+": ContactFlows", im["ContactFlows"])
	if err != nil {
		return err
	}
	for i, v := range flows {
		w := fmt.Sprintf("%s: ContactFlows[%d]", where, i)
		fm, err := checkKeys(w, "flow", v)
		if err != nil {
			return err
		}
		w += fmt.Sprintf(" %q", fm["Name"])
		req := copyMap(fm)
		if c, ok := req["Content"].(map[string]any); ok {
			b, _ := json.Marshal(c)
			req["Content"] = string(b)
		}
		if err := checkShape(m, w, "CreateContactFlowRequest", req); err != nil {
			return err
		}
	}
	tmpls, err := listOf(where+": TaskTemplates", im["TaskTemplates"])
	if err != nil {
		return err
	}
	for i, v := range tmpls {
		w := fmt.Sprintf("%s: TaskTemplates[%d]", where, i)
		tm, err := checkKeys(w, "template", v)
		if err != nil {
			return err
		}
		w += fmt.Sprintf(" %q", tm["Name"])
		if err := checkShape(m, w, "CreateTaskTemplateRequest", tm); err != nil {
			return err
		}
		prev, err := listOf(w+": PreviousVersions", tm["PreviousVersions"])
		if err != nil {
			return err
		}
		for j, pv := range prev {
			pw := fmt.Sprintf("%s: PreviousVersions[%d]", w, j)
			vm, err := checkKeys(pw, "version", pv)
			if err != nil {
				return err
			}
			if err := checkShape(m, pw, "CreateTaskTemplateRequest", vm); err != nil {
				return err
			}
		}
	}
	sets, err := listOf(where+": AnalyticsDataSets", im["AnalyticsDataSets"])
	if err != nil {
		return err
	}
	for i, v := range sets {
		if _, err := checkKeys(fmt.Sprintf("%s: AnalyticsDataSets[%d]", where, i), "dataset", v); err != nil {
			return err
		}
	}
	contacts, err := listOf(where+": Contacts", im["Contacts"])
	if err != nil {
		return err
	}
	for i, v := range contacts {
		w := fmt.Sprintf("%s: Contacts[%d]", where, i)
		if _, err := checkKeys(w, "contact", v); err != nil {
			return err
		}
	}
	return nil
}

func copyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// checkShape checks an entry as the model checks the Create request it stands for; keys the request lacks
// (Id, times, children) are the document's own, and the model ignores them.
func checkShape(m *model.Model, where, shape string, entry map[string]any) error {
	req := copyMap(entry)
	if _, ok := m.Shapes[shape].Members["InstanceId"]; ok {
		req["InstanceId"] = placeholderInstance
	}
	if ps := m.Validate(shape, req); len(ps) > 0 {
		return docError(where, "%s", model.FormatProblems(ps))
	}
	return nil
}

func instanceIn(d docInstance) connectlocal.InstanceSnapshot {
	is := connectlocal.InstanceSnapshot{
		Instance: connectlocal.Instance{ID: d.Id, IdentityManagementType: d.IdentityManagementType, Alias: d.InstanceAlias,
			DirectoryID: d.DirectoryId, InboundCallsEnabled: d.InboundCallsEnabled, OutboundCallsEnabled: d.OutboundCallsEnabled,
			Status: d.InstanceStatus, ServiceRole: d.ServiceRole, CreatedTime: d.CreatedTime, Attributes: d.Attributes},
		Tags: d.Tags,
	}
	for _, a := range d.AnalyticsDataSets {
		is.Instance.AnalyticsDataSets = append(is.Instance.AnalyticsDataSets, connectlocal.AnalyticsDataAssociation{
			DataSetID: a.DataSetId, TargetAccountID: a.TargetAccountId, ResourceShareID: a.ResourceShareId, CreatedTime: a.CreatedTime})
	}
	for _, o := range d.RoutingObjects {
		is.Objects = append(is.Objects, connectlocal.ObjectSnapshot{Object: connectlocal.Object{Kind: connectlocal.ResourceKind(o.Kind),
			ID: o.Id, Name: o.Name, CreatedTime: o.CreatedTime, LastModifiedTime: o.LastModifiedTime, Doc: o.Document}, Tags: o.Tags})
	}
	for _, f := range d.ContactFlows {
		flow := connectlocal.ContactFlow{ID: f.Id, Name: f.Name, Type: f.Type, Description: f.Description, Content: string(f.Content),
			Status: f.Status, CreatedTime: f.CreatedTime, LastModifiedTime: f.LastModifiedTime}
		if f.Published != nil {
			flow.Published = *f.Published
		}
		is.Flows = append(is.Flows, connectlocal.FlowSnapshot{Flow: flow, Tags: f.Tags})
	}
	for _, t := range d.TaskTemplates {
		ts := connectlocal.TemplateSnapshot{Tags: t.Tags}
		for _, v := range append(slices.Clone(t.PreviousVersions), t.docTemplateVersion) {
			ts.Versions = append(ts.Versions, connectlocal.TaskTemplate{ID: t.Id, Name: v.Name, Description: v.Description,
				ContactFlowID: v.ContactFlowId, SelfAssignFlowID: v.SelfAssignFlowId, Constraints: constraintsIn(v.Constraints),
				Defaults: defaultsIn(v.Defaults), Fields: fieldsIn(v.Fields), Status: connectlocal.TemplateStatus(v.Status),
				CreatedTime: t.CreatedTime, LastModifiedTime: v.LastModifiedTime, Version: v.Version})
		}
		is.Templates = append(is.Templates, ts)
	}
	for _, c := range d.Contacts {
		is.Contacts = append(is.Contacts, connectlocal.Contact{ID: c.Id, InitialContactID: c.InitialContactId,
			PreviousContactID: c.PreviousContactId, RelatedContactID: c.RelatedContactId, Name: c.Name, Description: c.Description,
			ContactFlowID: c.ContactFlowId, QuickConnectID: c.QuickConnectId, InitiationTimestamp: c.InitiationTimestamp,
			ScheduledTimestamp: c.ScheduledTimestamp, DisconnectTimestamp: c.DisconnectTimestamp, DisconnectReason: c.DisconnectReason,
			ExpiryMinutes: c.ExpiryMinutes, Attributes: c.Attributes, References: c.References, SegmentAttributes: []byte(c.SegmentAttributes),
			TaskTemplateID: c.TaskTemplateId, TaskTemplateVersion: c.TaskTemplateVersion, TaskTemplateName: c.TaskTemplateName,
			Tags: c.Tags, LastUpdateTimestamp: c.LastUpdateTimestamp})
	}
	return is
}

// EncodeDocument writes a snapshot as a state document: every scope under Scopes, indented, so that two
// exports of the same state are the same bytes.
func EncodeDocument(snap connectlocal.Snapshot) ([]byte, error) {
	d := document{Scopes: []docScope{}}
	for _, ss := range snap.Scopes {
		ds := docScope{Account: ss.Scope.Account, Region: ss.Scope.Region, Instances: []docInstance{}}
		for _, is := range ss.Instances {
			ds.Instances = append(ds.Instances, docInstanceOut(is))
		}
		d.Scopes = append(d.Scopes, ds)
	}
	out, err := json.MarshalIndent(d, "", "  ")
	return append(out, '\n'), err
}

func docInstanceOut(is connectlocal.InstanceSnapshot) docInstance {
	i := is.Instance
	d := docInstance{Id: i.ID, IdentityManagementType: i.IdentityManagementType, InstanceAlias: i.Alias, DirectoryId: i.DirectoryID,
		InboundCallsEnabled: i.InboundCallsEnabled, OutboundCallsEnabled: i.OutboundCallsEnabled, InstanceStatus: i.Status,
		ServiceRole: i.ServiceRole, CreatedTime: i.CreatedTime.UTC(), Tags: tagsOut(is.Tags), Attributes: tagsOut(i.Attributes)}
	for _, a := range i.AnalyticsDataSets {
		d.AnalyticsDataSets = append(d.AnalyticsDataSets, docDataSet{DataSetId: a.DataSetID, TargetAccountId: a.TargetAccountID,
			ResourceShareId: a.ResourceShareID, CreatedTime: utc(a.CreatedTime)})
	}
	for _, os := range is.Objects {
		o := os.Object
		d.RoutingObjects = append(d.RoutingObjects, docObject{Kind: string(o.Kind), Id: o.ID, Name: o.Name, CreatedTime: utc(o.CreatedTime),
			LastModifiedTime: utc(o.LastModifiedTime), Document: o.Doc, Tags: tagsOut(os.Tags)})
	}
	for _, fs := range is.Flows {
		f := fs.Flow
		published := f.Published
		d.ContactFlows = append(d.ContactFlows, docFlow{Id: f.ID, Name: f.Name, Type: f.Type, Description: f.Description,
			Content: flowContent(f.Content), Status: f.Status, Published: &published, CreatedTime: f.CreatedTime.UTC(),
			LastModifiedTime: f.LastModifiedTime.UTC(), Tags: tagsOut(fs.Tags)})
	}
	for _, ts := range is.Templates {
		var versions []docTemplateVersion
		for _, t := range ts.Versions {
			v := docTemplateVersion{Version: t.Version, Name: t.Name, Description: t.Description, ContactFlowId: t.ContactFlowID,
				SelfAssignFlowId: t.SelfAssignFlowID, Status: string(t.Status), LastModifiedTime: t.LastModifiedTime.UTC()}
			if len(t.Fields) > 0 {
				v.Fields = fieldsOut(t.Fields)
			}
			if c := t.Constraints; len(c.RequiredFields)+len(c.ReadOnlyFields)+len(c.InvisibleFields) > 0 {
				v.Constraints = constraintsOut(c)
			}
			if len(t.Defaults) > 0 {
				v.Defaults = defaultsOut(t.Defaults)
			}
			versions = append(versions, v)
		}
		last := ts.Versions[len(ts.Versions)-1]
		d.TaskTemplates = append(d.TaskTemplates, docTemplate{Id: last.ID, docTemplateVersion: versions[len(versions)-1],
			CreatedTime: last.CreatedTime.UTC(), Tags: tagsOut(ts.Tags), PreviousVersions: versions[:len(versions)-1]})
	}
	for _, c := range is.Contacts {
		d.Contacts = append(d.Contacts, docContact{Id: c.ID, InitialContactId: c.InitialContactID, PreviousContactId: c.PreviousContactID,
			RelatedContactId: c.RelatedContactID, Name: c.Name, Description: c.Description, ContactFlowId: c.ContactFlowID,
			QuickConnectId: c.QuickConnectID, InitiationTimestamp: c.InitiationTimestamp.UTC(), ScheduledTimestamp: utc(c.ScheduledTimestamp),
			DisconnectTimestamp: utc(c.DisconnectTimestamp), DisconnectReason: c.DisconnectReason, ExpiryMinutes: c.ExpiryMinutes,
			Attributes: tagsOut(c.Attributes), References: c.References, SegmentAttributes: json.RawMessage(c.SegmentAttributes),
			TaskTemplateId: c.TaskTemplateID, TaskTemplateVersion: c.TaskTemplateVersion, TaskTemplateName: c.TaskTemplateName,
			Tags: tagsOut(c.Tags), LastUpdateTimestamp: utc(c.LastUpdateTimestamp)})
	}
	return d
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}
