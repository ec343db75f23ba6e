package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"
)

// tfModulesConfig is the flow-module test's resources: %[1]s the module's name, %[2]s its description line,
// %[3]s the text its content says, %[4]s the flow's name.
const tfModulesConfig = `resource "aws_connect_instance" "this" {
  identity_management_type = "CONNECT_MANAGED"
  instance_alias           = "tf-modules"
  inbound_calls_enabled    = true
  outbound_calls_enabled   = true
}

resource "aws_connect_contact_flow_module" "this" {
  instance_id = aws_connect_instance.this.id
  name        = "%[1]s"
  %[2]s
  content = jsonencode({
    Version     = "2019-10-30"
    StartAction = "greet"
    Actions = [{
      Identifier  = "greet"
      Type        = "MessageParticipant"
      Parameters  = { Text = "%[3]s" }
      Transitions = { NextAction = "end" }
      }, {
      Identifier  = "end"
      Type        = "EndFlowModuleExecution"
      Parameters  = {}
      Transitions = {}
    }]
  })
  tags = { team = "support" }
}

# A default flow every instance holds, looked up by name as quick-connect configurations do.
data "aws_connect_contact_flow" "transfer" {
  instance_id = aws_connect_instance.this.id
  name        = "Default queue transfer"
}

# A flow that invokes the module and transfers to the default flow: references checked on publish.
resource "aws_connect_contact_flow" "main" {
  instance_id = aws_connect_instance.this.id
  name        = "%[4]s"
  type        = "CONTACT_FLOW"
  content = jsonencode({
    Version     = "2019-10-30"
    StartAction = "module"
    Actions = [{
      Identifier  = "module"
      Type        = "InvokeFlowModule"
      Parameters  = { FlowModuleId = data.aws_connect_contact_flow_module.by_name.contact_flow_module_id }
      Transitions = { NextAction = "transfer" }
      }, {
      Identifier  = "transfer"
      Type        = "TransferToFlow"
      Parameters  = { ContactFlowId = data.aws_connect_contact_flow.transfer.arn }
      Transitions = {}
    }]
  })
}

data "aws_connect_contact_flow_module" "by_name" {
  instance_id = aws_connect_instance.this.id
  name        = aws_connect_contact_flow_module.this.name
}

`

// TestTerraformFlowModules applies an aws_connect_contact_flow_module, a flow that invokes it, and the data
// sources that look up a default flow and the module by name, with the hashicorp/aws provider against a
// connectlocal process; then a second plan shows no change, an in-place update of the module's name,
// description and content (and the flow's name) applies, and destroy leaves nothing (issue 20). The flow's
// content names the default flow and the module, so a lookup that found nothing would fail the apply
// (references are checked on publish).
func TestTerraformFlowModules(t *testing.T) {
	r := newTerraform(t)
	c := r.Client
	ctx := context.Background()
	module := func() (inst string, m *connect.DescribeContactFlowModuleOutput) {
		t.Helper()
		list, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
		if err != nil || len(list.InstanceSummaryList) != 1 {
			t.Fatalf("instances: %+v %v", list, err)
		}
		inst = *list.InstanceSummaryList[0].Id
		mods, err := c.ListContactFlowModules(ctx, &connect.ListContactFlowModulesInput{InstanceId: &inst})
		if err != nil || len(mods.ContactFlowModulesSummaryList) != 1 {
			t.Fatalf("modules: %+v %v", mods, err)
		}
		m, err = c.DescribeContactFlowModule(ctx, &connect.DescribeContactFlowModuleInput{InstanceId: &inst, ContactFlowModuleId: mods.ContactFlowModulesSummaryList[0].Id})
		if err != nil {
			t.Fatal(err)
		}
		return inst, m
	}
	flowNamed := func(inst, name string) bool {
		t.Helper()
		flows, err := c.ListContactFlows(ctx, &connect.ListContactFlowsInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range flows.ContactFlowSummaryList {
			if *f.Name == name {
				return true
			}
		}
		return false
	}

	r.write(fmt.Sprintf(tfModulesConfig, "Greeting", `description = "says hello"`, "Hello", "Main"))
	r.init()
	r.apply()
	inst, m := module()
	if *m.ContactFlowModule.Name != "Greeting" || *m.ContactFlowModule.Description != "says hello" ||
		!strings.Contains(*m.ContactFlowModule.Content, "Hello") || m.ContactFlowModule.Tags["team"] != "support" || !flowNamed(inst, "Main") {
		t.Errorf("after apply: %+v", m.ContactFlowModule)
	}
	r.planNoChanges()

	// In place: the module's name, its description removed (the provider sends ""), its content; the flow's name.
	r.write(fmt.Sprintf(tfModulesConfig, "Welcome", "", "Welcome", "Main renamed"))
	r.apply()
	inst2, m := module()
	if inst2 != inst || *m.ContactFlowModule.Name != "Welcome" || m.ContactFlowModule.Description != nil ||
		!strings.Contains(*m.ContactFlowModule.Content, "Welcome") || !flowNamed(inst, "Main renamed") {
		t.Errorf("after the in-place update: %+v", m.ContactFlowModule)
	}
	r.planNoChanges()

	r.destroy()
	list, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 0 {
		t.Fatalf("after destroy: %+v %v", list, err)
	}
}
