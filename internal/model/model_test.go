package model

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// The committed connect.json is the trimmed model plus AddedOperations from the full model (both botocore's,
// kept in source/), with documentation stripped; regenerate with go generate ./internal/model.
func TestEmbeddedModelIsCurrent(t *testing.T) {
	trimmed, err := os.ReadFile("source/connect-model.json")
	if err != nil {
		t.Fatal(err)
	}
	full, err := os.ReadFile("source/connect-model-full.json")
	if err != nil {
		t.Fatal(err)
	}
	src, err := Extend(trimmed, full, AddedOperations)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Strip(src)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(want, connectJSON) {
		t.Fatal("internal/model/connect.json is stale: run go generate ./internal/model")
	}
}

func TestOperationsResolve(t *testing.T) {
	m := Load()
	if want := 20 + len(AddedOperations); len(m.Operations) != want {
		t.Errorf("%d operations, want %d", len(m.Operations), want)
	}
	for _, name := range m.OperationNames() {
		op := m.Operations[name]
		if op.Method == "" || !strings.HasPrefix(op.RequestURI, "/") || op.Input == "" || m.Shapes[op.Input] == nil {
			t.Errorf("%s: %+v", name, op)
		}
		for _, e := range op.Errors {
			if m.ErrorStatus(e) == 0 {
				t.Errorf("%s: error %s has no status", name, e)
			}
		}
		walk(m, op.Input, map[string]bool{}, func(s *Shape) {
			// s.pattern is what runs: the model's text, or its patternFixes entry.
			if s.Pattern != "" && s.pattern == nil {
				_, err := CompilePattern(s.Pattern)
				t.Errorf("%s: pattern %q does not compile: %v", s.Name, s.Pattern, err)
			}
		}, t)
	}
}

func walk(m *Model, name string, seen map[string]bool, fn func(*Shape), t *testing.T) {
	if seen[name] {
		return
	}
	seen[name] = true
	s := m.Shapes[name]
	if s == nil {
		t.Errorf("shape %s is missing", name)
		return
	}
	fn(s)
	for _, mem := range s.Members {
		walk(m, mem.Shape, seen, fn, t)
	}
	for _, child := range []string{s.ListMember, s.MapKey, s.MapValue} {
		if child != "" {
			walk(m, child, seen, fn, t)
		}
	}
}

func decode(t testing.TB, s string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestValidate(t *testing.T) {
	m := Load()
	cases := []struct {
		name, shape, input string
		want               []string // Path: message fragment
	}{
		{"valid template", "CreateTaskTemplateRequest", `{"InstanceId":"i","Name":"n","Fields":[{"Id":{"Name":"a"},"Type":"NAME"}],"Unknown":1}`, nil},
		{"required missing", "CreateTaskTemplateRequest", `{"InstanceId":"i","Name":null}`,
			[]string{"Name: Value null at 'Name' failed to satisfy constraint: Member must not be null", "Fields: Member must not be null"}},
		{"too long", "CreateTaskTemplateRequest", `{"InstanceId":"i","Name":"` + strings.Repeat("x", 101) + `","Fields":[]}`,
			[]string{"Name: Member must have length less than or equal to 100"}},
		{"enum nested", "CreateTaskTemplateRequest", `{"InstanceId":"i","Name":"n","Fields":[{"Id":{"Name":"a"},"Type":"COLOUR"}]}`,
			[]string{"Fields[0].Type: Member must satisfy enum value set: [NAME, DESCRIPTION"}},
		{"wrong types", "CreateTaskTemplateRequest", `{"InstanceId":"i","Name":5,"Fields":{}}`,
			[]string{"Name: must be a string", "Fields: must be a list"}},
		{"alias look-ahead ok", "CreateInstanceRequest", `{"IdentityManagementType":"SAML","InstanceAlias":"myalias","InboundCallsEnabled":true,"OutboundCallsEnabled":false}`, nil},
		{"alias look-ahead refuses", "CreateInstanceRequest", `{"IdentityManagementType":"SAML","InstanceAlias":"d-123","InboundCallsEnabled":true,"OutboundCallsEnabled":false}`,
			[]string{"InstanceAlias: Member must satisfy regular expression pattern"}},
		{"boolean type", "CreateInstanceRequest", `{"IdentityManagementType":"SAML","InboundCallsEnabled":"yes","OutboundCallsEnabled":false}`,
			[]string{"InboundCallsEnabled: must be a boolean"}},
		{"map key pattern", "TagResourceRequest", `{"resourceArn":"a","tags":{"aws:x":"v"}}`,
			[]string{"tags[aws:x]: Member must satisfy regular expression pattern"}},
		{"map too small", "TagResourceRequest", `{"resourceArn":"a","tags":{}}`, []string{"tags: Member must have length greater than or equal to 1"}},
		{"integer range", "ListTaskTemplatesRequest", `{"InstanceId":"i","MaxResults":101}`, []string{"MaxResults: Member must have value less than or equal to 100"}},
		{"integer type", "ListTaskTemplatesRequest", `{"InstanceId":"i","MaxResults":1.5}`, []string{"MaxResults: must be an integer"}},
		{"timestamp", "StartTaskContactRequest", `{"InstanceId":"i","Name":"n","ScheduledTime":"tomorrow"}`, []string{"ScheduledTime: must be a timestamp"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := m.Validate(tc.shape, decode(t, tc.input))
			if len(got) != len(tc.want) {
				t.Fatalf("got %d problems %v, want %v", len(got), got, tc.want)
			}
			for i, w := range tc.want {
				path, frag, _ := strings.Cut(w, ": ")
				if got[i].Path != path || !strings.Contains(got[i].Message, frag) {
					t.Errorf("problem %d = %+v, want path %q containing %q", i, got[i], path, frag)
				}
			}
		})
	}
}

func TestFormatProblems(t *testing.T) {
	one := FormatProblems([]Problem{{Message: "a"}})
	two := FormatProblems([]Problem{{Message: "a"}, {Message: "b"}})
	if one != "1 validation error detected: a" || two != "2 validation errors detected: a; b" {
		t.Fatalf("%q %q", one, two)
	}
}

func FuzzValidate(f *testing.F) {
	f.Add([]byte(`{"InstanceId":"i","Name":"n","Fields":[{"Id":{"Name":"a"},"Type":"NAME","SingleSelectOptions":["x"]}]}`))
	f.Add([]byte(`{"Constraints":{"RequiredFields":[null,{"Id":7}]},"Defaults":{"DefaultFieldValues":"x"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var v any
		if dec.Decode(&v) != nil {
			return
		}
		for _, p := range Load().Validate("CreateTaskTemplateRequest", v) {
			if p.Message == "" {
				t.Fatalf("empty message at %s", p.Path)
			}
		}
	})
}

func BenchmarkValidate(b *testing.B) {
	var fields []string
	for i := 0; i < 10; i++ {
		fields = append(fields, `{"Id":{"Name":"f`+string(rune('a'+i))+`"},"Type":"TEXT","Description":"d"}`)
	}
	v := decode(b, `{"InstanceId":"i","Name":"n","Description":"d","Fields":[`+strings.Join(fields, ",")+`]}`)
	m := Load()
	b.ReportAllocs()
	for b.Loop() {
		if ps := m.Validate("CreateTaskTemplateRequest", v); len(ps) != 0 {
			b.Fatal(ps)
		}
	}
}

// An oversized value for a look-ahead pattern is refused for its length without running the pattern.
func TestLongValueSkipsPattern(t *testing.T) {
	ps := Load().Validate("TagResourceRequest", map[string]any{"resourceArn": "a", "tags": map[string]any{strings.Repeat("k", 1<<20): "v"}})
	if len(ps) != 1 || !strings.Contains(ps[0].Message, "less than or equal to 128") {
		t.Fatalf("%v", ps)
	}
}
