package awsapi

import (
	"context"
	"encoding/json"

	"github.com/connectlocal/connectlocal"
)

// CreateSecurityProfileRequest: Applications, AllowedFlowModules and GranularAccessControlConfiguration are
// accepted and not kept (no operation of connectlocal reads them back; see the README).
type CreateSecurityProfileRequest struct {
	SecurityProfileName                  string
	Description                          *string
	Permissions                          []string
	InstanceId                           string
	Tags                                 map[string]string
	AllowedAccessControlTags             map[string]string
	TagRestrictedResources               []string
	Applications                         json.RawMessage
	HierarchyRestrictedResources         []string
	AllowedAccessControlHierarchyGroupId *string
	AllowedFlowModules                   json.RawMessage
	GranularAccessControlConfiguration   json.RawMessage
}

type CreateSecurityProfileResponse struct {
	SecurityProfileId  string
	SecurityProfileArn string
}

func createSecurityProfile(ctx context.Context, a *API, scope connectlocal.Scope, in *CreateSecurityProfileRequest) (*CreateSecurityProfileResponse, error) {
	r, err := a.svc.CreateSecurityProfile(ctx, scope, connectlocal.SecurityProfileInput{Instance: in.InstanceId, Name: in.SecurityProfileName,
		Description: in.Description, Permissions: in.Permissions, AllowedAccessControlTags: in.AllowedAccessControlTags,
		TagRestrictedResources: in.TagRestrictedResources, HierarchyRestrictedResources: in.HierarchyRestrictedResources,
		AllowedAccessControlHierarchyGroupID: in.AllowedAccessControlHierarchyGroupId, Tags: in.Tags})
	if err != nil {
		return nil, err
	}
	return &CreateSecurityProfileResponse{SecurityProfileId: r.ID, SecurityProfileArn: r.ARN(scope)}, nil
}
