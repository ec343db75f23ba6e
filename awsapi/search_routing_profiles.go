package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type RoutingProfileSearchFilter struct {
	TagFilter *ControlPlaneTagFilter
}

type RoutingProfileSearchCriteria struct {
	OrConditions    []RoutingProfileSearchCriteria
	AndConditions   []RoutingProfileSearchCriteria
	StringCondition *StringCondition
}

func (c RoutingProfileSearchCriteria) parts() (or, and []RoutingProfileSearchCriteria, s *StringCondition, other map[string]string) {
	return c.OrConditions, c.AndConditions, c.StringCondition, nil
}

type SearchRoutingProfilesRequest struct {
	InstanceId     string
	NextToken      *string
	MaxResults     *int
	SearchFilter   *RoutingProfileSearchFilter
	SearchCriteria *RoutingProfileSearchCriteria
}

type SearchRoutingProfilesResponse struct {
	RoutingProfiles       []RoutingProfile
	NextToken             *string `json:",omitempty"`
	ApproximateTotalCount int64
}

func searchRoutingProfiles(ctx context.Context, a *API, scope connectlocal.Scope, in *SearchRoutingProfilesRequest) (*SearchRoutingProfilesResponse, error) {
	q := connectlocal.SearchInput{Instance: in.InstanceId, Page: pageOf(in.NextToken, in.MaxResults), Criteria: searchCriteria(in.SearchCriteria)}
	if in.SearchFilter != nil {
		q.Tags = searchTagFilter(in.SearchFilter.TagFilter)
	}
	rs, next, total, err := a.svc.SearchRoutingProfiles(ctx, scope, q)
	if err != nil {
		return nil, err
	}
	out := &SearchRoutingProfilesResponse{RoutingProfiles: make([]RoutingProfile, len(rs)), NextToken: str(next), ApproximateTotalCount: total}
	for i, r := range rs {
		out.RoutingProfiles[i] = routingProfileOut(scope, r)
	}
	return out, nil
}
