package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
)

// usersConfig is one state of the users configuration: what each in-place update changes.
type usersConfig struct {
	LevelOne, Parent, FirstName string
	AfterContactWork            int
	AutoAccept                  bool
	SecurityProfiles            string // HCL list
	Group                       string // HCL expression of the user's hierarchy group
	RoutingProfile              string // HCL expression of the user's routing profile
}

// usersPrelude declares the instance and looks up the objects every new instance holds by name (issue 20's
// defaults, served by the profiles' and queues' operations), plus a second routing profile to move the user to.
const usersPrelude = `
resource "aws_connect_instance" "this" {
  identity_management_type = "CONNECT_MANAGED"
  instance_alias           = "tf-users"
  inbound_calls_enabled    = true
  outbound_calls_enabled   = true
}

data "aws_connect_routing_profile" "basic" {
  instance_id = aws_connect_instance.this.id
  name        = "Basic Routing Profile"
}

data "aws_connect_security_profile" "agent" {
  instance_id = aws_connect_instance.this.id
  name        = "Agent"
}

data "aws_connect_security_profile" "admin" {
  instance_id = aws_connect_instance.this.id
  name        = "Admin"
}

data "aws_connect_queue" "basic" {
  instance_id = aws_connect_instance.this.id
  name        = "BasicQueue"
}

resource "aws_connect_routing_profile" "second" {
  instance_id               = aws_connect_instance.this.id
  name                      = "Second"
  description               = "for the user's in-place update"
  default_outbound_queue_id = data.aws_connect_queue.basic.queue_id
  media_concurrencies {
    channel     = "VOICE"
    concurrency = 1
  }
}

locals {
  instance_id = aws_connect_instance.this.id
  basic_rp    = data.aws_connect_routing_profile.basic.routing_profile_id
  second_rp   = aws_connect_routing_profile.second.routing_profile_id
  agent_sp    = data.aws_connect_security_profile.agent.security_profile_id
  admin_sp    = data.aws_connect_security_profile.admin.security_profile_id
}
`

// usersResources are the resources under test; they name the instance and the profiles through the locals
// the prelude defines.
const usersResources = `
resource "aws_connect_user_hierarchy_structure" "this" {
  instance_id = local.instance_id
  hierarchy_structure {
    level_one {
      name = %[1]q
    }
    level_two {
      name = "Site"
    }
  }
}

resource "aws_connect_user_hierarchy_group" "parent" {
  instance_id = local.instance_id
  name        = %[2]q
  tags        = { team = "support" }
  depends_on  = [aws_connect_user_hierarchy_structure.this]
}

resource "aws_connect_user_hierarchy_group" "child" {
  instance_id     = local.instance_id
  name            = "Paris"
  parent_group_id = aws_connect_user_hierarchy_group.parent.hierarchy_group_id
}

resource "aws_connect_user" "this" {
  instance_id        = local.instance_id
  name               = "resource-test-terraform-1234567890123456789"
  password           = "Password123"
  routing_profile_id = %[8]s
  security_profile_ids = %[6]s
  hierarchy_group_id = %[7]s
  identity_info {
    first_name = %[3]q
    last_name  = "Lovelace"
  }
  phone_config {
    after_contact_work_time_limit = %[4]d
    auto_accept                   = %[5]t
    phone_type                    = "SOFT_PHONE"
  }
  tags = { team = "support" }
}

output "user_id" { value = aws_connect_user.this.user_id }
output "instance_id" { value = local.instance_id }
`

func (u usersConfig) hcl(prelude string) string {
	return prelude + fmt.Sprintf(usersResources, u.LevelOne, u.Parent, u.FirstName, u.AfterContactWork, u.AutoAccept,
		u.SecurityProfiles, u.Group, u.RoutingProfile)
}

// TestTerraformUsers applies aws_connect_user, aws_connect_user_hierarchy_group and
// aws_connect_user_hierarchy_structure (with the data sources that find "Basic Routing Profile", "Agent",
// "Admin" and "BasicQueue"), checks that a second plan shows no change, updates every updatable argument in
// place, and destroys, leaving nothing (issue 20).
func TestTerraformUsers(t *testing.T) {
	r := newTerraform(t)
	exerciseUsersTerraform(t, r, func(u usersConfig) string { return u.hcl(usersPrelude) }, true)
}

// exerciseUsersTerraform runs the apply / plan / update / destroy sequence; config renders one state.
// ownsInstance says whether the configuration creates the instance (then destroy removes it too).
func exerciseUsersTerraform(t *testing.T, r *terraformRun, config func(usersConfig) string, ownsInstance bool) {
	ctx := context.Background()
	c := r.Client
	u := usersConfig{LevelOne: "Region", Parent: "EMEA", FirstName: "Ada", AfterContactWork: 0, AutoAccept: false,
		SecurityProfiles: "[local.agent_sp]", Group: "aws_connect_user_hierarchy_group.parent.hierarchy_group_id", RoutingProfile: "local.basic_rp"}
	r.write(config(u))
	r.init()
	r.apply()
	output := func(name string) string {
		t.Helper()
		cmd := exec.Command(r.tf, "-chdir="+r.work, "output", "-raw", name)
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+r.cli, "TF_DATA_DIR="+filepath.Join(r.dir, "data"))
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("terraform output %s: %v", name, err)
		}
		return string(out)
	}
	inst, userID := output("instance_id"), output("user_id")
	describe := func() *connect.DescribeUserOutput {
		t.Helper()
		out, err := c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: &inst, UserId: &userID})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	user := describe().User
	groups, err := c.ListUserHierarchyGroups(ctx, &connect.ListUserHierarchyGroupsInput{InstanceId: &inst})
	if err != nil || len(groups.UserHierarchyGroupSummaryList) != 2 || *groups.UserHierarchyGroupSummaryList[0].Name != "EMEA" {
		t.Fatalf("groups after apply: %+v %v", groups, err)
	}
	parent, child := *groups.UserHierarchyGroupSummaryList[0].Id, *groups.UserHierarchyGroupSummaryList[1].Id
	if *user.IdentityInfo.FirstName != "Ada" || aws.ToString(user.HierarchyGroupId) != parent || len(user.SecurityProfileIds) != 1 {
		t.Errorf("user after apply: %+v", user)
	}
	r.planNoChanges()

	// Every updatable argument in place: level and group names, identity, phone config, security profiles,
	// hierarchy group, routing profile.
	first := user.RoutingProfileId
	u = usersConfig{LevelOne: "Area", Parent: "Europe", FirstName: "Grace", AfterContactWork: 30, AutoAccept: true,
		SecurityProfiles: "[local.agent_sp, local.admin_sp]", Group: "aws_connect_user_hierarchy_group.child.hierarchy_group_id",
		RoutingProfile: "local.second_rp"}
	r.write(config(u))
	r.apply()
	user = describe().User
	if *user.IdentityInfo.FirstName != "Grace" || user.PhoneConfig.AfterContactWorkTimeLimit != 30 || !user.PhoneConfig.AutoAccept ||
		len(user.SecurityProfileIds) != 2 || aws.ToString(user.HierarchyGroupId) != child || *user.RoutingProfileId == *first {
		t.Errorf("user after the update: %+v", user)
	}
	st, err := c.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: &inst})
	if err != nil || *st.HierarchyStructure.LevelOne.Name != "Area" {
		t.Errorf("structure after the update: %+v %v", st, err)
	}
	g, err := c.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{InstanceId: &inst, HierarchyGroupId: &parent})
	if err != nil || *g.HierarchyGroup.Name != "Europe" {
		t.Errorf("group after the update: %+v %v", g, err)
	}
	r.planNoChanges()

	// Back: auto-accept off (the SDK then sends no AutoAccept), one security profile, the user in no group.
	u = usersConfig{LevelOne: "Area", Parent: "Europe", FirstName: "Grace", AfterContactWork: 0, AutoAccept: false,
		SecurityProfiles: "[local.admin_sp]", Group: "null", RoutingProfile: "local.basic_rp"}
	r.write(config(u))
	r.apply()
	user = describe().User
	if user.PhoneConfig.AutoAccept || user.PhoneConfig.AfterContactWorkTimeLimit != 0 || user.HierarchyGroupId != nil || len(user.SecurityProfileIds) != 1 {
		t.Errorf("user after the second update: %+v", user)
	}
	r.planNoChanges()

	r.destroy()
	if ownsInstance {
		list, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
		if err != nil || len(list.InstanceSummaryList) != 0 {
			t.Fatalf("after destroy: %+v %v", list, err)
		}
		return
	}
	users, err := c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: &inst})
	if err != nil || len(users.UserSummaryList) != 0 {
		t.Errorf("users after destroy: %+v %v", users, err)
	}
	groups, err = c.ListUserHierarchyGroups(ctx, &connect.ListUserHierarchyGroupsInput{InstanceId: &inst})
	if err != nil || len(groups.UserHierarchyGroupSummaryList) != 0 {
		t.Errorf("groups after destroy: %+v %v", groups, err)
	}
	st, err = c.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: &inst})
	if err != nil || st.HierarchyStructure.LevelOne != nil {
		t.Errorf("structure after destroy: %+v %v", st, err)
	}
}
