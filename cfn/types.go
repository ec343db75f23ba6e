package cfn

import (
	"encoding/json"
	"strings"
)

// Type names of the resource types this package maps.
const (
	TaskTemplate = "AWS::Connect::TaskTemplate"
	ContactFlow  = "AWS::Connect::ContactFlow"
	Instance     = "AWS::Connect::Instance"

	AgentStatus            = "AWS::Connect::AgentStatus"
	ContactFlowModule      = "AWS::Connect::ContactFlowModule"
	InstanceStorageConfig  = "AWS::Connect::InstanceStorageConfig"
	IntegrationAssociation = "AWS::Connect::IntegrationAssociation"
)

// Schema is what Cloud Control needs of a type's registry schema: top-level property names only, since every
// listed property of the types served is top-level.
type Schema struct {
	Name              string
	PrimaryIdentifier string
	// Identifiers are the primaryIdentifier properties of a composite identifier, in order (nil for one
	// property): Cloud Control joins their values with "|" (InstanceStorageConfig: InstanceArn|AssociationId|ResourceType).
	Identifiers []string
	ReadOnly    []string
	CreateOnly  []string
	WriteOnly   []string
	// Listable says the type has a list handler; ListNeeds names the ResourceModel properties it requires.
	Listable  bool
	ListNeeds []string
}

// Schemas holds the types served, read from their registry schemas (schemas/cfn-AWS-Connect-*.json, copies of
// shared/aws) with what those copies lack: their handlers. From
// aws-cloudformation-resource-providers-connect/aws-connect-contactflow/aws-connect-contactflow.json, a flow
// has no "list" handler (so ListResources answers UnsupportedActionException) and its Status is read-only.
// The TaskTemplate list handler needs the instance, as every Connect List call does.
var Schemas = map[string]*Schema{
	// The routing types. Their registry schemas (terraform-provider-awscc's copies,
	// internal/service/cloudformation/schemas/AWS_Connect_*.json) have no createOnlyProperties, and a list
	// handler whose handlerSchema requires InstanceArn, as every Connect List call needs the instance.
	HoursOfOperation: registry("schemas/cfn-AWS-Connect-HoursOfOperation.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceArn"}
	}),
	Queue: registry("schemas/cfn-AWS-Connect-Queue.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceArn"}
	}),
	QuickConnect: registry("schemas/cfn-AWS-Connect-QuickConnect.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceArn"}
	}),
	RoutingProfile: registry("schemas/cfn-AWS-Connect-RoutingProfile.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceArn"}
	}),
	// Security profiles, users and the user hierarchy. The registry's handlers: security profiles, users
	// and groups have a list handler that needs the instance (ListSecurityProfiles, ListUsers,
	// ListUserHierarchyGroups take one); the structure has none (one per instance).
	SecurityProfile: registry("schemas/cfn-AWS-Connect-SecurityProfile.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceArn"}
	}),
	User: registry("schemas/cfn-AWS-Connect-User.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceArn"}
	}),
	UserHierarchyGroup: registry("schemas/cfn-AWS-Connect-UserHierarchyGroup.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceArn"}
	}),
	UserHierarchyStructure: registry("schemas/cfn-AWS-Connect-UserHierarchyStructure.json", func(*Schema) {}),

	TaskTemplate: registry("schemas/cfn-AWS-Connect-TaskTemplate.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceArn"}
	}),
	ContactFlow: registry("schemas/cfn-AWS-Connect-ContactFlow.json", func(s *Schema) {
		s.ReadOnly = append(s.ReadOnly, "Status")
	}),
	Instance: registry("schemas/cfn-AWS-Connect-Instance.json", func(s *Schema) { s.Listable = true }),

	// The handlers of these four are from the registry schemas as the awscc provider copies them
	// (hashicorp/terraform-provider-awscc internal/service/cloudformation/schemas/AWS_Connect_*.json): each
	// list handler needs the instance (handlerSchema required InstanceArn / InstanceId). ContactFlowModule's
	// list handler is newer than that copy (stackql's awscc docs list connect:ListContactFlowModules); as
	// every Connect list, it needs the instance.
	AgentStatus: registry("schemas/cfn-AWS-Connect-AgentStatus.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceArn"}
	}),
	ContactFlowModule: registry("schemas/cfn-AWS-Connect-ContactFlowModule.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceArn"}
	}),
	InstanceStorageConfig: registry("schemas/cfn-AWS-Connect-InstanceStorageConfig.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceArn"}
	}),
	IntegrationAssociation: registry("schemas/cfn-AWS-Connect-IntegrationAssociation.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceId"}
	}),
}

// Identifier is a model's primary identifier as Cloud Control writes it: the one property's value, or the
// values of a composite identifier joined with "|".
func (s *Schema) Identifier(model map[string]any) string {
	if len(s.Identifiers) == 0 {
		v, _ := model[s.PrimaryIdentifier].(string)
		return v
	}
	parts := make([]string, len(s.Identifiers))
	for i, p := range s.Identifiers {
		v, _ := model[p].(string)
		parts[i] = v
	}
	return strings.Join(parts, "|")
}

// registry reads a Schema from an embedded registry schema, then lets more fill in what the file lacks.
func registry(name string, more func(*Schema)) *Schema {
	b, err := schemaFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	var raw struct {
		TypeName             string   `json:"typeName"`
		PrimaryIdentifier    []string `json:"primaryIdentifier"`
		ReadOnlyProperties   []string `json:"readOnlyProperties"`
		CreateOnlyProperties []string `json:"createOnlyProperties"`
		WriteOnlyProperties  []string `json:"writeOnlyProperties"`
	}
	if err := json.Unmarshal(b, &raw); err != nil || len(raw.PrimaryIdentifier) == 0 {
		panic(name + ": not a registry schema with a primary identifier")
	}
	top := func(pointers []string) []string {
		var out []string
		for _, p := range pointers {
			out = append(out, strings.TrimPrefix(p, "/properties/"))
		}
		return out
	}
	s := &Schema{Name: raw.TypeName, PrimaryIdentifier: top(raw.PrimaryIdentifier)[0], ReadOnly: top(raw.ReadOnlyProperties),
		CreateOnly: top(raw.CreateOnlyProperties), WriteOnly: top(raw.WriteOnlyProperties)}
	if len(raw.PrimaryIdentifier) > 1 {
		s.Identifiers = top(raw.PrimaryIdentifier)
	}
	more(s)
	return s
}
