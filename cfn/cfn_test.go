package cfn

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTaskTemplateProblem(t *testing.T) {
	cases := []struct{ member, msg, path, want string }{
		{"ContactFlowId", "A template needs a ContactFlowId or a field of type QUICK_CONNECT", "ContactFlowArn", "A template needs a ContactFlowArn or a field of type QUICK_CONNECT"},
		{"Defaults.DefaultFieldValues[2].DefaultValue", "Value 'x' is bad", "Defaults[2].DefaultValue", "Value 'x' is bad"},
		{"InstanceId", "Value null at 'InstanceId' failed", "InstanceArn", "Value null at 'InstanceArn' failed"},
		{"SelfAssignFlowId", "Flow 'f' does not exist", "SelfAssignContactFlowArn", "Flow 'f' does not exist"},
		{"Fields[0].Id.Name", "Field name is required", "Fields[0].Id.Name", "Field name is required"},
	}
	for _, c := range cases {
		path, msg := TaskTemplateProblem(c.member, c.msg)
		if path != c.path || msg != c.want {
			t.Errorf("%s: got %q %q, want %q %q", c.member, path, msg, c.path, c.want)
		}
	}
}

// TestTaskTemplateRoundTrip: properties → CreateTaskTemplate request → (the service's answer) → properties.
func TestTaskTemplateRoundTrip(t *testing.T) {
	props := map[string]any{
		"InstanceArn": "arn:aws:connect:us-east-1:123456789012:instance/i", "Name": "n", "Description": "d",
		"ContactFlowArn": "arn:aws:connect:us-east-1:123456789012:instance/i/contact-flow/f",
		"Fields":         []any{map[string]any{"Id": map[string]any{"Name": "Title"}, "Type": "NAME"}},
		"Defaults":       []any{map[string]any{"Id": map[string]any{"Name": "Title"}, "DefaultValue": "x"}},
		"Status":         "ACTIVE",
		"Tags":           []any{map[string]any{"Key": "b", "Value": "2"}, map[string]any{"Key": "a", "Value": "1"}},
	}
	req, tags := TaskTemplateCreate(props)
	want := map[string]any{"InstanceId": props["InstanceArn"], "Name": "n", "Description": "d",
		"ContactFlowId": props["ContactFlowArn"], "Fields": props["Fields"], "Status": "ACTIVE",
		"Defaults": map[string]any{"DefaultFieldValues": props["Defaults"]}}
	if diff := cmp.Diff(want, req); diff != "" {
		t.Fatalf("request (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(map[string]any{"a": "1", "b": "2"}, tags); diff != "" {
		t.Fatalf("tags (-want +got):\n%s", diff)
	}
}

// TestSchemas: what Cloud Control reads from the registry schemas.
func TestSchemas(t *testing.T) {
	want := map[string]*Schema{
		TaskTemplate: {Name: TaskTemplate, PrimaryIdentifier: "Arn", ReadOnly: []string{"Arn"},
			Listable: true, ListNeeds: []string{"InstanceArn"}},
		ContactFlow: {Name: ContactFlow, PrimaryIdentifier: "ContactFlowArn", ReadOnly: []string{"ContactFlowArn", "Status"},
			CreateOnly: []string{"Type"}},
		Instance: {Name: Instance, PrimaryIdentifier: "Arn",
			ReadOnly:   []string{"Id", "Arn", "ServiceRole", "CreatedTime", "InstanceStatus"},
			CreateOnly: []string{"DirectoryId", "InstanceAlias", "IdentityManagementType"},
			WriteOnly:  []string{"DirectoryId"}, Listable: true},
	}
	for name, w := range want { // each type's own test checks the types added since
		if diff := cmp.Diff(w, Schemas[name]); diff != "" {
			t.Fatalf("%s (-want +got):\n%s", name, diff)
		}
	}
}
