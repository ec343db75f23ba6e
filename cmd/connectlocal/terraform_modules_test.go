package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

const tfModulesConfig = `terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "%[1]s" }
  }
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "123456789012"
  secret_key                  = "secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    connect = "%[2]s"
  }
}

resource "aws_connect_instance" "this" {
  identity_management_type = "CONNECT_MANAGED"
  instance_alias           = "tf-modules"
  inbound_calls_enabled    = true
  outbound_calls_enabled   = true
}

resource "aws_connect_contact_flow_module" "this" {
  instance_id = aws_connect_instance.this.id
  name        = "%[3]s"
  %[4]s
  content = jsonencode({
    Version     = "2019-10-30"
    StartAction = "greet"
    Actions = [{
      Identifier  = "greet"
      Type        = "MessageParticipant"
      Parameters  = { Text = "%[5]s" }
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
  name        = "%[6]s"
  type        = "CONTACT_FLOW"
  content = jsonencode({
    Version     = "2019-10-30"
    StartAction = "module"
    Actions = [{
      Identifier  = "module"
      Type        = "InvokeFlowModule"
      Parameters  = { FlowModuleId = aws_connect_contact_flow_module.this.contact_flow_module_id }
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

output "transfer_id" { value = data.aws_connect_contact_flow.transfer.contact_flow_id }
output "module_arn" { value = data.aws_connect_contact_flow_module.by_name.arn }
`

// TestTerraformFlowModules applies an aws_connect_contact_flow_module, a flow that invokes it, and the data
// sources that look up a default flow and the module by name, with the hashicorp/aws provider against a
// connectlocal process; then a second plan shows no change, an in-place update of the module's name,
// description and content (and the flow's name) applies, and destroy leaves nothing (issue 20).
func TestTerraformFlowModules(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the Terraform end-to-end test runs the aws provider several times (minutes on a busy machine)")
	}
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not on PATH: install Terraform (1.11 is known to work) to run the Terraform end-to-end test")
	}
	mirror, version, ok := providerMirror()
	if !ok {
		t.Skip("no filesystem mirror holding registry.terraform.io/hashicorp/aws: set CONNECTLOCAL_TF_PLUGIN_MIRROR to one (5.100.0 is known to work)")
	}
	p := startServe(t, nil, "--store", "sqlite:"+filepath.Join(t.TempDir(), "tf.db"))
	dir := t.TempDir()
	cli := filepath.Join(dir, "cli.tfrc")
	if err := os.WriteFile(cli, fmt.Appendf(nil, `provider_installation {
  filesystem_mirror {
    path    = %q
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
`, mirror), 0o644); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, description, text, flowName string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(work, "main.tf"), fmt.Appendf(nil, tfModulesConfig, version, p.URL, name, description, text, flowName), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// run runs terraform and returns its exit code and output; any code but the allowed ones fails the test.
	run := func(allowed []int, args ...string) (int, string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, tf, append([]string{"-chdir=" + work}, args...)...)
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cli, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1",
			"TF_DATA_DIR="+filepath.Join(dir, "data"), "TF_PLUGIN_CACHE_DIR=")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		code := 0
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatalf("terraform %s: %v\n%s", args[0], err, out.String())
		}
		for _, a := range allowed {
			if code == a {
				return code, out.String()
			}
		}
		t.Fatalf("terraform %s exited %d:\n%s", strings.Join(args, " "), code, out.String())
		return code, ""
	}
	c := connecttest.NewClient(p.URL, "123456789012", "us-east-1")
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

	write("Greeting", `description = "says hello"`, "Hello", "Main")
	run([]int{0}, "init", "-no-color")
	run([]int{0}, "apply", "-auto-approve", "-no-color")
	_, m := module()
	if *m.ContactFlowModule.Name != "Greeting" || *m.ContactFlowModule.Description != "says hello" ||
		!strings.Contains(*m.ContactFlowModule.Content, "Hello") || m.ContactFlowModule.Tags["team"] != "support" {
		t.Errorf("module after apply: %+v", m.ContactFlowModule)
	}
	inst, _ := module()
	transfer, err := c.ListContactFlows(ctx, &connect.ListContactFlowsInput{InstanceId: &inst, ContactFlowTypes: []types.ContactFlowType{types.ContactFlowTypeQueueTransfer}})
	if err != nil || len(transfer.ContactFlowSummaryList) != 1 {
		t.Fatalf("queue transfer flows: %+v %v", transfer, err)
	}
	if _, out := run([]int{0}, "output", "-raw", "transfer_id"); strings.TrimSpace(out) != *transfer.ContactFlowSummaryList[0].Id {
		t.Errorf("the default flow's id: %q", out)
	}
	if _, out := run([]int{0}, "output", "-raw", "module_arn"); strings.TrimSpace(out) != *m.ContactFlowModule.Arn {
		t.Errorf("the module data source's arn: %q", out)
	}
	// -detailed-exitcode: 0 is no change, 2 is a diff.
	run([]int{0}, "plan", "-detailed-exitcode", "-no-color")

	// In place: the module's name, its description removed (the provider sends ""), its content; the flow's name.
	write("Welcome", "", "Welcome", "Main renamed")
	run([]int{0}, "apply", "-auto-approve", "-no-color")
	_, m = module()
	if *m.ContactFlowModule.Name != "Welcome" || m.ContactFlowModule.Description != nil || !strings.Contains(*m.ContactFlowModule.Content, "Welcome") {
		t.Errorf("module after the update: %+v", m.ContactFlowModule)
	}
	flows, err := c.ListContactFlows(ctx, &connect.ListContactFlowsInput{InstanceId: &inst})
	found := false
	for _, f := range flows.ContactFlowSummaryList {
		found = found || *f.Name == "Main renamed"
	}
	if err != nil || !found {
		t.Errorf("the flow was not renamed in place: %+v %v", flows, err)
	}
	run([]int{0}, "plan", "-detailed-exitcode", "-no-color")

	run([]int{0}, "destroy", "-auto-approve", "-no-color")
	list, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 0 {
		t.Fatalf("after destroy: %+v %v", list, err)
	}
}
