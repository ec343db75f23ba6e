package cfn

import (
	"encoding/json"
	"os"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectlocal/connectlocal"
)

// TestInstanceAttributesCoverBothSides: every Attributes property of the registry schema (a copy of
// shared/aws/cfn-AWS-Connect-Instance.json) maps to one Connect InstanceAttributeType, and every type of the
// Connect model has a property.
func TestInstanceAttributesCoverBothSides(t *testing.T) {
	raw, err := os.ReadFile("schemas/cfn-AWS-Connect-Instance.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Definitions struct {
			Attributes struct {
				Properties map[string]any `json:"properties"`
			}
		} `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	var wantProps, props, typs []string
	for p := range schema.Definitions.Attributes.Properties {
		wantProps = append(wantProps, p)
	}
	for _, a := range InstanceAttributes {
		props, typs = append(props, a.Property), append(typs, a.Type)
	}
	sort.Strings(wantProps)
	if diff := cmp.Diff(wantProps, slices.Sorted(slices.Values(props))); diff != "" {
		t.Errorf("properties (-schema +mapped):\n%s", diff)
	}
	if diff := cmp.Diff(connectlocal.InstanceAttributeTypes, typs); diff != "" {
		t.Errorf("types (-model +mapped):\n%s", diff)
	}
}

func TestInstanceAttributeValues(t *testing.T) {
	cases := []struct {
		name    string
		props   map[string]any
		want    map[string]string
		wantErr string
	}{
		{"calls and one more", map[string]any{"Attributes": map[string]any{"InboundCalls": true, "OutboundCalls": false, "HighVolumeOutBound": true}},
			map[string]string{"INBOUND_CALLS": "true", "OUTBOUND_CALLS": "false", "HIGH_VOLUME_OUTBOUND": "true"}, ""},
		{"no Attributes", map[string]any{}, nil, "Model validation failed (#: required key [Attributes] not found)"},
		{"Attributes not an object", map[string]any{"Attributes": []any{}}, nil, "Model validation failed (#/Attributes: expected type: JSONObject, found: JSONArray)"},
		{"every problem at once", map[string]any{"Attributes": map[string]any{"OutboundCalls": true, "ContactLens": "true", "Foo": true, "EarlyMedia": json.Number("1")}},
			nil, "Model validation failed (#/Attributes: required key [InboundCalls] not found " +
				"#/Attributes/ContactLens: expected type: Boolean, found: String " +
				"#/Attributes/EarlyMedia: expected type: Boolean, found: Number " +
				"#/Attributes: extraneous key [Foo] is not permitted)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := InstanceAttributeValues(c.props)
			if c.wantErr != "" {
				if e := connectlocal.AsError(err); err == nil || e.Code != connectlocal.InvalidArgument || e.Message != c.wantErr {
					t.Fatalf("error %v, want InvalidArgument %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Fatalf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestInstanceAttributesModel(t *testing.T) {
	got := InstanceAttributesModel([]any{
		map[string]any{"AttributeType": "CONTACT_LENS", "Value": "TRUE"},
		map[string]any{"AttributeType": "USE_CUSTOM_TTS_VOICES", "Value": "false"},
		map[string]any{"AttributeType": "SOMETHING_NEW", "Value": "true"},
	})
	if diff := cmp.Diff(map[string]any{"ContactLens": true, "UseCustomTTSVoices": false}, got); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
}
