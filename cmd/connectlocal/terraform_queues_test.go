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

// tfQueuesConfig uses aws_connect_queue and aws_connect_quick_connect with the data sources that look up the
// instance's "Basic Hours" and "BasicQueue". %[3]s.. are what the in-place update changes.
const tfQueuesConfig = `terraform {
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
  instance_alias           = "tf-queues"
  inbound_calls_enabled    = true
  outbound_calls_enabled   = true
}

data "aws_connect_hours_of_operation" "basic" {
  instance_id = aws_connect_instance.this.id
  name        = "Basic Hours"
}

data "aws_connect_queue" "basic" {
  instance_id = aws_connect_instance.this.id
  name        = "BasicQueue"
}

resource "aws_connect_hours_of_operation" "office" {
  instance_id = aws_connect_instance.this.id
  name        = "Office"
  time_zone   = "Europe/Paris"
  config {
    day = "MONDAY"
    start_time {
      hours   = 9
      minutes = 0
    }
    end_time {
      hours   = 17
      minutes = 30
    }
  }
}

locals {
  flow = jsonencode({
    Version     = "2019-10-30"
    StartAction = "12345678-1234-1234-1234-123456789012"
    Actions = [{
      Identifier  = "12345678-1234-1234-1234-123456789012"
      Type        = "DisconnectParticipant"
      Parameters  = {}
      Transitions = {}
    }]
  })
}

resource "aws_connect_contact_flow" "whisper" {
  instance_id = aws_connect_instance.this.id
  name        = "Whisper"
  type        = "OUTBOUND_WHISPER"
  content     = local.flow
}

resource "aws_connect_contact_flow" "queue_transfer" {
  instance_id = aws_connect_instance.this.id
  name        = "To queue"
  type        = "QUEUE_TRANSFER"
  content     = local.flow
}

resource "aws_connect_quick_connect" "phone" {
  instance_id = aws_connect_instance.this.id
  name        = "%[3]s"
  %[4]s
  quick_connect_config {
    quick_connect_type = "PHONE_NUMBER"
    phone_config {
      phone_number = "%[5]s"
    }
  }
  tags = { team = "%[6]s" }
}

resource "aws_connect_quick_connect" "to_basic" {
  instance_id = aws_connect_instance.this.id
  name        = "To BasicQueue"
  quick_connect_config {
    quick_connect_type = "QUEUE"
    queue_config {
      contact_flow_id = aws_connect_contact_flow.queue_transfer.contact_flow_id
      queue_id        = data.aws_connect_queue.basic.queue_id
    }
  }
}

resource "aws_connect_queue" "support" {
  instance_id           = aws_connect_instance.this.id
  name                  = "%[7]s"
  %[8]s
  hours_of_operation_id = %[9]s
  max_contacts          = %[10]s
  status                = "%[11]s"
  quick_connect_ids     = [%[12]s]
  outbound_caller_config {
    %[13]s
  }
  tags = { team = "%[6]s" }
}

output "basic_hours_time_zone" { value = data.aws_connect_hours_of_operation.basic.time_zone }
output "basic_queue_hours" { value = data.aws_connect_queue.basic.hours_of_operation_id }
output "basic_hours_id" { value = data.aws_connect_hours_of_operation.basic.hours_of_operation_id }
`

// tfQueuesVariant is one version of the configuration.
type tfQueuesVariant struct {
	qcName, qcDescription, phone, team, queueName, queueDescription, hours, maxContacts, status, quickConnects, caller string
}

var (
	tfQueuesFirst = tfQueuesVariant{qcName: "Outside", qcDescription: `description = "the outside line"`, phone: "+15555550100",
		team: "support", queueName: "Support", queueDescription: `description = "first line"`,
		hours: "data.aws_connect_hours_of_operation.basic.hours_of_operation_id", maxContacts: "5", status: "ENABLED",
		quickConnects: "aws_connect_quick_connect.phone.quick_connect_id",
		caller:        `outbound_caller_id_name = "Acme"` + "\n    outbound_flow_id = aws_connect_contact_flow.whisper.contact_flow_id"}
	// Every updatable argument changes; descriptions go away (Terraform then sends "").
	tfQueuesSecond = tfQueuesVariant{qcName: "Outside line", qcDescription: "", phone: "+15555550199",
		team: "sales", queueName: "Support 2", queueDescription: "",
		hours: "aws_connect_hours_of_operation.office.hours_of_operation_id", maxContacts: "9", status: "DISABLED",
		quickConnects: "aws_connect_quick_connect.to_basic.quick_connect_id",
		caller:        `outbound_caller_id_name = "Acme Sales"`}
)

// TestTerraformQueues applies aws_connect_queue and aws_connect_quick_connect with the data sources of the
// instance's "Basic Hours" and "BasicQueue" with the hashicorp/aws provider against a connectlocal process:
// a second plan shows no change, every updatable argument changes in place, and destroy leaves nothing
// (issue 20).
func TestTerraformQueues(t *testing.T) {
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
	write := func(v tfQueuesVariant) {
		t.Helper()
		body := fmt.Appendf(nil, tfQueuesConfig, version, p.URL, v.qcName, v.qcDescription, v.phone, v.team, v.queueName,
			v.queueDescription, v.hours, v.maxContacts, v.status, v.quickConnects, v.caller)
		if err := os.WriteFile(filepath.Join(work, "main.tf"), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// run runs terraform and returns its output; an exit code but the allowed ones fails the test.
	run := func(allowed []int, args ...string) string {
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
				return out.String()
			}
		}
		t.Fatalf("terraform %s exited %d:\n%s", strings.Join(args, " "), code, out.String())
		return ""
	}
	c := connecttest.NewClient(p.URL, "123456789012", "us-east-1")
	ctx := context.Background()
	// support finds the configuration's queue and its quick connects.
	support := func(inst *string) (types.Queue, []string) {
		t.Helper()
		list, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: inst, QueueTypes: []types.QueueType{types.QueueTypeStandard}})
		if err != nil || len(list.QueueSummaryList) != 2 {
			t.Fatalf("queues: %+v %v", list, err)
		}
		d, err := c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: inst, QueueId: list.QueueSummaryList[1].Id})
		if err != nil {
			t.Fatal(err)
		}
		qcs, err := c.ListQueueQuickConnects(ctx, &connect.ListQueueQuickConnectsInput{InstanceId: inst, QueueId: list.QueueSummaryList[1].Id})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, s := range qcs.QuickConnectSummaryList {
			names = append(names, aws.ToString(s.Name))
		}
		return *d.Queue, names
	}
	phone := func(inst *string) types.QuickConnect {
		t.Helper()
		list, err := c.ListQuickConnects(ctx, &connect.ListQuickConnectsInput{InstanceId: inst, QuickConnectTypes: []types.QuickConnectType{types.QuickConnectTypePhoneNumber}})
		if err != nil || len(list.QuickConnectSummaryList) != 1 {
			t.Fatalf("quick connects: %+v %v", list, err)
		}
		d, err := c.DescribeQuickConnect(ctx, &connect.DescribeQuickConnectInput{InstanceId: inst, QuickConnectId: list.QuickConnectSummaryList[0].Id})
		if err != nil {
			t.Fatal(err)
		}
		return *d.QuickConnect
	}

	write(tfQueuesFirst)
	run([]int{0}, "init", "-no-color")
	out := run([]int{0}, "apply", "-auto-approve", "-no-color")
	if !strings.Contains(out, `basic_hours_time_zone = "America/New_York"`) {
		t.Errorf("the Basic Hours data source:\n%s", out)
	}
	list, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 1 {
		t.Fatalf("after apply: %+v %v", list, err)
	}
	inst := list.InstanceSummaryList[0].Id
	q, qcs := support(inst)
	if *q.Name != "Support" || aws.ToString(q.Description) != "first line" || *q.MaxContacts != 5 || q.Status != types.QueueStatusEnabled ||
		*q.OutboundCallerConfig.OutboundCallerIdName != "Acme" || q.OutboundCallerConfig.OutboundFlowId == nil || q.Tags["team"] != "support" ||
		fmt.Sprint(qcs) != "[Outside]" {
		t.Errorf("queue after apply: %+v %v", q, qcs)
	}
	if qc := phone(inst); *qc.Name != "Outside" || aws.ToString(qc.Description) != "the outside line" || *qc.QuickConnectConfig.PhoneConfig.PhoneNumber != "+15555550100" {
		t.Errorf("quick connect after apply: %+v", qc)
	}
	// -detailed-exitcode: 0 is no change, 2 is a diff.
	run([]int{0}, "plan", "-detailed-exitcode", "-no-color")

	write(tfQueuesSecond)
	run([]int{0}, "apply", "-auto-approve", "-no-color")
	q, qcs = support(inst)
	if *q.Name != "Support 2" || q.Description != nil || *q.MaxContacts != 9 || q.Status != types.QueueStatusDisabled ||
		*q.OutboundCallerConfig.OutboundCallerIdName != "Acme Sales" || q.OutboundCallerConfig.OutboundFlowId != nil || q.Tags["team"] != "sales" ||
		fmt.Sprint(qcs) != "[To BasicQueue]" {
		t.Errorf("queue after the in-place update: %+v %v", q, qcs)
	}
	if qc := phone(inst); *qc.Name != "Outside line" || qc.Description != nil || *qc.QuickConnectConfig.PhoneConfig.PhoneNumber != "+15555550199" || qc.Tags["team"] != "sales" {
		t.Errorf("quick connect after the in-place update: %+v", qc)
	}
	run([]int{0}, "plan", "-detailed-exitcode", "-no-color")

	run([]int{0}, "destroy", "-auto-approve", "-no-color")
	list, err = c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 0 {
		t.Fatalf("after destroy: %+v %v", list, err)
	}
}
