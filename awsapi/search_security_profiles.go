package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type SecurityProfilesSearchFilter struct {
	TagFilter *ControlPlaneTagFilter
}

type SecurityProfileSearchCriteria struct {
	OrConditions    []SecurityProfileSearchCriteria
	AndConditions   []SecurityProfileSearchCriteria
	StringCondition *StringCondition
}

func (c SecurityProfileSearchCriteria) parts() (or, and []SecurityProfileSearchCriteria, s *StringCondition, other map[string]string) {
	return c.OrConditions, c.AndConditions, c.StringCondition, nil
}

type SearchSecurityProfilesRequest struct {
	InstanceId     string
	NextToken      *string
	MaxResults     *int
	SearchCriteria *SecurityProfileSearchCriteria
	SearchFilter   *SecurityProfilesSearchFilter
}

type SearchSecurityProfilesResponse struct {
	SecurityProfiles      []SecurityProfileSearchSummary
	NextToken             *string `json:",omitempty"`
	ApproximateTotalCount int64
}

func searchSecurityProfiles(ctx context.Context, a *API, scope connectlocal.Scope, in *SearchSecurityProfilesRequest) (*SearchSecurityProfilesResponse, error) {
	q := connectlocal.SearchInput{Instance: in.InstanceId, Page: pageOf(in.NextToken, in.MaxResults), Criteria: searchCriteria(in.SearchCriteria)}
	if in.SearchFilter != nil {
		q.Tags = searchTagFilter(in.SearchFilter.TagFilter)
	}
	rs, next, total, err := a.svc.SearchSecurityProfiles(ctx, scope, q)
	if err != nil {
		return nil, err
	}
	out := &SearchSecurityProfilesResponse{SecurityProfiles: make([]SecurityProfileSearchSummary, len(rs)), NextToken: str(next), ApproximateTotalCount: total}
	for i, r := range rs {
		out.SecurityProfiles[i] = SecurityProfileSearchSummary{Id: r.ID, OrganizationResourceId: r.InstanceID, Arn: r.ARN(scope),
			SecurityProfileName: r.Value.Name, Description: str(r.Value.Description), Tags: tagsOut(r.Tags)}
	}
	return out, nil
}
