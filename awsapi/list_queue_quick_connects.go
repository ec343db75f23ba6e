package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListQueueQuickConnectsRequest struct {
	InstanceId string
	QueueId    string
	NextToken  *string
	MaxResults *int
}

type ListQueueQuickConnectsResponse struct {
	NextToken               *string `json:",omitempty"`
	QuickConnectSummaryList []QuickConnectSummary
	LastModifiedTime        *epochTime
	LastModifiedRegion      string
}

func listQueueQuickConnects(ctx context.Context, a *API, scope connectlocal.Scope, in *ListQueueQuickConnectsRequest) (*ListQueueQuickConnectsResponse, error) {
	q, rs, next, err := a.svc.QueueQuickConnects(ctx, scope, in.InstanceId, in.QueueId, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	// The list's LastModifiedTime is the queue's: associations change it.
	out := &ListQueueQuickConnectsResponse{QuickConnectSummaryList: make([]QuickConnectSummary, len(rs)), NextToken: str(next),
		LastModifiedTime: stamp(q.LastModifiedTime), LastModifiedRegion: scope.Region}
	for i, r := range rs {
		out.QuickConnectSummaryList[i] = quickConnectSummaryOut(scope, r)
	}
	return out, nil
}
