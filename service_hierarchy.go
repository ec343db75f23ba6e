package connectlocal

import (
	"context"
	"strconv"
	"time"
	"unicode/utf8"
)

// HierarchyGroupKind describes user hierarchy groups to the shared object helpers (service_objects.go).
var HierarchyGroupKind = ObjectKindInfo{Kind: KindHierarchyGroup, Noun: "Hierarchy group", Quota: MaxHierarchyGroupsPerInstance,
	QuotaName: "hierarchy-groups-per-instance"}

// The model's documentation of the names: a group's "must not be more than 100 characters", a level's 50.
const (
	maxHierarchyGroupName = 100
	maxHierarchyLevelName = 50
	hierarchyLevels       = 5
)

// HierarchyLevelARN is .../instance/INSTANCE/agent-group-level/N, N = 1..5 (aws-cli
// examples/connect/describe-user-hierarchy-structure.rst; the CloudFormation schema's HierarchyLevelArn).
func (s Scope) HierarchyLevelARN(instanceID string, level int) string {
	return s.InstanceARN(instanceID) + "/agent-group-level/" + strconv.Itoa(level)
}

func checkGroupName(name string) error {
	if name == "" || utf8.RuneCountInString(name) > maxHierarchyGroupName {
		return Errorf(InvalidArgument, "Name must be 1 to %d characters", maxHierarchyGroupName)
	}
	return nil
}

// readStructure reads the instance's hierarchy structure: the zero one when none was ever set.
func readStructure(tx Tx, scope Scope, inst string) (HierarchyStructure, Object, error) {
	o, err := tx.GetObject(scope, inst, KindHierarchyStructure, inst)
	if CodeOf(err) == NotFound {
		return HierarchyStructure{}, Object{}, nil
	}
	if err != nil {
		return HierarchyStructure{}, Object{}, err
	}
	var h HierarchyStructure
	return h, o, DecodeObject(o, &h)
}

// HierarchyGroupInput is CreateUserHierarchyGroup's request.
type HierarchyGroupInput struct {
	Instance string
	Name     string
	ParentID string
	Tags     map[string]string
}

// CreateUserHierarchyGroup stores a group one level below its parent (level 1 without one, as the model's
// ParentGroupId documentation says). The level must be defined in the instance's hierarchy structure:
// InvalidRequestException otherwise (decided, research-routing §3); an unknown parent is not found.
func (s *Service) CreateUserHierarchyGroup(ctx context.Context, scope Scope, in HierarchyGroupInput) (Record[HierarchyGroup], error) {
	if err := checkGroupName(in.Name); err != nil {
		return Record[HierarchyGroup]{}, err
	}
	return createRecord(ctx, s, scope, HierarchyGroupKind, NewObject[HierarchyGroup]{Instance: in.Instance, Name: in.Name,
		Value: HierarchyGroup{Name: in.Name, Level: 1}, Tags: in.Tags,
		Check: func(tx Tx, inst string, g *HierarchyGroup) error {
			if in.ParentID != "" {
				parent, err := getRecord[HierarchyGroup](tx, scope, inst, HierarchyGroupKind, in.ParentID)
				if err != nil {
					return err
				}
				g.ParentID, g.Level = parent.ID, parent.Value.Level+1
			}
			h, _, err := readStructure(tx, scope, inst)
			if err != nil {
				return err
			}
			if g.Level > hierarchyLevels || h.Levels[g.Level-1].Name == "" {
				return Errorf(InvalidRequest, "Hierarchy level %d is not defined in the instance's hierarchy structure", g.Level)
			}
			return nil
		}})
}

// HierarchyGroupView is a group with its path: the groups from level 1 down to itself.
type HierarchyGroupView struct {
	Record[HierarchyGroup]
	Path []Record[HierarchyGroup]
}

// DescribeUserHierarchyGroup reads a group with its tags and its path.
func (s *Service) DescribeUserHierarchyGroup(ctx context.Context, scope Scope, instance, id string) (HierarchyGroupView, error) {
	var v HierarchyGroupView
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		if v.Record, err = getRecord[HierarchyGroup](tx, scope, inst, HierarchyGroupKind, id); err != nil {
			return err
		}
		if v.Tags, err = tx.Tags(scope, v.ARN(scope)); err != nil {
			return err
		}
		v.Path = []Record[HierarchyGroup]{v.Record}
		for g := v.Record; g.Value.ParentID != "" && len(v.Path) < hierarchyLevels; {
			o, err := tx.GetObject(scope, inst, KindHierarchyGroup, g.Value.ParentID)
			if err != nil {
				return err
			}
			if g, err = decodeRecord[HierarchyGroup](o); err != nil {
				return err
			}
			v.Path = append([]Record[HierarchyGroup]{g}, v.Path...)
		}
		return nil
	})
	return v, err
}

// ListUserHierarchyGroups reads one page of the instance's groups.
func (s *Service) ListUserHierarchyGroups(ctx context.Context, scope Scope, instance string, page Page) ([]Record[HierarchyGroup], string, error) {
	return listRecords[HierarchyGroup](ctx, s, scope, HierarchyGroupKind, instance, page, 100, "", nil)
}

// UpdateUserHierarchyGroupName renames a group; a name another group has is DuplicateResourceException.
func (s *Service) UpdateUserHierarchyGroupName(ctx context.Context, scope Scope, instance, id, name string) error {
	if err := checkGroupName(name); err != nil {
		return err
	}
	_, err := updateRecord(ctx, s, scope, HierarchyGroupKind, instance, id, func(tx Tx, inst string, r *Record[HierarchyGroup]) error {
		r.Value.Name, r.Name = name, name
		return nil
	})
	return err
}

// DeleteUserHierarchyGroup removes a group that no user is in and no group is under: "It must not be
// associated with any agents or have any active child groups" (the model's documentation);
// ResourceInUseException otherwise.
func (s *Service) DeleteUserHierarchyGroup(ctx context.Context, scope Scope, instance, id string) error {
	return deleteRecord(ctx, s, scope, HierarchyGroupKind, instance, id, func(tx Tx, inst string, r Record[HierarchyGroup]) error {
		return refuseIfReferenced(tx, scope, inst, HierarchyGroupKind, r.ID)
	})
}

// HierarchyStructureView is the instance's structure as DescribeUserHierarchyStructure shows it.
type HierarchyStructureView struct {
	InstanceID       string
	Structure        HierarchyStructure
	LastModifiedTime time.Time
}

// DescribeUserHierarchyStructure reads the instance's structure (the zero one when none was set: Terraform
// needs an object even then, research-routing §2) and when it last changed.
func (s *Service) DescribeUserHierarchyStructure(ctx context.Context, scope Scope, instance string) (HierarchyStructureView, error) {
	var v HierarchyStructureView
	err := s.Store.View(ctx, func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		h, o, err := readStructure(tx, scope, inst)
		v = HierarchyStructureView{InstanceID: inst, Structure: h, LastModifiedTime: o.LastModifiedTime}
		return err
	})
	return v, err
}

// UpdateUserHierarchyStructure sets the level names: names[i] nil removes level i+1. A level cannot be set
// while a level above it is missing (decided), and a level that still holds groups cannot be removed
// (ResourceInUseException, research-routing §3). Removing every level is how Terraform destroys the
// structure, and succeeds when no group is left.
func (s *Service) UpdateUserHierarchyStructure(ctx context.Context, scope Scope, instance string, names [hierarchyLevels]*string) error {
	for i, n := range names {
		if n == nil {
			continue
		}
		if *n == "" || utf8.RuneCountInString(*n) > maxHierarchyLevelName {
			return Errorf(InvalidArgument, "HierarchyStructure level %d: Name must be 1 to %d characters", i+1, maxHierarchyLevelName)
		}
		for j := 0; j < i; j++ {
			if names[j] == nil {
				return Errorf(InvalidArgument, "HierarchyStructure level %d cannot be set without level %d", i+1, j+1)
			}
		}
	}
	// New levels' ids are drawn before the Update, which may run more than once.
	var fresh [hierarchyLevels]string
	for i := range fresh {
		fresh[i] = s.NewID()
	}
	now := s.now()
	return s.Store.Update(ctx, instanceKey(scope, instance), func(tx Tx) error {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return err
		}
		h, o, err := readStructure(tx, scope, inst)
		if err != nil {
			return err
		}
		var removed [hierarchyLevels]bool
		anyRemoved := false
		for i, n := range names {
			switch {
			case n == nil:
				removed[i] = h.Levels[i].Name != ""
				anyRemoved = anyRemoved || removed[i]
				h.Levels[i] = HierarchyLevel{}
			case h.Levels[i].ID == "":
				h.Levels[i] = HierarchyLevel{ID: fresh[i], Name: *n}
			default:
				h.Levels[i].Name = *n
			}
		}
		if anyRemoved {
			groups, err := allRecords[HierarchyGroup](tx, scope, inst, KindHierarchyGroup)
			if err != nil {
				return err
			}
			for _, g := range groups {
				if g.Value.Level >= 1 && g.Value.Level <= hierarchyLevels && removed[g.Value.Level-1] {
					return Errorf(InUse, "Hierarchy level %d is in use by hierarchy group '%s'", g.Value.Level, g.ID)
				}
			}
		}
		if o.ID == "" {
			o = Object{InstanceID: inst, Kind: KindHierarchyStructure, ID: inst, CreatedTime: now}
		}
		o.LastModifiedTime = now
		if err := EncodeObject(&o, h); err != nil {
			return err
		}
		return tx.PutObject(scope, o)
	})
}
