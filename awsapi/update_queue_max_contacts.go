package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type UpdateQueueMaxContactsRequest struct {
	InstanceId  string
	QueueId     string
	MaxContacts *int // absent: no limit
}

func updateQueueMaxContacts(ctx context.Context, a *API, scope connectlocal.Scope, in *UpdateQueueMaxContactsRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.UpdateQueue(ctx, scope, connectlocal.QueueUpdate{Instance: in.InstanceId, ID: in.QueueId, SetMaxContacts: true, MaxContacts: in.MaxContacts})
}
