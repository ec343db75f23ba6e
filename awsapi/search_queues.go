package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type QueueSearchFilter struct {
	TagFilter *ControlPlaneTagFilter
}

type QueueSearchCriteria struct {
	OrConditions       []QueueSearchCriteria
	AndConditions      []QueueSearchCriteria
	StringCondition    *StringCondition
	QueueTypeCondition *string
}

func (c QueueSearchCriteria) parts() (or, and []QueueSearchCriteria, s *StringCondition, other map[string]string) {
	if c.QueueTypeCondition != nil {
		other = map[string]string{"QueueTypeCondition": *c.QueueTypeCondition}
	}
	return c.OrConditions, c.AndConditions, c.StringCondition, other
}

type SearchQueuesRequest struct {
	InstanceId     string
	NextToken      *string
	MaxResults     *int
	SearchFilter   *QueueSearchFilter
	SearchCriteria *QueueSearchCriteria
}

type SearchQueuesResponse struct {
	Queues                []Queue
	NextToken             *string `json:",omitempty"`
	ApproximateTotalCount int64
}

func searchQueues(ctx context.Context, a *API, scope connectlocal.Scope, in *SearchQueuesRequest) (*SearchQueuesResponse, error) {
	q := connectlocal.SearchInput{Instance: in.InstanceId, Page: pageOf(in.NextToken, in.MaxResults), Criteria: searchCriteria(in.SearchCriteria)}
	if in.SearchFilter != nil {
		q.Tags = searchTagFilter(in.SearchFilter.TagFilter)
	}
	rs, next, total, err := a.svc.SearchQueues(ctx, scope, q)
	if err != nil {
		return nil, err
	}
	out := &SearchQueuesResponse{Queues: make([]Queue, len(rs)), NextToken: str(next), ApproximateTotalCount: total}
	for i, r := range rs {
		out.Queues[i] = queueOut(scope, r)
	}
	return out, nil
}
