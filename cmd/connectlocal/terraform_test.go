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

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
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

const tfConfig = `terraform {
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
  identity_management_type         = "CONNECT_MANAGED"
  instance_alias                   = "tf-e2e"
  inbound_calls_enabled            = true
  outbound_calls_enabled           = %[3]s
  contact_flow_logs_enabled        = true
  contact_lens_enabled             = %[4]s
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
	if testing.Short() {
		t.Skip("-short: the Terraform end-to-end test runs the aws provider five times (minutes on a busy machine)")
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
	write := func(outbound, lens string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(work, "main.tf"), fmt.Appendf(nil, tfConfig, version, p.URL, outbound, lens), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// run runs terraform and returns its exit code; any code but the allowed ones fails the test.
	run := func(allowed []int, args ...string) int {
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
				return code
			}
		}
		t.Fatalf("terraform %s exited %d:\n%s", strings.Join(args, " "), code, out.String())
		return code
	}
	c := connecttest.NewClient(p.URL, "123456789012", "us-east-1")
	ctx := context.Background()
	attribute := func(inst *string, typ string) string {
		t.Helper()
		out, err := c.DescribeInstanceAttribute(ctx, &connect.DescribeInstanceAttributeInput{InstanceId: inst, AttributeType: types.InstanceAttributeType(typ)})
		if err != nil {
			t.Fatal(err)
		}
		return aws.ToString(out.Attribute.Value)
	}

	write("false", "false")
	run([]int{0}, "init", "-no-color")
	run([]int{0}, "apply", "-auto-approve", "-no-color")
	list, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 1 {
		t.Fatalf("after apply: %+v %v", list, err)
	}
	inst := list.InstanceSummaryList[0].Id
	if *list.InstanceSummaryList[0].OutboundCallsEnabled || attribute(inst, "CONTACT_LENS") != "false" ||
		attribute(inst, "CONTACTFLOW_LOGS") != "true" || attribute(inst, "EARLY_MEDIA") != "false" || attribute(inst, "MULTI_PARTY_CONFERENCE") != "true" {
		t.Errorf("instance after apply does not match the configuration")
	}
	flows, err := c.ListContactFlows(ctx, &connect.ListContactFlowsInput{InstanceId: inst})
	if err != nil || len(flows.ContactFlowSummaryList) != 1 || *flows.ContactFlowSummaryList[0].Name != "Route tasks" {
		t.Fatalf("flows after apply: %+v %v", flows, err)
	}
	// -detailed-exitcode: 0 is no change, 2 is a diff.
	run([]int{0}, "plan", "-detailed-exitcode", "-no-color")

	write("true", "true")
	run([]int{0}, "apply", "-auto-approve", "-no-color")
	d, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: inst})
	if err != nil || !*d.Instance.OutboundCallsEnabled || attribute(inst, "CONTACT_LENS") != "true" {
		t.Errorf("after the in-place update: %+v %v", d, err)
	}

	run([]int{0}, "destroy", "-auto-approve", "-no-color")
	list, err = c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 0 {
		t.Fatalf("after destroy: %+v %v", list, err)
	}
}
