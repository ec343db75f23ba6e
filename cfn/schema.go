package cfn

import (
	"embed"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/model"
)

// schemaFiles are the registry schemas (copies of shared/aws/cfn-AWS-Connect-*.json) whose properties are
// checked in full: a resource's properties must satisfy them before anything runs.
//
//go:embed schemas/*.json
var schemaFiles embed.FS

// jsonSchema is the part of JSON Schema (draft-07) the registry schemas of these types use.
type jsonSchema struct {
	Ref                  string                 `json:"$ref"`
	Type                 string                 `json:"type"`
	Properties           map[string]*jsonSchema `json:"properties"`
	AdditionalProperties *bool                  `json:"additionalProperties"`
	Required             []string               `json:"required"`
	Items                *jsonSchema            `json:"items"`
	MinItems             *int                   `json:"minItems"`
	Enum                 []string               `json:"enum"`
	Pattern              string                 `json:"pattern"`
	MinLength            *int                   `json:"minLength"`
	MaxLength            *int                   `json:"maxLength"`
	MaxItems             *int                   `json:"maxItems"`
	Minimum              *float64               `json:"minimum"`
	Maximum              *float64               `json:"maximum"`
	UniqueItems          bool                   `json:"uniqueItems"`
	Definitions          map[string]*jsonSchema `json:"definitions"`

	re interface{ MatchString(string) bool }
}

// PropertySchema checks a type's properties against its registry schema.
type PropertySchema struct{ root *jsonSchema }

// propertySchemas holds the types whose properties are checked against their schema.
var propertySchemas = map[string]*PropertySchema{
	// The routing types.
	HoursOfOperation: mustSchema("schemas/cfn-AWS-Connect-HoursOfOperation.json"),
	Queue:            mustSchema("schemas/cfn-AWS-Connect-Queue.json"),
	QuickConnect:     mustSchema("schemas/cfn-AWS-Connect-QuickConnect.json"),
	RoutingProfile:   mustSchema("schemas/cfn-AWS-Connect-RoutingProfile.json"),

	// Security profiles, users and the user hierarchy.
	SecurityProfile:        mustSchema("schemas/cfn-AWS-Connect-SecurityProfile.json"),
	User:                   mustSchema("schemas/cfn-AWS-Connect-User.json"),
	UserHierarchyGroup:     mustSchema("schemas/cfn-AWS-Connect-UserHierarchyGroup.json"),
	UserHierarchyStructure: mustSchema("schemas/cfn-AWS-Connect-UserHierarchyStructure.json"),

	TaskTemplate: mustSchema("schemas/cfn-AWS-Connect-TaskTemplate.json"),

	AgentStatus:            mustSchema("schemas/cfn-AWS-Connect-AgentStatus.json"),
	ContactFlowModule:      mustSchema("schemas/cfn-AWS-Connect-ContactFlowModule.json"),
	InstanceStorageConfig:  mustSchema("schemas/cfn-AWS-Connect-InstanceStorageConfig.json"),
	IntegrationAssociation: mustSchema("schemas/cfn-AWS-Connect-IntegrationAssociation.json"),
}

// PropertySchemaOf returns the schema of typeName, nil when its properties are not checked in full.
func PropertySchemaOf(typeName string) *PropertySchema { return propertySchemas[typeName] }

func mustSchema(name string) *PropertySchema {
	b, err := schemaFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	var root jsonSchema
	if err := json.Unmarshal(b, &root); err != nil {
		panic(name + ": " + err.Error())
	}
	compile(&root, root.Definitions)
	return &PropertySchema{root: &root}
}

// compile resolves each pattern once. A pattern with a look-ahead (a Tag Key's ^(?!aws:)) goes through the
// model's translation, which RE2 needs; every other one is a search, as JSON Schema's "pattern" is.
func compile(s *jsonSchema, defs map[string]*jsonSchema) {
	if s == nil {
		return
	}
	if s.Pattern != "" && s.re == nil {
		if strings.Contains(s.Pattern, "(?") && !strings.Contains(s.Pattern, "(?:") {
			p, err := model.CompilePattern(s.Pattern)
			if err != nil {
				panic(s.Pattern + ": " + err.Error())
			}
			s.re = p
		} else {
			s.re = regexp.MustCompile(javaEscapes.ReplaceAllString(s.Pattern, `\x{$1}`))
		}
	}
	for _, p := range s.Properties {
		compile(p, defs)
	}
	compile(s.Items, defs)
	for _, d := range s.Definitions {
		compile(d, defs)
	}
}

// javaEscapes are the Java \uXXXX escapes some registry patterns use (SecurityProfile's PrimaryAttributeValue
// Values); RE2 writes them \x{XXXX}.
var javaEscapes = regexp.MustCompile(`\\u([0-9A-Fa-f]{4})`)

// SchemaProblem is one place where properties break their schema.
type SchemaProblem struct {
	At   string // JSON pointer of the value as CloudFormation prints it: "#", "#/Fields/0"
	Key  string // the key a required or extraneous key problem is about; "" otherwise
	Text string // "required key [Id] not found"
	// Extraneous says Key is there and should not be (the problem's place is the key, not its object).
	Extraneous bool
}

// String is the problem in the words of CloudFormation's schema validator (everit):
// "#/Fields/0: required key [Id] not found", "#: extraneous key [Bogus] is not permitted".
func (p SchemaProblem) String() string { return p.At + ": " + p.Text }

// Path is the property path of the problem's place (Fields[0], or Fields[0].Extra for an extraneous key).
func (p SchemaProblem) Path() string {
	var b strings.Builder
	for _, seg := range strings.Split(strings.TrimPrefix(strings.TrimPrefix(p.At, "#"), "/"), "/") {
		switch _, err := strconv.Atoi(seg); {
		case seg == "":
		case err == nil:
			b.WriteString("[" + seg + "]")
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(seg)
		}
	}
	if p.Extraneous {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p.Key)
	}
	return b.String()
}

// Problems lists where props break the schema, in schema order of discovery (keys sorted). Beyond the
// schema, tag keys must be unique: a tag list is a map, and cfn-lint flags a repeated key (E3024).
func (ps *PropertySchema) Problems(props map[string]any) []SchemaProblem {
	var out []SchemaProblem
	ps.check(ps.root, "#", props, &out)
	if tags, ok := props["Tags"].([]any); ok {
		seen := map[string]bool{}
		for _, t := range tags {
			if kv, ok := t.(map[string]any); ok {
				if k, ok := kv["Key"].(string); ok {
					if seen[k] {
						out = append(out, SchemaProblem{At: "#/Tags", Text: fmt.Sprintf("duplicate tag key [%s]", k)})
					}
					seen[k] = true
				}
			}
		}
	}
	return out
}

// Check returns Problems as one InvalidArgument error, "Model validation failed (…)" with one problem a
// line, as Cloud Control words it (cloudformation-coverage-roadmap#2205: "ValidationException … Model
// validation failed (#: required key [DomainIdentifier] not found\n#: required key [ProjectIdentifier] …)").
func (ps *PropertySchema) Check(props map[string]any) error {
	if ps := ps.Problems(props); len(ps) > 0 {
		lines := make([]string, len(ps))
		for i, p := range ps {
			lines[i] = p.String()
		}
		return connectlocal.Errorf(connectlocal.InvalidArgument, "Model validation failed (%s)", strings.Join(lines, "\n"))
	}
	return nil
}

func (ps *PropertySchema) check(s *jsonSchema, path string, v any, out *[]SchemaProblem) {
	for s.Ref != "" {
		s = ps.root.Definitions[strings.TrimPrefix(s.Ref, "#/definitions/")]
	}
	add := func(format string, args ...any) {
		*out = append(*out, SchemaProblem{At: path, Text: fmt.Sprintf(format, args...)})
	}
	if want := s.Type; want != "" && !typeIs(want, v) {
		add("expected type: %s, found: %s", schemaTypeName(want), jsonType(v))
		return
	}
	switch t := v.(type) {
	case map[string]any:
		for _, r := range s.Required {
			if _, ok := t[r]; !ok {
				*out = append(*out, SchemaProblem{At: path, Key: r, Text: fmt.Sprintf("required key [%s] not found", r)})
			}
		}
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			sub, ok := s.Properties[k]
			if !ok {
				if s.AdditionalProperties != nil && !*s.AdditionalProperties {
					*out = append(*out, SchemaProblem{At: path, Key: k, Extraneous: true, Text: fmt.Sprintf("extraneous key [%s] is not permitted", k)})
				}
				continue
			}
			ps.check(sub, path+"/"+k, t[k], out) // a null is no string, object or list: refused, not taken as absent
		}
	case []any:
		if s.MaxItems != nil && len(t) > *s.MaxItems {
			add("expected maximum item count: %d, found: %d", *s.MaxItems, len(t))
		}
		if s.MinItems != nil && len(t) < *s.MinItems {
			add("expected minimum item count: %d, found: %d", *s.MinItems, len(t))
		}
		if s.UniqueItems {
			seen := map[string]bool{}
			for _, it := range t {
				b, _ := json.Marshal(it)
				if seen[string(b)] {
					add("array items are not unique")
					break
				}
				seen[string(b)] = true
			}
		}
		if s.Items != nil {
			for i, it := range t {
				ps.check(s.Items, path+"/"+strconv.Itoa(i), it, out)
			}
		}
	case json.Number:
		// everit's words for a number out of range ("#/DisplayOrder: 51 is not less or equal to 50").
		if f, err := t.Float64(); err == nil {
			if s.Type == "integer" && f != float64(int64(f)) {
				add("expected type: Integer, found: Number")
			}
			if s.Minimum != nil && f < *s.Minimum {
				add("%s is not greater or equal to %v", t, *s.Minimum)
			}
			if s.Maximum != nil && f > *s.Maximum {
				add("%s is not less or equal to %v", t, *s.Maximum)
			}
		}
	case string:
		n := utf8.RuneCountInString(t)
		if s.MinLength != nil && n < *s.MinLength {
			add("expected minLength: %d, actual: %d", *s.MinLength, n)
		}
		if s.MaxLength != nil && n > *s.MaxLength {
			add("expected maxLength: %d, actual: %d", *s.MaxLength, n)
		}
		if len(s.Enum) > 0 {
			found := false
			for _, e := range s.Enum {
				found = found || e == t
			}
			if !found {
				add("%s is not a valid enum value", t)
			}
		}
		if s.re != nil && (s.MaxLength == nil || n <= *s.MaxLength) && !s.re.MatchString(t) {
			add("string [%s] does not match pattern %s", t, s.Pattern)
		}
	}
}

func typeIs(want string, v any) bool {
	switch v.(type) {
	case map[string]any:
		return want == "object"
	case []any:
		return want == "array"
	case string:
		return want == "string"
	case bool:
		return want == "boolean"
	case json.Number, float64:
		return want == "number" || want == "integer"
	}
	return false
}

func schemaTypeName(t string) string {
	switch t {
	case "object":
		return "JSONObject"
	case "array":
		return "JSONArray"
	}
	return strings.ToUpper(t[:1]) + t[1:]
}
