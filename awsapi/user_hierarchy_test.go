package awsapi_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

func levels(names ...string) *types.HierarchyStructureUpdate {
	h := &types.HierarchyStructureUpdate{}
	slots := []**types.HierarchyLevelUpdate{&h.LevelOne, &h.LevelTwo, &h.LevelThree, &h.LevelFour, &h.LevelFive}
	for i, n := range names {
		if n != "" {
			*slots[i] = &types.HierarchyLevelUpdate{Name: aws.String(n)}
		}
	}
	return h
}

// The hierarchy structure: always an object, levels set in order, renamed in place, refused while in use,
// emptied to destroy.
func TestUserHierarchyStructure(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		base := "arn:aws:connect:us-east-1:123456789012:instance/" + inst

		got, err := c.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		if got.HierarchyStructure == nil || got.HierarchyStructure.LevelOne != nil {
			t.Fatalf("a new instance's structure: %+v", got.HierarchyStructure)
		}
		// Emptying an empty structure succeeds (Terraform's destroy).
		if _, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &inst, HierarchyStructure: levels()}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &inst, HierarchyStructure: levels("", "Site")})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &inst, HierarchyStructure: levels(strings.Repeat("x", 51))})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: aws.String("00000000-0000-0000-0000-000000000000"), HierarchyStructure: levels("x")})
		wantAPIError(t, err, "ResourceNotFoundException")

		if _, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &inst, HierarchyStructure: levels("Region", "Site")}); err != nil {
			t.Fatal(err)
		}
		got, _ = c.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: &inst})
		h := got.HierarchyStructure
		if h.LevelOne == nil || *h.LevelOne.Name != "Region" || *h.LevelOne.Arn != base+"/agent-group-level/1" || len(*h.LevelOne.Id) != 36 ||
			h.LevelTwo == nil || *h.LevelTwo.Name != "Site" || *h.LevelTwo.Arn != base+"/agent-group-level/2" || h.LevelThree != nil ||
			h.LevelOne.LastModifiedTime == nil || *h.LevelOne.LastModifiedRegion != "us-east-1" {
			t.Fatalf("structure: %+v", h)
		}
		levelOne := *h.LevelOne.Id

		region, err := c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{InstanceId: &inst, Name: aws.String("EMEA")})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{InstanceId: &inst, Name: aws.String("Paris"), ParentGroupId: region.HierarchyGroupId}); err != nil {
			t.Fatal(err)
		}
		// Renaming keeps the level's id; removing a level that holds groups is refused and changes nothing.
		if _, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &inst, HierarchyStructure: levels("Area", "Site")}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &inst, HierarchyStructure: levels("Area")})
		wantAPIError(t, err, "ResourceInUseException")
		_, err = c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &inst, HierarchyStructure: levels()})
		wantAPIError(t, err, "ResourceInUseException")
		got, _ = c.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: &inst})
		if h := got.HierarchyStructure; *h.LevelOne.Name != "Area" || *h.LevelOne.Id != levelOne || h.LevelTwo == nil {
			t.Fatalf("after rename and refusals: %+v", h)
		}
		// A third level may be added below.
		if _, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &inst, HierarchyStructure: levels("Area", "Site", "Team")}); err != nil {
			t.Fatal(err)
		}
		got, _ = c.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: &inst})
		if got.HierarchyStructure.LevelThree == nil || *got.HierarchyStructure.LevelThree.Name != "Team" {
			t.Fatalf("third level: %+v", got.HierarchyStructure)
		}
	})
}

// Hierarchy groups: levels follow their parents and the structure, paths, renames, deletes that honour users
// and child groups.
func TestUserHierarchyGroup(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)

		// No level is defined yet.
		_, err := c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{InstanceId: &inst, Name: aws.String("EMEA")})
		wantAPIError(t, err, "InvalidRequestException")
		if _, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &inst, HierarchyStructure: levels("Region", "Site")}); err != nil {
			t.Fatal(err)
		}
		parent, err := c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{InstanceId: &inst, Name: aws.String("EMEA"),
			Tags: map[string]string{"team": "support"}})
		if err != nil {
			t.Fatal(err)
		}
		if *parent.HierarchyGroupArn != "arn:aws:connect:us-east-1:123456789012:instance/"+inst+"/agent-group/"+*parent.HierarchyGroupId {
			t.Errorf("arn %s", *parent.HierarchyGroupArn)
		}
		child, err := c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{InstanceId: &inst, Name: aws.String("Paris"), ParentGroupId: parent.HierarchyGroupArn})
		if err != nil {
			t.Fatal(err)
		}
		// Level 3 is not in the structure; names are unique; the parent must exist.
		_, err = c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{InstanceId: &inst, Name: aws.String("Team A"), ParentGroupId: child.HierarchyGroupId})
		wantAPIError(t, err, "InvalidRequestException")
		_, err = c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{InstanceId: &inst, Name: aws.String("EMEA")})
		wantAPIError(t, err, "DuplicateResourceException")
		_, err = c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{InstanceId: &inst, Name: aws.String("Orphan"), ParentGroupId: aws.String("00000000-0000-0000-0000-000000000000")})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.CreateUserHierarchyGroup(ctx, &connect.CreateUserHierarchyGroupInput{InstanceId: &inst, Name: aws.String(strings.Repeat("x", 101))})
		wantAPIError(t, err, "InvalidParameterException")

		got, err := c.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{InstanceId: &inst, HierarchyGroupId: child.HierarchyGroupId})
		if err != nil {
			t.Fatal(err)
		}
		g := got.HierarchyGroup
		if *g.Name != "Paris" || *g.LevelId != "2" || *g.Arn != *child.HierarchyGroupArn || g.HierarchyPath == nil ||
			*g.HierarchyPath.LevelOne.Id != *parent.HierarchyGroupId || *g.HierarchyPath.LevelOne.Name != "EMEA" ||
			*g.HierarchyPath.LevelOne.Arn != *parent.HierarchyGroupArn || *g.HierarchyPath.LevelTwo.Id != *child.HierarchyGroupId ||
			g.HierarchyPath.LevelThree != nil || g.LastModifiedTime == nil || *g.LastModifiedRegion != "us-east-1" {
			t.Errorf("describe child: %+v %+v", g, g.HierarchyPath)
		}
		got, _ = c.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{InstanceId: &inst, HierarchyGroupId: parent.HierarchyGroupId})
		if g := got.HierarchyGroup; *g.LevelId != "1" || g.Tags["team"] != "support" || g.HierarchyPath.LevelTwo != nil || *g.HierarchyPath.LevelOne.Id != *parent.HierarchyGroupId {
			t.Errorf("describe parent: %+v", g)
		}

		if _, err := c.UpdateUserHierarchyGroupName(ctx, &connect.UpdateUserHierarchyGroupNameInput{InstanceId: &inst, HierarchyGroupId: child.HierarchyGroupId, Name: aws.String("Lyon")}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateUserHierarchyGroupName(ctx, &connect.UpdateUserHierarchyGroupNameInput{InstanceId: &inst, HierarchyGroupId: child.HierarchyGroupId, Name: aws.String("EMEA")})
		wantAPIError(t, err, "DuplicateResourceException")
		_, err = c.UpdateUserHierarchyGroupName(ctx, &connect.UpdateUserHierarchyGroupNameInput{InstanceId: &inst, HierarchyGroupId: aws.String("missing"), Name: aws.String("x")})
		wantAPIError(t, err, "ResourceNotFoundException")

		list, err := c.ListUserHierarchyGroups(ctx, &connect.ListUserHierarchyGroupsInput{InstanceId: &inst})
		if err != nil || len(list.UserHierarchyGroupSummaryList) != 2 {
			t.Fatalf("list: %+v %v", list, err)
		}
		// Groups made in the same millisecond list in id order, so find the child by its ARN.
		var named string
		for _, g := range list.UserHierarchyGroupSummaryList {
			if *g.Arn == *child.HierarchyGroupArn {
				named = *g.Name
			}
		}
		if named != "Lyon" {
			t.Fatalf("list: %+v", list)
		}
		page, err := c.ListUserHierarchyGroups(ctx, &connect.ListUserHierarchyGroupsInput{InstanceId: &inst, MaxResults: aws.Int32(1)})
		if err != nil || len(page.UserHierarchyGroupSummaryList) != 1 || page.NextToken == nil {
			t.Fatalf("page: %+v %v", page, err)
		}

		// A group with a child group, or with a user, cannot be deleted.
		rp := mustRoutingProfile(t, srv, inst, "Sales")
		sp := mustSecurityProfile(t, srv, inst, "Agent")
		in := newUser(inst, "agent1", rp, sp)
		in.HierarchyGroupId = child.HierarchyGroupId
		user, err := c.CreateUser(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.DeleteUserHierarchyGroup(ctx, &connect.DeleteUserHierarchyGroupInput{InstanceId: &inst, HierarchyGroupId: parent.HierarchyGroupId})
		wantAPIError(t, err, "ResourceInUseException")
		_, err = c.DeleteUserHierarchyGroup(ctx, &connect.DeleteUserHierarchyGroupInput{InstanceId: &inst, HierarchyGroupId: child.HierarchyGroupId})
		wantAPIError(t, err, "ResourceInUseException")
		if _, err := c.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: &inst, UserId: user.UserId}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.DeleteUserHierarchyGroup(ctx, &connect.DeleteUserHierarchyGroupInput{InstanceId: &inst, HierarchyGroupId: child.HierarchyGroupId}); err != nil {
			t.Fatal(err)
		}
		if _, err := c.DeleteUserHierarchyGroup(ctx, &connect.DeleteUserHierarchyGroupInput{InstanceId: &inst, HierarchyGroupId: parent.HierarchyGroupArn}); err != nil {
			t.Fatal(err)
		}
		_, err = c.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{InstanceId: &inst, HierarchyGroupId: parent.HierarchyGroupId})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.DeleteUserHierarchyGroup(ctx, &connect.DeleteUserHierarchyGroupInput{InstanceId: &inst, HierarchyGroupId: parent.HierarchyGroupId})
		wantAPIError(t, err, "ResourceNotFoundException")
		// Nothing left at any level: the structure can be emptied.
		if _, err := c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &inst, HierarchyStructure: levels()}); err != nil {
			t.Fatal(err)
		}
		st, _ := c.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: &inst})
		if st.HierarchyStructure == nil || st.HierarchyStructure.LevelOne != nil {
			t.Errorf("emptied structure: %+v", st.HierarchyStructure)
		}
	})
}
