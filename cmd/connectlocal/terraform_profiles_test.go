package main

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"text/template"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
)

// tfProfiles is the configuration of TestTerraformProfiles. Stage 1 creates the profiles, stage 2 changes
// every updatable argument in place.
var tfProfiles = template.Must(template.New("main.tf").Parse(`resource "aws_connect_instance" "this" {
  identity_management_type = "CONNECT_MANAGED"
  instance_alias           = "tf-profiles"
  inbound_calls_enabled    = true
  outbound_calls_enabled   = true
}

data "aws_connect_routing_profile" "basic" {
  instance_id = aws_connect_instance.this.id
  name        = "Basic Routing Profile"
}

data "aws_connect_security_profile" "admin" {
  instance_id = aws_connect_instance.this.id
  name        = "Admin"
}

data "aws_connect_security_profile" "agent" {
  instance_id = aws_connect_instance.this.id
  name        = "Agent"
}

output "basic_routing_profile_id" { value = data.aws_connect_routing_profile.basic.routing_profile_id }
output "admin_permissions" { value = length(data.aws_connect_security_profile.admin.permissions) }
{{if .Stage}}
resource "aws_connect_security_profile" "lead" {
  instance_id = aws_connect_instance.this.id
  name        = "Team lead"
{{- if eq .Stage 1}}
  description = "made by terraform"
  permissions = ["BasicAgentAccess", "OutboundCallAccess"]
  tags        = { team = "support" }
{{- else}}
  description = "changed by terraform"
  permissions = ["BasicAgentAccess", "Queues.View", "Users.View"]
  tags        = { team = "sales" }
{{- end}}
}

resource "aws_connect_security_profile" "bare" {
  instance_id = aws_connect_instance.this.id
  name        = "Bare"
{{- if eq .Stage 1}}
  permissions = ["AccessMetrics"]
{{- end}}
}
{{if .Queues}}
data "aws_connect_hours_of_operation" "basic" {
  instance_id = aws_connect_instance.this.id
  name        = "Basic Hours"
}

data "aws_connect_queue" "basic" {
  instance_id = aws_connect_instance.this.id
  name        = "BasicQueue"
}

resource "aws_connect_queue" "sales" {
  instance_id           = aws_connect_instance.this.id
  name                  = "Sales"
  hours_of_operation_id = data.aws_connect_hours_of_operation.basic.hours_of_operation_id
}

resource "aws_connect_queue" "support" {
  instance_id           = aws_connect_instance.this.id
  name                  = "Support"
  hours_of_operation_id = data.aws_connect_hours_of_operation.basic.hours_of_operation_id
}

resource "aws_connect_routing_profile" "tier1" {
  instance_id = aws_connect_instance.this.id
{{- if eq .Stage 1}}
  name                      = "Tier 1"
  description               = "first line"
  default_outbound_queue_id = aws_connect_queue.sales.queue_id
  media_concurrencies {
    channel     = "VOICE"
    concurrency = 1
  }
  queue_configs {
    channel  = "VOICE"
    delay    = 0
    priority = 1
    queue_id = aws_connect_queue.sales.queue_id
  }
  queue_configs {
    channel  = "VOICE"
    delay    = 5
    priority = 2
    queue_id = data.aws_connect_queue.basic.queue_id
  }
  tags = { team = "support" }
{{- else}}
  name                      = "Tier one"
  description               = "the first line"
  default_outbound_queue_id = aws_connect_queue.support.queue_id
  media_concurrencies {
    channel     = "VOICE"
    concurrency = 1
  }
  media_concurrencies {
    channel     = "CHAT"
    concurrency = 3
  }
  queue_configs {
    channel  = "VOICE"
    delay    = 0
    priority = 3
    queue_id = aws_connect_queue.sales.queue_id
  }
  queue_configs {
    channel  = "CHAT"
    delay    = 10
    priority = 1
    queue_id = aws_connect_queue.support.queue_id
  }
  tags = { team = "sales" }
{{- end}}
}

resource "aws_connect_routing_profile" "empty" {
  instance_id               = aws_connect_instance.this.id
  name                      = "No queues"
  description               = "voice only, no queue configs"
  default_outbound_queue_id = data.aws_connect_queue.basic.queue_id
  media_concurrencies {
    channel     = "VOICE"
    concurrency = 1
  }
}

data "aws_connect_routing_profile" "tier1" {
  instance_id        = aws_connect_instance.this.id
  routing_profile_id = aws_connect_routing_profile.tier1.routing_profile_id
}

output "tier1_queues" { value = length(data.aws_connect_routing_profile.tier1.queue_configs) }
{{end}}
data "aws_connect_security_profile" "lead" {
  instance_id         = aws_connect_instance.this.id
  security_profile_id = aws_connect_security_profile.lead.security_profile_id
}

output "lead_permissions" { value = length(data.aws_connect_security_profile.lead.permissions) }
{{end}}`))

// TestTerraformProfiles applies aws_connect_security_profile and aws_connect_routing_profile (with queues)
// and the data sources that read the instance's "Basic Routing Profile" and its security profiles, with the
// hashicorp/aws provider against a connectlocal process; then a second plan shows no change, every updatable
// argument changes in place, and destroy leaves nothing (issue 20).
func TestTerraformProfiles(t *testing.T) {
	tf := newTerraform(t)
	c := tf.Client
	ctx := context.Background()
	queues := true // the routing profiles' half; kept as a template switch
	write := func(stage int) {
		t.Helper()
		var b bytes.Buffer
		if err := tfProfiles.Execute(&b, map[string]any{"Stage": stage, "Queues": queues}); err != nil {
			t.Fatal(err)
		}
		tf.write(b.String())
	}
	run := func(allowed []int, args ...string) (int, string) {
		t.Helper()
		code := tf.run(allowed, args...)
		return code, tf.last
	}
	instance := func() *string {
		t.Helper()
		list, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
		if err != nil || len(list.InstanceSummaryList) != 1 {
			t.Fatalf("instances: %+v %v", list, err)
		}
		return list.InstanceSummaryList[0].Id
	}
	securityProfile := func(inst *string, name string) (description string, perms []string) {
		t.Helper()
		list, err := c.ListSecurityProfiles(ctx, &connect.ListSecurityProfilesInput{InstanceId: inst})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range list.SecurityProfileSummaryList {
			if *s.Name != name {
				continue
			}
			d, err := c.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: inst, SecurityProfileId: s.Id})
			if err != nil {
				t.Fatal(err)
			}
			ps, err := c.ListSecurityProfilePermissions(ctx, &connect.ListSecurityProfilePermissionsInput{InstanceId: inst, SecurityProfileId: s.Id})
			if err != nil {
				t.Fatal(err)
			}
			sort.Strings(ps.Permissions)
			return aws.ToString(d.SecurityProfile.Description), ps.Permissions
		}
		t.Fatalf("no security profile %q", name)
		return "", nil
	}
	routingProfile := func(inst *string, name string) (out string) {
		t.Helper()
		list, err := c.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: inst})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range list.RoutingProfileSummaryList {
			if *s.Name != name {
				continue
			}
			d, err := c.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: inst, RoutingProfileId: s.Id})
			if err != nil {
				t.Fatal(err)
			}
			qs, err := c.ListRoutingProfileQueues(ctx, &connect.ListRoutingProfileQueuesInput{InstanceId: inst, RoutingProfileId: s.Id})
			if err != nil {
				t.Fatal(err)
			}
			var parts []string
			for _, m := range d.RoutingProfile.MediaConcurrencies {
				parts = append(parts, fmt.Sprintf("%s=%d", m.Channel, *m.Concurrency))
			}
			for _, q := range qs.RoutingProfileQueueConfigSummaryList {
				parts = append(parts, fmt.Sprintf("%s/%s/%d/%d", *q.QueueName, q.Channel, *q.Priority, q.Delay))
			}
			sort.Strings(parts)
			return *d.RoutingProfile.Description + " " + strings.Join(parts, " ")
		}
		t.Fatalf("no routing profile %q", name)
		return ""
	}

	write(1)
	run([]int{0}, "init", "-no-color")
	_, out := run([]int{0}, "apply", "-auto-approve", "-no-color")
	if !strings.Contains(out, "admin_permissions = ") {
		t.Errorf("the Admin security profile's data source: %s", out)
	}
	inst := instance()
	if d, perms := securityProfile(inst, "Team lead"); d != "made by terraform" || !slices.Equal(perms, []string{"BasicAgentAccess", "OutboundCallAccess"}) {
		t.Errorf("Team lead after apply: %q %v", d, perms)
	}
	if queues {
		if got := routingProfile(inst, "Tier 1"); got != "first line BasicQueue/VOICE/2/5 Sales/VOICE/1/0 VOICE=1" {
			t.Errorf("Tier 1 after apply: %s", got)
		}
		if got := routingProfile(inst, "No queues"); got != "voice only, no queue configs VOICE=1" {
			t.Errorf("No queues after apply: %s", got)
		}
	}
	// -detailed-exitcode: 0 is no change, 2 is a diff.
	run([]int{0}, "plan", "-detailed-exitcode", "-no-color")

	// Every updatable argument in place: descriptions, permissions (to none for "Bare"), tags, the routing
	// profile's name, channels, default queue and queue configs.
	write(2)
	_, out = run([]int{0}, "apply", "-auto-approve", "-no-color")
	if strings.Contains(out, "destroyed") && !strings.Contains(out, "0 destroyed") {
		t.Errorf("the update replaced resources:\n%s", out)
	}
	if d, perms := securityProfile(inst, "Team lead"); d != "changed by terraform" || !slices.Equal(perms, []string{"BasicAgentAccess", "Queues.View", "Users.View"}) {
		t.Errorf("Team lead after the update: %q %v", d, perms)
	}
	if _, perms := securityProfile(inst, "Bare"); len(perms) != 0 {
		t.Errorf("Bare after its permissions were removed: %v", perms)
	}
	if queues {
		if got := routingProfile(inst, "Tier one"); got != "the first line CHAT=3 Sales/VOICE/3/0 Support/CHAT/1/10 VOICE=1" {
			t.Errorf("Tier one after the update: %s", got)
		}
	}
	run([]int{0}, "plan", "-detailed-exitcode", "-no-color")

	// Destroy deletes the profiles (before their instance, so a refused delete would fail it) and the instance.
	run([]int{0}, "destroy", "-auto-approve", "-no-color")
	list, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(list.InstanceSummaryList) != 0 {
		t.Fatalf("after destroy: %+v %v", list, err)
	}
}
