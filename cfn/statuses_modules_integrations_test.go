package cfn

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSchemas_agentStatusModulesStorageIntegrations: what Cloud Control reads from the four registry schemas,
// composite identifiers included.
func TestSchemas_agentStatusModulesStorageIntegrations(t *testing.T) {
	want := map[string]*Schema{
		AgentStatus: {Name: AgentStatus, PrimaryIdentifier: "AgentStatusArn",
			ReadOnly: []string{"AgentStatusArn", "LastModifiedRegion", "LastModifiedTime"}, Listable: true, ListNeeds: []string{"InstanceArn"}},
		ContactFlowModule: {Name: ContactFlowModule, PrimaryIdentifier: "ContactFlowModuleArn",
			ReadOnly: []string{"ContactFlowModuleArn", "Status"}, Listable: true, ListNeeds: []string{"InstanceArn"}},
		InstanceStorageConfig: {Name: InstanceStorageConfig, PrimaryIdentifier: "InstanceArn",
			Identifiers: []string{"InstanceArn", "AssociationId", "ResourceType"}, ReadOnly: []string{"AssociationId"},
			CreateOnly: []string{"InstanceArn", "ResourceType"}, Listable: true, ListNeeds: []string{"InstanceArn"}},
		IntegrationAssociation: {Name: IntegrationAssociation, PrimaryIdentifier: "InstanceId",
			Identifiers: []string{"InstanceId", "IntegrationType", "IntegrationArn"}, ReadOnly: []string{"IntegrationAssociationId"},
			CreateOnly: []string{"InstanceId", "IntegrationArn", "IntegrationType"}, Listable: true, ListNeeds: []string{"InstanceId"}},
	}
	for name, w := range want {
		if diff := cmp.Diff(w, Schemas[name]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	m := map[string]any{"InstanceArn": "arn:i", "AssociationId": "a", "ResourceType": "CALL_RECORDINGS"}
	if got := Schemas[InstanceStorageConfig].Identifier(m); got != "arn:i|a|CALL_RECORDINGS" {
		t.Errorf("composite identifier %q", got)
	}
	if got := Schemas[AgentStatus].Identifier(map[string]any{"AgentStatusArn": "arn:s"}); got != "arn:s" {
		t.Errorf("identifier %q", got)
	}
}

// TestPropertySchema_numbers: minimum, maximum and integer, in everit's words.
func TestPropertySchema_numbers(t *testing.T) {
	ps := PropertySchemaOf(AgentStatus)
	base := func(order any) map[string]any {
		return map[string]any{"InstanceArn": "arn:aws:connect:us-east-1:123456789012:instance/i", "Name": "n", "State": "ENABLED", "DisplayOrder": order}
	}
	for _, c := range []struct {
		v    any
		want string
	}{
		{jsonNumber("51"), "#/DisplayOrder: 51 is not less or equal to 50"},
		{jsonNumber("0"), "#/DisplayOrder: 0 is not greater or equal to 1"},
		{jsonNumber("1.5"), "#/DisplayOrder: expected type: Integer, found: Number"},
		{jsonNumber("7"), ""},
	} {
		got := ""
		if ps := ps.Problems(base(c.v)); len(ps) > 0 {
			got = ps[0].String()
		}
		if got != c.want {
			t.Errorf("%v: got %q, want %q", c.v, got, c.want)
		}
	}
}

func jsonNumber(s string) any { return json.Number(s) }
