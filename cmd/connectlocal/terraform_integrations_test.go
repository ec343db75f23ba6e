package main

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// tfIntegrations is hours of operation and the instance's integrations: %[1]s the hours' name, %[2]s its
// closing hour, %[3]s the recordings' bucket prefix, %[4]s the vocabulary's tag value.
const tfIntegrations = `
resource "aws_connect_instance" "this" {
  identity_management_type = "CONNECT_MANAGED"
  instance_alias           = "tf-integrations"
  inbound_calls_enabled    = true
  outbound_calls_enabled   = true
}

resource "aws_connect_hours_of_operation" "office" {
  instance_id = aws_connect_instance.this.id
  name        = "%[1]s"
  description = "weekdays"
  time_zone   = "Europe/Paris"
  config {
    day = "MONDAY"
    start_time {
      hours   = 9
      minutes = 0
    }
    end_time {
      hours   = %[2]s
      minutes = 30
    }
  }
  config {
    day = "TUESDAY"
    start_time {
      hours   = 9
      minutes = 0
    }
    end_time {
      hours   = 17
      minutes = 0
    }
  }
  tags = { team = "support" }
}

data "aws_connect_hours_of_operation" "basic" {
  instance_id = aws_connect_instance.this.id
  name        = "Basic Hours"
}

resource "aws_connect_instance_storage_config" "ctr" {
  instance_id   = aws_connect_instance.this.id
  resource_type = "CONTACT_TRACE_RECORDS"
  storage_config {
    storage_type = "KINESIS_STREAM"
    kinesis_stream_config {
      stream_arn = "arn:aws:kinesis:us-east-1:123456789012:stream/ctr"
    }
  }
}

resource "aws_connect_instance_storage_config" "recordings" {
  instance_id   = aws_connect_instance.this.id
  resource_type = "CALL_RECORDINGS"
  storage_config {
    storage_type = "S3"
    s3_config {
      bucket_name   = "calls"
      bucket_prefix = "%[3]s"
    }
  }
}

resource "aws_connect_lambda_function_association" "route" {
  instance_id  = aws_connect_instance.this.id
  function_arn = "arn:aws:lambda:us-east-1:123456789012:function:route-task"
}

resource "aws_connect_bot_association" "orders" {
  instance_id = aws_connect_instance.this.id
  lex_bot {
    name       = "Orders"
    lex_region = "us-east-1"
  }
}

resource "aws_connect_vocabulary" "products" {
  instance_id   = aws_connect_instance.this.id
  name          = "products"
  language_code = "en-US"
  content       = "Phrase\tIPA\tSoundsLike\tDisplayAs\nConnect\t\t\tConnect\n"
  tags          = { owner = "%[4]s" }
}

output "basic_hours_zone" { value = data.aws_connect_hours_of_operation.basic.time_zone }
`

// TestTerraformHoursAndIntegrations applies hours of operation (and reads "Basic Hours" through its data
// source), two storage configs, a Lambda function, a Lex bot and a vocabulary with the hashicorp/aws provider,
// then checks a second plan is empty, that the updatable arguments change in place, and that destroy leaves
// nothing (issue 20).
func TestTerraformHoursAndIntegrations(t *testing.T) {
	tf := newTerraform(t)
	c := tf.Client
	ctx := context.Background()
	tf.write(fmt.Sprintf(tfIntegrations, "Office", "17", "rec", "ops"))
	tf.init()
	tf.apply()
	tf.planNoChanges()

	list, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 1 {
		t.Fatalf("instances: %+v %v", list, err)
	}
	inst := list.InstanceSummaryList[0].Id
	hours := func() []types.HoursOfOperationSummary {
		t.Helper()
		out, err := c.ListHoursOfOperations(ctx, &connect.ListHoursOfOperationsInput{InstanceId: inst})
		if err != nil {
			t.Fatal(err)
		}
		return out.HoursOfOperationSummaryList
	}
	if h := hours(); len(h) != 2 || *h[1].Name != "Office" {
		t.Fatalf("hours after apply: %+v", h)
	}

	tf.write(fmt.Sprintf(tfIntegrations, "Office hours", "18", "recordings", "support"))
	tf.apply()
	tf.planNoChanges()
	h := hours()
	got, err := c.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: inst, HoursOfOperationId: h[1].Id})
	if err != nil || *got.HoursOfOperation.Name != "Office hours" || len(h) != 2 {
		t.Fatalf("hours after the update: %+v %v", got, err)
	}
	for _, cfg := range got.HoursOfOperation.Config {
		if cfg.Day == types.HoursOfOperationDaysMonday && *cfg.EndTime.Hours != 18 {
			t.Errorf("Monday after the update: %+v", cfg)
		}
	}
	rec, err := c.ListInstanceStorageConfigs(ctx, &connect.ListInstanceStorageConfigsInput{InstanceId: inst, ResourceType: types.InstanceStorageResourceTypeCallRecordings})
	if err != nil || len(rec.StorageConfigs) != 1 || *rec.StorageConfigs[0].S3Config.BucketPrefix != "recordings" {
		t.Fatalf("recordings after the update: %+v %v", rec, err)
	}

	tf.destroy()
	list, err = c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 0 {
		t.Fatalf("after destroy: %+v %v", list, err)
	}
}
