package connectlocal

import (
	"context"
	"slices"
)

// SecurityProfileKind describes security profiles to the shared object helpers (service_objects.go).
var SecurityProfileKind = ObjectKindInfo{Kind: KindSecurityProfile, Noun: "Security profile",
	Quota: MaxSecurityProfilesPerInstance, QuotaName: "security-profiles-per-instance"}

// SecurityProfileInput is CreateSecurityProfile's request (and UpdateSecurityProfile's, whose nil members
// stay), already checked against the model.
type SecurityProfileInput struct {
	Instance    string
	ID          string // Update only
	Name        string // Create only: the name cannot change (Terraform forces a new profile)
	Description *string
	// Permissions replace the profile's when not nil, so an empty list clears them (Terraform sends [] for
	// that, research-routing §2).
	Permissions                          []string
	AllowedAccessControlTags             map[string]string
	TagRestrictedResources               []string
	HierarchyRestrictedResources         []string
	AllowedAccessControlHierarchyGroupID *string
	Tags                                 map[string]string
}

// permissionSet drops repeats and keeps the first order, so ListSecurityProfilePermissions names each once.
// Decided: any permission name of the model's length is taken; the set of names the service knows is not
// published as a list.
func permissionSet(in []string) []string {
	out := make([]string, 0, len(in))
	for _, p := range in {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// CreateSecurityProfile stores a new security profile; the name is unique in the instance.
func (s *Service) CreateSecurityProfile(ctx context.Context, scope Scope, in SecurityProfileInput) (Record[SecurityProfile], error) {
	v := SecurityProfile{Name: in.Name, Description: deref(in.Description), Permissions: permissionSet(in.Permissions),
		AllowedAccessControlTags: in.AllowedAccessControlTags, TagRestrictedResources: in.TagRestrictedResources,
		HierarchyRestrictedResources: in.HierarchyRestrictedResources, AllowedAccessControlHierarchyGroupID: deref(in.AllowedAccessControlHierarchyGroupID)}
	return createRecord(ctx, s, scope, SecurityProfileKind, NewObject[SecurityProfile]{Instance: in.Instance, Name: v.Name, Value: v, Tags: in.Tags})
}

// DescribeSecurityProfile reads a security profile with its tags.
func (s *Service) DescribeSecurityProfile(ctx context.Context, scope Scope, instance, id string) (Record[SecurityProfile], error) {
	return describeRecord[SecurityProfile](ctx, s, scope, SecurityProfileKind, instance, id)
}

// ListSecurityProfiles reads one page of the instance's security profiles.
func (s *Service) ListSecurityProfiles(ctx context.Context, scope Scope, instance string, page Page) ([]Record[SecurityProfile], string, error) {
	return listRecords[SecurityProfile](ctx, s, scope, SecurityProfileKind, instance, page, 100, "", nil)
}

// UpdateSecurityProfile changes the members the request names.
func (s *Service) UpdateSecurityProfile(ctx context.Context, scope Scope, in SecurityProfileInput) error {
	_, err := updateRecord(ctx, s, scope, SecurityProfileKind, in.Instance, in.ID, func(tx Tx, inst string, r *Record[SecurityProfile]) error {
		if in.Description != nil {
			r.Value.Description = *in.Description
		}
		if in.Permissions != nil {
			r.Value.Permissions = permissionSet(in.Permissions)
		}
		if in.AllowedAccessControlTags != nil {
			r.Value.AllowedAccessControlTags = in.AllowedAccessControlTags
		}
		if in.TagRestrictedResources != nil {
			r.Value.TagRestrictedResources = in.TagRestrictedResources
		}
		if in.HierarchyRestrictedResources != nil {
			r.Value.HierarchyRestrictedResources = in.HierarchyRestrictedResources
		}
		if in.AllowedAccessControlHierarchyGroupID != nil {
			r.Value.AllowedAccessControlHierarchyGroupID = *in.AllowedAccessControlHierarchyGroupID
		}
		return nil
	})
	return err
}

// DeleteSecurityProfile removes a security profile no user has (ResourceInUseException otherwise, as the
// operation's error list has it).
func (s *Service) DeleteSecurityProfile(ctx context.Context, scope Scope, instance, id string) error {
	return deleteRecord(ctx, s, scope, SecurityProfileKind, instance, id, func(tx Tx, inst string, r Record[SecurityProfile]) error {
		return refuseIfReferenced(tx, scope, inst, SecurityProfileKind, r.ID)
	})
}

// ListSecurityProfilePermissions reads one page of a profile's permissions, with the profile itself (its
// LastModifiedTime answers too).
func (s *Service) ListSecurityProfilePermissions(ctx context.Context, scope Scope, instance, id string, page Page) ([]string, string, Record[SecurityProfile], error) {
	var sp Record[SecurityProfile]
	items, next, err := listPage(ctx, s, page, 100, func(tx Tx) (string, func(Cursor, int) ([]positioned[string], error), error) {
		inst, err := requireInstance(tx, scope, instance)
		if err != nil {
			return "", nil, err
		}
		if sp, err = getRecord[SecurityProfile](tx, scope, inst, SecurityProfileKind, id); err != nil {
			return "", nil, err
		}
		return "SecurityProfilePermissions\x00" + inst + "\x00" + sp.ID, func(after Cursor, limit int) ([]positioned[string], error) {
			var out []positioned[string]
			for i := positionOf(after); i < len(sp.Value.Permissions) && len(out) < limit; i++ {
				out = append(out, positioned[string]{i, sp.Value.Permissions[i]})
			}
			return out, nil
		}, nil
	}, positioned[string].cursor)
	perms := make([]string, len(items))
	for i, it := range items {
		perms[i] = it.v
	}
	return perms, next, sp, err
}

// SearchSecurityProfiles finds security profiles by name, description, resourceID and tags. Decided: the
// model documents no field names for SecurityProfileSearchCriteria beyond `name`; the others are those every
// other routing object's search takes.
func (s *Service) SearchSecurityProfiles(ctx context.Context, scope Scope, in SearchInput) ([]Record[SecurityProfile], string, int64, error) {
	return searchRecords(ctx, s, scope, SecurityProfileKind, in, func(r Record[SecurityProfile]) SearchFields {
		return func(field string) ([]string, bool) {
			switch field {
			case "name", "securityProfileName":
				return []string{r.Value.Name}, true
			case "description":
				return []string{r.Value.Description}, true
			case "resourceID":
				return []string{r.ID}, true
			}
			return nil, false
		}
	}, nil)
}
