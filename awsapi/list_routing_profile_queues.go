package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListRoutingProfileQueuesRequest struct {
	InstanceId       string
	RoutingProfileId string
	NextToken        *string
	MaxResults       *int
}

type ListRoutingProfileQueuesResponse struct {
	NextToken                            *string `json:",omitempty"`
	RoutingProfileQueueConfigSummaryList []RoutingProfileQueueConfigSummary
	LastModifiedTime                     *epochTime
	LastModifiedRegion                   string
}

func listRoutingProfileQueues(ctx context.Context, a *API, scope connectlocal.Scope, in *ListRoutingProfileQueuesRequest) (*ListRoutingProfileQueuesResponse, error) {
	qs, next, rp, err := a.svc.ListRoutingProfileQueues(ctx, scope, in.InstanceId, in.RoutingProfileId, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &ListRoutingProfileQueuesResponse{NextToken: str(next), RoutingProfileQueueConfigSummaryList: make([]RoutingProfileQueueConfigSummary, len(qs)),
		LastModifiedTime: stamp(rp.LastModifiedTime), LastModifiedRegion: scope.Region}
	for i, q := range qs {
		out.RoutingProfileQueueConfigSummaryList[i] = RoutingProfileQueueConfigSummary{QueueId: q.QueueID,
			QueueArn: scope.ObjectARN(rp.InstanceID, connectlocal.KindQueue, q.QueueID), QueueName: q.QueueName,
			Priority: q.Priority, Delay: q.Delay, Channel: q.Channel}
	}
	return out, nil
}
