package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListSecurityProfilesRequest struct {
	InstanceId string
	NextToken  *string
	MaxResults *int
}

type ListSecurityProfilesResponse struct {
	SecurityProfileSummaryList []SecurityProfileSummary
	NextToken                  *string `json:",omitempty"`
}

func listSecurityProfiles(ctx context.Context, a *API, scope connectlocal.Scope, in *ListSecurityProfilesRequest) (*ListSecurityProfilesResponse, error) {
	rs, next, err := a.svc.ListSecurityProfiles(ctx, scope, in.InstanceId, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &ListSecurityProfilesResponse{SecurityProfileSummaryList: make([]SecurityProfileSummary, len(rs)), NextToken: str(next)}
	for i, r := range rs {
		out.SecurityProfileSummaryList[i] = SecurityProfileSummary{Id: r.ID, Arn: r.ARN(scope), Name: r.Value.Name,
			LastModifiedTime: stamp(r.LastModifiedTime), LastModifiedRegion: scope.Region}
	}
	return out, nil
}
