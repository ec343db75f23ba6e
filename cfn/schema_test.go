package cfn

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPropertySchema: the TaskTemplate schema's checks, in CloudFormation's words, each at its place.
func TestPropertySchema(t *testing.T) {
	ps := PropertySchemaOf(TaskTemplate)
	base := `"InstanceArn":"arn:aws:connect:us-east-1:123456789012:instance/i","Name":"n"`
	cases := []struct {
		name, props string
		want        []string // String() and Path() of each problem
	}{
		{"valid", `{` + base + `,"ClientToken":"","Status":"ACTIVE","Fields":[{"Id":{"Name":"T"},"Type":"NAME","SingleSelectOptions":["a b"]}]}`, nil},
		{"unknown key", `{` + base + `,"Bogus":1}`, []string{"#: extraneous key [Bogus] is not permitted", "Bogus"}},
		{"nested unknown key", `{` + base + `,"Constraints":{"RequiredFields":[{"Id":{"Name":"T","X":1}}]}}`,
			[]string{"#/Constraints/RequiredFields/0/Id: extraneous key [X] is not permitted", "Constraints.RequiredFields[0].Id.X"}},
		{"required", `{"Fields":[{"Type":"NAME"}]}`, []string{"#: required key [InstanceArn] not found", "",
			"#/Fields/0: required key [Id] not found", "Fields[0]"}},
		{"types", `{` + base + `,"Fields":{},"Description":5}`, []string{"#/Description: expected type: String, found: Number", "Description",
			"#/Fields: expected type: JSONArray, found: JSONObject", "Fields"}},
		{"lengths and enums", `{"InstanceArn":"arn:aws:connect:us-east-1:123456789012:instance/i","Name":"","Status":"ON"}`,
			[]string{"#/Name: expected minLength: 1, actual: 0", "Name", "#/Status: ON is not a valid enum value", "Status"}},
		{"option pattern", `{` + base + `,"Fields":[{"Id":{"Name":"T"},"Type":"SINGLE_SELECT","SingleSelectOptions":[" a"]}]}`,
			[]string{`#/Fields/0/SingleSelectOptions/0: string [ a] does not match pattern ^[A-Za-z0-9](?:[A-Za-z0-9_.,\s-]*[A-Za-z0-9_.,-])?$`, "Fields[0].SingleSelectOptions[0]"}},
		{"null", `{` + base + `,"Description":null}`, []string{"#/Description: expected type: String, found: Null", "Description"}},
		{"identical tags", `{` + base + `,"Tags":[{"Key":"k","Value":"v"},{"Key":"k","Value":"v"}]}`,
			[]string{"#/Tags: array items are not unique", "Tags", "#/Tags: duplicate tag key [k]", "Tags"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var props map[string]any
			dec := json.NewDecoder(strings.NewReader(tc.props))
			dec.UseNumber()
			if err := dec.Decode(&props); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range ps.Problems(props) {
				got = append(got, p.String(), p.Path())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
}
