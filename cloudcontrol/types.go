package cloudcontrol

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/cfn"
	"github.com/google/uuid"
)

// resourceType runs one type's handlers through Connect operations; the property mapping is cfn's.
type resourceType struct {
	schema *cfn.Schema
	kind   connectlocal.ResourceKind
	create func(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error)
	read   func(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error)
	update func(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error
	delete func(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error
	list   func(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int) ([]map[string]any, string, error)
	// identify parses a composite primary identifier (nil: the identifier is an ARN of kind); ok is false
	// when it names no resource of scope.
	identify func(scope connectlocal.Scope, id string) (rn connectlocal.ResourceName, ok bool)
}

var types = map[string]*resourceType{
	// Hours of operation, queues, quick connects and routing profiles (routing.go).
	cfn.HoursOfOperation: {schema: cfn.Schemas[cfn.HoursOfOperation], kind: connectlocal.KindHours,
		create: createHours, read: readHours, update: updateHours, delete: deleteHours, list: listHours},
	cfn.Queue: {schema: cfn.Schemas[cfn.Queue], kind: connectlocal.KindQueue,
		create: createQueue, read: readQueue, update: updateQueue, delete: deleteQueue, list: listQueues},
	cfn.QuickConnect: {schema: cfn.Schemas[cfn.QuickConnect], kind: connectlocal.KindQuickConnect,
		create: createQuickConnect, read: readQuickConnect, update: updateQuickConnect, delete: deleteQuickConnect,
		list: listQuickConnects},
	cfn.RoutingProfile: {schema: cfn.Schemas[cfn.RoutingProfile], kind: connectlocal.KindRoutingProfile,
		create: createRoutingProfile, read: readRoutingProfile, update: updateRoutingProfile, delete: deleteRoutingProfile,
		list: listRoutingProfiles},
	// Security profiles, users and the user hierarchy (users.go).
	cfn.SecurityProfile: {schema: cfn.Schemas[cfn.SecurityProfile], kind: connectlocal.KindSecurityProfile,
		create: createSecurityProfile, read: readSecurityProfile, update: updateSecurityProfile, delete: deleteSecurityProfile,
		list: listSecurityProfiles},
	cfn.User: {schema: cfn.Schemas[cfn.User], kind: connectlocal.KindUser,
		create: createUser, read: readUser, update: updateUser, delete: deleteUser, list: listUsers},
	cfn.UserHierarchyGroup: {schema: cfn.Schemas[cfn.UserHierarchyGroup], kind: connectlocal.KindHierarchyGroup,
		create: createUserHierarchyGroup, read: readUserHierarchyGroup, update: updateUserHierarchyGroup,
		delete: deleteUserHierarchyGroup, list: listUserHierarchyGroups},
	cfn.UserHierarchyStructure: {schema: cfn.Schemas[cfn.UserHierarchyStructure], kind: connectlocal.KindHierarchyStructure,
		create: createUserHierarchyStructure, read: readUserHierarchyStructure, update: updateUserHierarchyStructure,
		delete: deleteUserHierarchyStructure, identify: identifyUserHierarchyStructure},

	cfn.TaskTemplate: {schema: cfn.Schemas[cfn.TaskTemplate], kind: connectlocal.KindTaskTemplate,
		create: createTaskTemplate, read: readTaskTemplate, update: updateTaskTemplate, delete: deleteTaskTemplate,
		list: listTaskTemplates},
	cfn.ContactFlow: {schema: cfn.Schemas[cfn.ContactFlow], kind: connectlocal.KindContactFlow,
		create: createContactFlow, read: readContactFlow, update: updateContactFlow, delete: deleteContactFlow},
	cfn.Instance: {schema: cfn.Schemas[cfn.Instance], kind: connectlocal.KindInstance,
		create: createInstance, read: readInstance, update: updateInstance, delete: deleteInstance,
		list: listInstances},
	cfn.AgentStatus: {schema: cfn.Schemas[cfn.AgentStatus], kind: connectlocal.KindAgentStatus,
		create: createAgentStatus, read: readAgentStatus, update: updateAgentStatus, delete: deleteAgentStatus,
		list: listAgentStatuses},
	cfn.ContactFlowModule: {schema: cfn.Schemas[cfn.ContactFlowModule], kind: connectlocal.KindFlowModule,
		create: createFlowModule, read: readFlowModule, update: updateFlowModule, delete: deleteFlowModule,
		list: listFlowModules},
	cfn.InstanceStorageConfig: {schema: cfn.Schemas[cfn.InstanceStorageConfig], kind: connectlocal.KindStorageConfig,
		create: createStorageConfig, read: readStorageConfig, update: updateStorageConfig, delete: deleteStorageConfig,
		list: listStorageConfigs, identify: identifyStorageConfig},
	cfn.IntegrationAssociation: {schema: cfn.Schemas[cfn.IntegrationAssociation], kind: connectlocal.KindLambdaFunction,
		create: createIntegration, read: readIntegration, update: updateIntegration, delete: deleteIntegration,
		list: listIntegrations, identify: identifyIntegration},
}

// call runs a Connect operation in-process through API.Invoke, with the checks of a request on the wire, and
// answers its output as a client decodes it (cfn maps properties to and from those documents).
//
// The recorded outcome must be the store's (issue 19, item 2): an Internal failure is ambiguous, since the
// store may have committed before the failure reached us (a PostgreSQL backend killed after COMMIT), and a
// create reported FAILED yet stored makes Terraform's retry fail with AlreadyExists. So an Internal failure is
// settled by running the call once more: every call made here is idempotent on a second run (updates and tags
// set the same values, creates carry a ClientToken that answers with the first resource, a second delete
// of a deleted resource says NotFound, which then means it is gone), so the second answer says what the store
// holds.
func (h *Handler) call(ctx context.Context, scope connectlocal.Scope, op string, in map[string]any) (map[string]any, error) {
	out, err := h.api.Invoke(ctx, scope, op, in)
	if err != nil && connectlocal.CodeOf(err) == connectlocal.Internal && ctx.Err() == nil { // CodeOf(nil) is Internal too
		out, err = h.api.Invoke(ctx, scope, op, in)
		if strings.HasPrefix(op, "Delete") && connectlocal.CodeOf(err) == connectlocal.NotFound {
			return nil, nil // the first delete was committed
		}
	}
	if err != nil {
		return nil, err
	}
	return document(out)
}

// document is an operation's output as a client decodes it from the wire.
func document(out any) (map[string]any, error) {
	b, err := json.Marshal(out)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]any
	return m, dec.Decode(&m)
}

// retag makes the resource's tags those of next (the schemas' Tags list), with TagResource and UntagResource.
func (h *Handler) retag(ctx context.Context, scope connectlocal.Scope, arn string, cur, next map[string]any) error {
	old, want := cfn.TagMap(cur["Tags"]), cfn.TagMap(next["Tags"])
	var gone []string
	for k := range old {
		if _, ok := want[k]; !ok {
			gone = append(gone, k)
		}
	}
	sort.Strings(gone)
	if len(gone) > 0 {
		if _, err := h.call(ctx, scope, "UntagResource", map[string]any{"resourceArn": arn, "tagKeys": gone}); err != nil {
			return err
		}
	}
	if len(want) > 0 && !reflect.DeepEqual(old, want) {
		if _, err := h.call(ctx, scope, "TagResource", map[string]any{"resourceArn": arn, "tags": want}); err != nil {
			return err
		}
	}
	return nil
}

// changed lists the named properties whose values differ between cur and next.
func changed(cur, next map[string]any, props ...string) []string {
	var out []string
	for _, p := range props {
		if !reflect.DeepEqual(normal(cur[p]), normal(next[p])) {
			out = append(out, p)
		}
	}
	return out
}

// normal makes values decoded from different JSON texts comparable (json.Number vs float64).
func normal(v any) any {
	b, _ := json.Marshal(v)
	var out any
	json.Unmarshal(b, &out)
	return out
}

func createTaskTemplate(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	req, tags := cfn.TaskTemplateCreate(props)
	if _, ok := req["ClientToken"]; !ok {
		req["ClientToken"] = uuid.NewString() // so that call can settle an ambiguous failure
	}
	out, err := h.call(ctx, scope, "CreateTaskTemplate", req)
	if err != nil {
		return "", err
	}
	arn, _ := out["Arn"].(string)
	if len(tags) > 0 { // the schema: tagOnCreate false, so the handler tags after creating
		if _, err := h.call(ctx, scope, "TagResource", map[string]any{"resourceArn": arn, "tags": tags}); err != nil {
			return arn, err
		}
	}
	return arn, nil
}

func readTaskTemplate(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "GetTaskTemplate", map[string]any{"InstanceId": rn.InstanceID, "TaskTemplateId": rn.ID})
	if err != nil {
		return nil, err
	}
	return cfn.TaskTemplateModel(scope, out), nil
}

func updateTaskTemplate(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	// A template stays in its instance: the provider's handler throws CfnInvalidRequestException("InstanceArn
	// cannot be updated.") (aws-cloudformation-resource-providers-connect, aws-connect-tasktemplate
	// UpdateHandler.java), a FAILED request with ErrorCode InvalidRequest.
	if len(changed(cur, next, "InstanceArn")) > 0 {
		return connectlocal.Errorf(connectlocal.InvalidArgument, "InstanceArn cannot be updated.")
	}
	// UpdateTaskTemplate cannot unset a name or a status; a patch removing one is refused, not half applied.
	for _, p := range []string{"Name", "Status"} {
		if _, had := cur[p]; had {
			if _, has := next[p]; !has {
				return connectlocal.Errorf(connectlocal.InvalidArgument, "%s cannot be removed from a task template; replace it instead. Nothing was changed.", p)
			}
		}
	}
	if len(changed(cur, next, "Name", "Description", "Fields", "Constraints", "Defaults", "Status", "ContactFlowArn", "SelfAssignContactFlowArn")) > 0 {
		req := cfn.TaskTemplateUpdate(rn.ID, next)
		req["InstanceId"] = rn.InstanceID
		// UpdateTaskTemplate keeps a member left out; a property the patch removed is emptied instead.
		for prop, empty := range map[string]any{"Description": "", "Constraints": map[string]any{}, "Fields": []any{},
			"Defaults": map[string]any{"DefaultFieldValues": []any{}}, "ContactFlowArn": "", "SelfAssignContactFlowArn": ""} {
			if _, had := cur[prop]; had {
				if _, has := next[prop]; !has {
					member, _ := cfn.TaskTemplateCreate(map[string]any{prop: nil})
					for k := range member {
						req[k] = empty
					}
				}
			}
		}
		if _, err := h.call(ctx, scope, "UpdateTaskTemplate", req); err != nil {
			return err
		}
	}
	return h.retag(ctx, scope, rn.String(), cur, next)
}

func deleteTaskTemplate(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "DeleteTaskTemplate", map[string]any{"InstanceId": rn.InstanceID, "TaskTemplateId": rn.ID})
	return err
}

func listTaskTemplates(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int) ([]map[string]any, string, error) {
	inst, _ := model["InstanceArn"].(string)
	req := map[string]any{"InstanceId": inst}
	if max > 0 {
		req["MaxResults"] = max
	}
	if next != "" {
		req["NextToken"] = next
	}
	out, err := h.call(ctx, scope, "ListTaskTemplates", req)
	if err != nil {
		return nil, "", err
	}
	rn, _ := connectlocal.ParseARN(inst)
	var list []map[string]any
	items, _ := out["TaskTemplates"].([]any)
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		m["InstanceId"] = rn.InstanceID
		if rn.InstanceID == "" {
			m["InstanceId"] = inst
		}
		list = append(list, cfn.TaskTemplateModel(scope, m))
	}
	token, _ := out["NextToken"].(string)
	return list, token, nil
}

func createContactFlow(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	req := cfn.ContactFlowCreate(props)
	out, err := h.api.Invoke(ctx, scope, "CreateContactFlow", req)
	if err != nil && connectlocal.CodeOf(err) == connectlocal.Internal && ctx.Err() == nil {
		// CreateContactFlow has no ClientToken; a flow name is unique in its instance, so a flow of this name
		// now can only be this create's, committed before the failure (see call).
		if arn, ferr := h.flowNamed(ctx, scope, req); ferr == nil && arn != "" {
			return arn, nil
		}
		out, err = h.api.Invoke(ctx, scope, "CreateContactFlow", req)
	}
	if err != nil {
		return "", err
	}
	doc, err := document(out)
	if err != nil {
		return "", err
	}
	arn, _ := doc["ContactFlowArn"].(string)
	return arn, nil
}

// flowNamed returns the ARN of the flow in req's instance with req's name, "" when there is none.
func (h *Handler) flowNamed(ctx context.Context, scope connectlocal.Scope, req map[string]any) (string, error) {
	list := map[string]any{"InstanceId": req["InstanceId"]}
	for {
		out, err := h.call(ctx, scope, "ListContactFlows", list)
		if err != nil {
			return "", err
		}
		items, _ := out["ContactFlowSummaryList"].([]any)
		for _, it := range items {
			if m, ok := it.(map[string]any); ok && m["Name"] == req["Name"] {
				arn, _ := m["Arn"].(string)
				return arn, nil
			}
		}
		next, _ := out["NextToken"].(string)
		if next == "" {
			return "", nil
		}
		list["NextToken"] = next
	}
}

func readContactFlow(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "DescribeContactFlow", map[string]any{"InstanceId": rn.InstanceID, "ContactFlowId": rn.ID})
	if err != nil {
		return nil, err
	}
	flow, _ := out["ContactFlow"].(map[string]any)
	return cfn.ContactFlowModel(scope, rn.InstanceID, flow), nil
}

func updateContactFlow(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	// The provider's UpdateHandler refuses a new InstanceArn in these words
	// (aws-cloudformation-resource-providers-connect, aws-connect-contactflow UpdateHandler.java).
	if len(changed(cur, next, "InstanceArn")) > 0 {
		return connectlocal.Errorf(connectlocal.InvalidRequest, "InstanceArn cannot be updated.")
	}
	// The content goes first: it is the only step whose validation can refuse the patch, so a refused content
	// changes nothing. The provider's UpdateHandler calls UpdateContactFlowMetadata first, then the content.
	if len(changed(cur, next, "Content")) > 0 {
		if _, err := h.call(ctx, scope, "UpdateContactFlowContent", map[string]any{"InstanceId": rn.InstanceID,
			"ContactFlowId": rn.ID, "Content": next["Content"]}); err != nil {
			return err
		}
	}
	// Name, Description and State go through UpdateContactFlowMetadata, as the provider sends them
	// (aws-connect-contactflow UpdateHandler.java, translateToUpdateContactFlowMetadataRequest).
	if len(changed(cur, next, "Name", "Description", "State")) > 0 {
		req := map[string]any{"InstanceId": rn.InstanceID, "ContactFlowId": rn.ID, "Name": next["Name"]}
		d, _ := next["Description"].(string)
		req["Description"] = d // removed: "" clears it
		if v, ok := next["State"]; ok {
			req["ContactFlowState"] = v
		} else {
			req["ContactFlowState"] = "ACTIVE" // a removed State is the default one (decided)
		}
		if _, err := h.call(ctx, scope, "UpdateContactFlowMetadata", req); err != nil {
			return err
		}
	}
	return h.retag(ctx, scope, rn.String(), cur, next)
}

func deleteContactFlow(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "DeleteContactFlow", map[string]any{"InstanceId": rn.InstanceID, "ContactFlowId": rn.ID})
	return err
}

func createInstance(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	values, err := cfn.InstanceAttributeValues(props) // checked first, so bad Attributes create nothing
	if err != nil {
		return "", err
	}
	out, err := h.call(ctx, scope, "CreateInstance", cfn.InstanceCreate(props, uuid.NewString())) // a token, so that call can settle an ambiguous failure
	if err != nil {
		return "", err
	}
	arn, _ := out["Arn"].(string)
	delete(values, "INBOUND_CALLS") // CreateInstance's own two members
	delete(values, "OUTBOUND_CALLS")
	return arn, h.setAttributes(ctx, scope, arn, values)
}

// setAttributes sets instance attributes (type → value) with UpdateInstanceAttribute, in the model's order.
func (h *Handler) setAttributes(ctx context.Context, scope connectlocal.Scope, instance string, values map[string]string) error {
	for _, a := range cfn.InstanceAttributes {
		v, ok := values[a.Type]
		if !ok {
			continue
		}
		if _, err := h.call(ctx, scope, "UpdateInstanceAttribute", map[string]any{"InstanceId": instance,
			"AttributeType": a.Type, "Value": v}); err != nil {
			return err
		}
	}
	return nil
}

// attributes reads every attribute of an instance with ListInstanceAttributes, all pages.
func (h *Handler) attributes(ctx context.Context, scope connectlocal.Scope, instance string) ([]any, error) {
	var all []any
	req := map[string]any{"InstanceId": instance}
	for {
		out, err := h.call(ctx, scope, "ListInstanceAttributes", req)
		if err != nil {
			return nil, err
		}
		page, _ := out["Attributes"].([]any)
		all = append(all, page...)
		next, _ := out["NextToken"].(string)
		if next == "" {
			return all, nil
		}
		req["NextToken"] = next
	}
}

func readInstance(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "DescribeInstance", map[string]any{"InstanceId": rn.InstanceID})
	if err != nil {
		return nil, err
	}
	inst, _ := out["Instance"].(map[string]any)
	attrs, err := h.attributes(ctx, scope, rn.InstanceID)
	if err != nil {
		return nil, err
	}
	return cfn.InstanceModel(inst, attrs), nil
}

// updateInstance sets each attribute whose value the patch changed. An attribute the patch removes keeps its
// value: UpdateInstanceAttribute has no "unset", and the next read shows the value again (decided).
func updateInstance(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	if len(changed(cur, next, "Attributes")) > 0 {
		values, err := cfn.InstanceAttributeValues(next)
		if err != nil {
			return err
		}
		old, _ := cur["Attributes"].(map[string]any)
		for _, a := range cfn.InstanceAttributes {
			if v, ok := values[a.Type]; ok && fmt.Sprint(old[a.Property]) == v {
				delete(values, a.Type)
			}
		}
		if err := h.setAttributes(ctx, scope, rn.InstanceID, values); err != nil {
			return err
		}
	}
	return h.retag(ctx, scope, rn.String(), cur, next)
}

func deleteInstance(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "DeleteInstance", map[string]any{"InstanceId": rn.InstanceID})
	return err
}

func listInstances(h *Handler, ctx context.Context, scope connectlocal.Scope, _ map[string]any, next string, max int) ([]map[string]any, string, error) {
	req := map[string]any{}
	if max > 0 {
		req["MaxResults"] = min(max, 10) // ListInstances' own cap; MaxResults is an upper bound
	}
	if next != "" {
		req["NextToken"] = next
	}
	out, err := h.call(ctx, scope, "ListInstances", req)
	if err != nil {
		return nil, "", err
	}
	var list []map[string]any
	items, _ := out["InstanceSummaryList"].([]any)
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok {
			continue
		}
		id, _ := m["Id"].(string)
		attrs, err := h.attributes(ctx, scope, id)
		if connectlocal.CodeOf(err) == connectlocal.NotFound {
			continue // deleted since ListInstances answered
		}
		if err != nil {
			return nil, "", err
		}
		list = append(list, cfn.InstanceModel(m, attrs))
	}
	token, _ := out["NextToken"].(string)
	return list, token, nil
}

// identify parses a primary identifier (an ARN) of t in scope; anything else names no resource.
func identify(t *resourceType, scope connectlocal.Scope, id string) (connectlocal.ResourceName, error) {
	if t.identify != nil {
		rn, ok := t.identify(scope, id)
		if !ok {
			return rn, notFoundError(t.schema.Name, id)
		}
		return rn, nil
	}
	rn, ok := connectlocal.ParseARN(id)
	if !ok || rn.Kind != t.kind || rn.Scope != scope {
		return rn, notFoundError(t.schema.Name, id)
	}
	return rn, nil
}

func notFoundError(typeName, id string) error {
	return connectlocal.Errorf(connectlocal.NotFound, "Resource of type '%s' with identifier '%s' was not found.", typeName, id)
}
