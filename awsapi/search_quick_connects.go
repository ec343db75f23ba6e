package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type QuickConnectSearchFilter struct {
	TagFilter *ControlPlaneTagFilter
}

type QuickConnectSearchCriteria struct {
	OrConditions    []QuickConnectSearchCriteria
	AndConditions   []QuickConnectSearchCriteria
	StringCondition *StringCondition
}

func (c QuickConnectSearchCriteria) parts() (or, and []QuickConnectSearchCriteria, s *StringCondition, other map[string]string) {
	return c.OrConditions, c.AndConditions, c.StringCondition, nil
}

type SearchQuickConnectsRequest struct {
	InstanceId     string
	NextToken      *string
	MaxResults     *int
	SearchFilter   *QuickConnectSearchFilter
	SearchCriteria *QuickConnectSearchCriteria
}

type SearchQuickConnectsResponse struct {
	QuickConnects         []QuickConnect
	NextToken             *string `json:",omitempty"`
	ApproximateTotalCount int64
}

func searchQuickConnects(ctx context.Context, a *API, scope connectlocal.Scope, in *SearchQuickConnectsRequest) (*SearchQuickConnectsResponse, error) {
	q := connectlocal.SearchInput{Instance: in.InstanceId, Page: pageOf(in.NextToken, in.MaxResults), Criteria: searchCriteria(in.SearchCriteria)}
	if in.SearchFilter != nil {
		q.Tags = searchTagFilter(in.SearchFilter.TagFilter)
	}
	rs, next, total, err := a.svc.SearchQuickConnects(ctx, scope, q)
	if err != nil {
		return nil, err
	}
	out := &SearchQuickConnectsResponse{QuickConnects: make([]QuickConnect, len(rs)), NextToken: str(next), ApproximateTotalCount: total}
	for i, r := range rs {
		out.QuickConnects[i] = quickConnectOut(scope, r)
	}
	return out, nil
}
