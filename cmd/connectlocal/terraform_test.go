package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// providerMirror finds a Terraform filesystem mirror that holds hashicorp/aws and returns its root and the
// provider version in it: $CONNECTLOCAL_TF_PLUGIN_MIRROR, else the usual places.
func providerMirror() (root, version string, ok bool) {
	candidates := []string{os.Getenv("CONNECTLOCAL_TF_PLUGIN_MIRROR"), "/opt/tf-plugins", "/usr/local/share/terraform/plugins", "/usr/share/terraform/plugins"}
	if home, err := os.UserHomeDir(); err == nil {
		candidates = append(candidates, filepath.Join(home, ".terraform.d", "plugins"))
	}
	for _, dir := range candidates {
		if dir == "" {
			continue
		}
		versions, _ := filepath.Glob(filepath.Join(dir, "registry.terraform.io", "hashicorp", "aws", "*"))
		if len(versions) > 0 {
			return dir, filepath.Base(versions[len(versions)-1]), true
		}
	}
	return "", "", false
}

// tfConfig is the instance test's resources: %[1]s outbound calls, %[2]s Contact Lens.
const tfConfig = `resource "aws_connect_instance" "this" {
  identity_management_type         = "CONNECT_MANAGED"
  instance_alias                   = "tf-e2e"
  inbound_calls_enabled            = true
  outbound_calls_enabled           = %[1]s
  contact_flow_logs_enabled        = true
  contact_lens_enabled             = %[2]s
  auto_resolve_best_voices_enabled = true
  early_media_enabled              = false
  multi_party_conference_enabled   = true
  tags = { team = "support" }
}

resource "aws_connect_contact_flow" "this" {
  instance_id = aws_connect_instance.this.id
  name        = "Route tasks"
  description = "made by terraform"
  type        = "CONTACT_FLOW"
  content = jsonencode({
    Version     = "2019-10-30"
    StartAction = "12345678-1234-1234-1234-123456789012"
    Actions = [{
      Identifier  = "12345678-1234-1234-1234-123456789012"
      Type        = "DisconnectParticipant"
      Parameters  = {}
      Transitions = {}
    }]
  })
  tags = { team = "support" }
}

data "aws_connect_instance" "by_alias" {
  instance_alias = aws_connect_instance.this.instance_alias
}

data "aws_connect_contact_flow" "by_name" {
  instance_id = aws_connect_instance.this.id
  name        = aws_connect_contact_flow.this.name
}

output "flow_id" { value = data.aws_connect_contact_flow.by_name.contact_flow_id }
output "instance_arn" { value = data.aws_connect_instance.by_alias.arn }
`

// TestTerraform applies an aws_connect_instance with its attribute arguments and an aws_connect_contact_flow
// with the hashicorp/aws provider against a connectlocal process, then checks that a second plan shows no
// change, that an attribute change applies in place (UpdateInstanceAttribute), and that destroy leaves
// nothing (issue 12).
func TestTerraform(t *testing.T) {
	tf := newTerraform(t)
	c := tf.Client
	ctx := context.Background()
	write := func(outbound, lens string) { t.Helper(); tf.write(fmt.Sprintf(tfConfig, outbound, lens)) }
	attribute := func(inst *string, typ string) string {
		t.Helper()
		out, err := c.DescribeInstanceAttribute(ctx, &connect.DescribeInstanceAttributeInput{InstanceId: inst, AttributeType: types.InstanceAttributeType(typ)})
		if err != nil {
			t.Fatal(err)
		}
		return aws.ToString(out.Attribute.Value)
	}

	write("false", "false")
	tf.init()
	tf.apply()
	list, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 1 {
		t.Fatalf("after apply: %+v %v", list, err)
	}
	inst := list.InstanceSummaryList[0].Id
	if *list.InstanceSummaryList[0].OutboundCallsEnabled || attribute(inst, "CONTACT_LENS") != "false" ||
		attribute(inst, "CONTACTFLOW_LOGS") != "true" || attribute(inst, "EARLY_MEDIA") != "false" || attribute(inst, "MULTI_PARTY_CONFERENCE") != "true" {
		t.Errorf("instance after apply does not match the configuration")
	}
	// The instance's default flows, then the one the configuration made.
	flows, err := c.ListContactFlows(ctx, &connect.ListContactFlowsInput{InstanceId: inst, ContactFlowTypes: []types.ContactFlowType{types.ContactFlowTypeContactFlow}})
	if err != nil || len(flows.ContactFlowSummaryList) != 2 || *flows.ContactFlowSummaryList[1].Name != "Route tasks" {
		t.Fatalf("flows after apply: %+v %v", flows, err)
	}
	tf.planNoChanges()

	write("true", "true")
	tf.apply()
	d, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: inst})
	if err != nil || !*d.Instance.OutboundCallsEnabled || attribute(inst, "CONTACT_LENS") != "true" {
		t.Errorf("after the in-place update: %+v %v", d, err)
	}

	tf.destroy()
	list, err = c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 0 {
		t.Fatalf("after destroy: %+v %v", list, err)
	}
}
