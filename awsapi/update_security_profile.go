package awsapi

import (
	"context"
	"encoding/json"

	"github.com/connectlocal/connectlocal"
)

type UpdateSecurityProfileRequest struct {
	Description *string
	// Permissions present replace the profile's, an empty list too: Terraform clears them so.
	Permissions                          []string
	SecurityProfileId                    string
	InstanceId                           string
	AllowedAccessControlTags             map[string]string
	TagRestrictedResources               []string
	Applications                         json.RawMessage
	HierarchyRestrictedResources         []string
	AllowedAccessControlHierarchyGroupId *string
	AllowedFlowModules                   json.RawMessage
	GranularAccessControlConfiguration   json.RawMessage
}

func updateSecurityProfile(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateSecurityProfileRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateSecurityProfile(ctx, scope, connectlocal.SecurityProfileInput{Instance: in.InstanceId,
		ID: in.SecurityProfileId, Description: in.Description, Permissions: in.Permissions,
		AllowedAccessControlTags: in.AllowedAccessControlTags, TagRestrictedResources: in.TagRestrictedResources,
		HierarchyRestrictedResources: in.HierarchyRestrictedResources, AllowedAccessControlHierarchyGroupID: in.AllowedAccessControlHierarchyGroupId})
}
