package main

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// tfQueuesConfig uses aws_connect_queue and aws_connect_quick_connect with the data sources that look up the
// instance's "Basic Hours" and "BasicQueue". The placeholders are what the in-place update changes.
const tfQueuesConfig = `
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
  name        = "%[1]s"
  %[2]s
  quick_connect_config {
    quick_connect_type = "PHONE_NUMBER"
    phone_config {
      phone_number = "%[3]s"
    }
  }
  tags = { team = "%[4]s" }
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
  name                  = "%[5]s"
  %[6]s
  hours_of_operation_id = %[7]s
  max_contacts          = %[8]s
  status                = "%[9]s"
  quick_connect_ids     = [%[10]s]
  outbound_caller_config {
    %[11]s
  }
  tags = { team = "%[4]s" }
}

output "basic_queue_hours" { value = data.aws_connect_queue.basic.hours_of_operation_id }
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
	r := newTerraform(t)
	write := func(v tfQueuesVariant) {
		t.Helper()
		r.write(fmt.Sprintf(tfQueuesConfig, v.qcName, v.qcDescription, v.phone, v.team, v.queueName, v.queueDescription, v.hours,
			v.maxContacts, v.status, v.quickConnects, v.caller))
	}
	c := r.Client
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
	r.init()
	r.apply()
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
	// The data sources found the instance's own objects: the queue is on Basic Hours, the QUEUE quick connect
	// goes to BasicQueue.
	hours, err := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: inst})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hours.HoursOfOperationSummaryList {
		if *h.Name == "Basic Hours" && *h.Id != *q.HoursOfOperationId {
			t.Errorf("queue on hours %s, not Basic Hours %s", *q.HoursOfOperationId, *h.Id)
		}
	}
	queues, err := c.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: inst})
	if err != nil {
		t.Fatal(err)
	}
	toBasic, err := c.ListQuickConnects(ctx, &connect.ListQuickConnectsInput{InstanceId: inst, QuickConnectTypes: []types.QuickConnectType{types.QuickConnectTypeQueue}})
	if err != nil || len(toBasic.QuickConnectSummaryList) != 1 {
		t.Fatalf("QUEUE quick connects: %+v %v", toBasic, err)
	}
	d, err := c.DescribeQuickConnect(ctx, &connect.DescribeQuickConnectInput{InstanceId: inst, QuickConnectId: toBasic.QuickConnectSummaryList[0].Id})
	if err != nil || *d.QuickConnect.QuickConnectConfig.QueueConfig.QueueId != *queues.QueueSummaryList[0].Id || *queues.QueueSummaryList[0].Name != "BasicQueue" {
		t.Errorf("the QUEUE quick connect: %+v %v", d, err)
	}
	if qc := phone(inst); *qc.Name != "Outside" || aws.ToString(qc.Description) != "the outside line" || *qc.QuickConnectConfig.PhoneConfig.PhoneNumber != "+15555550100" {
		t.Errorf("quick connect after apply: %+v", qc)
	}
	r.planNoChanges()

	write(tfQueuesSecond)
	r.apply()
	q, qcs = support(inst)
	if *q.Name != "Support 2" || q.Description != nil || *q.MaxContacts != 9 || q.Status != types.QueueStatusDisabled ||
		*q.OutboundCallerConfig.OutboundCallerIdName != "Acme Sales" || q.OutboundCallerConfig.OutboundFlowId != nil || q.Tags["team"] != "sales" ||
		fmt.Sprint(qcs) != "[To BasicQueue]" {
		t.Errorf("queue after the in-place update: %+v %v", q, qcs)
	}
	if qc := phone(inst); *qc.Name != "Outside line" || qc.Description != nil || *qc.QuickConnectConfig.PhoneConfig.PhoneNumber != "+15555550199" || qc.Tags["team"] != "sales" {
		t.Errorf("quick connect after the in-place update: %+v", qc)
	}
	r.planNoChanges()

	r.destroy()
	list, err = c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 0 {
		t.Fatalf("after destroy: %+v %v", list, err)
	}
}
