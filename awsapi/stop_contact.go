package awsapi

import (
	"context"
	"encoding/json"

	"github.com/connectlocal/connectlocal"
)

type StopContactRequest struct {
	ContactId        string
	InstanceId       string
	DisconnectReason json.RawMessage
}

func stopContact(ctx context.Context, a *API, scope connectlocal.Scope, in *StopContactRequest) (*empty, error) {
	withReason := len(in.DisconnectReason) > 0 && string(in.DisconnectReason) != "null"
	return &empty{}, a.svc.StopContact(ctx, scope, in.InstanceId, in.ContactId, withReason)
}
