package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListSecurityProfilePermissionsRequest struct {
	SecurityProfileId string
	InstanceId        string
	NextToken         *string
	MaxResults        *int
}

type ListSecurityProfilePermissionsResponse struct {
	Permissions        []string
	NextToken          *string `json:",omitempty"`
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

func listSecurityProfilePermissions(ctx context.Context, a *API, scope connectlocal.Scope, in *ListSecurityProfilePermissionsRequest) (*ListSecurityProfilePermissionsResponse, error) {
	perms, next, sp, err := a.svc.ListSecurityProfilePermissions(ctx, scope, in.InstanceId, in.SecurityProfileId, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	return &ListSecurityProfilePermissionsResponse{Permissions: perms, NextToken: str(next), LastModifiedTime: stamp(sp.LastModifiedTime),
		LastModifiedRegion: scope.Region}, nil
}
