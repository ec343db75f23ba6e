package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListQueuesRequest struct {
	InstanceId string
	QueueTypes []string
	NextToken  *string
	MaxResults *int
}

type ListQueuesResponse struct {
	QueueSummaryList []QueueSummary
	NextToken        *string `json:",omitempty"`
}

func listQueues(ctx context.Context, a *API, scope connectlocal.Scope, in *ListQueuesRequest) (*ListQueuesResponse, error) {
	rs, next, err := a.svc.ListQueues(ctx, scope, in.InstanceId, in.QueueTypes, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &ListQueuesResponse{QueueSummaryList: make([]QueueSummary, len(rs)), NextToken: str(next)}
	for i, r := range rs {
		out.QueueSummaryList[i] = queueSummaryOut(scope, r)
	}
	return out, nil
}
