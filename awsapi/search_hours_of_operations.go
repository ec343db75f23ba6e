package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type HoursOfOperationSearchFilter struct {
	TagFilter *ControlPlaneTagFilter
}

type HoursOfOperationSearchCriteria struct {
	OrConditions    []HoursOfOperationSearchCriteria
	AndConditions   []HoursOfOperationSearchCriteria
	StringCondition *StringCondition
}

func (c HoursOfOperationSearchCriteria) parts() (or, and []HoursOfOperationSearchCriteria, s *StringCondition, other map[string]string) {
	return c.OrConditions, c.AndConditions, c.StringCondition, nil
}

type SearchHoursOfOperationsRequest struct {
	InstanceId     string
	NextToken      *string
	MaxResults     *int
	SearchFilter   *HoursOfOperationSearchFilter
	SearchCriteria *HoursOfOperationSearchCriteria
}

type SearchHoursOfOperationsResponse struct {
	HoursOfOperations     []HoursOfOperation
	NextToken             *string `json:",omitempty"`
	ApproximateTotalCount int64
}

func searchHoursOfOperations(ctx context.Context, a *API, scope connectlocal.Scope, in *SearchHoursOfOperationsRequest) (*SearchHoursOfOperationsResponse, error) {
	q := connectlocal.SearchInput{Instance: in.InstanceId, Page: pageOf(in.NextToken, in.MaxResults), Criteria: searchCriteria(in.SearchCriteria)}
	if in.SearchFilter != nil {
		q.Tags = searchTagFilter(in.SearchFilter.TagFilter)
	}
	rs, next, total, err := a.svc.SearchHoursOfOperations(ctx, scope, q)
	if err != nil {
		return nil, err
	}
	out := &SearchHoursOfOperationsResponse{HoursOfOperations: make([]HoursOfOperation, len(rs)), NextToken: str(next), ApproximateTotalCount: total}
	for i, r := range rs {
		// Search answers carry tags too (the model's HoursOfOperation has Tags); parents by id only.
		out.HoursOfOperations[i] = hoursOut(scope, r, nil)
	}
	return out, nil
}
