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
)

// Schema is what Cloud Control needs of a type's registry schema: top-level property names only, since every
// listed property of these three types is top-level.
type Schema struct {
	Name              string
	PrimaryIdentifier string
	ReadOnly          []string
	CreateOnly        []string
	WriteOnly         []string
	// Listable says the type has a list handler; ListNeeds names the ResourceModel properties it requires.
	Listable  bool
	ListNeeds []string
}

// Schemas holds the three types, read from their registry schemas (schemas/cfn-AWS-Connect-*.json, copies of
// shared/aws) with what those copies lack: their handlers. From
// aws-cloudformation-resource-providers-connect/aws-connect-contactflow/aws-connect-contactflow.json, a flow
// has no "list" handler (so ListResources answers UnsupportedActionException) and its Status is read-only.
// The TaskTemplate list handler needs the instance, as every Connect List call does.
var Schemas = map[string]*Schema{
	TaskTemplate: registry("schemas/cfn-AWS-Connect-TaskTemplate.json", func(s *Schema) {
		s.Listable, s.ListNeeds = true, []string{"InstanceArn"}
	}),
	ContactFlow: registry("schemas/cfn-AWS-Connect-ContactFlow.json", func(s *Schema) {
		s.ReadOnly = append(s.ReadOnly, "Status")
	}),
	Instance: registry("schemas/cfn-AWS-Connect-Instance.json", func(s *Schema) { s.Listable = true }),
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
	if err := json.Unmarshal(b, &raw); err != nil || len(raw.PrimaryIdentifier) != 1 {
		panic(name + ": not a registry schema with one primary identifier")
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
	more(s)
	return s
}
