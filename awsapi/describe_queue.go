package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeQueueRequest struct {
	InstanceId string
	QueueId    string
}

type DescribeQueueResponse struct {
	Queue Queue
}

func describeQueue(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeQueueRequest) (*DescribeQueueResponse, error) {
	r, err := a.svc.DescribeQueue(ctx, scope, in.InstanceId, in.QueueId)
	if err != nil {
		return nil, err
	}
	return &DescribeQueueResponse{Queue: queueOut(scope, r)}, nil
}
