package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type AssociateBotRequest struct {
	InstanceId  string
	LexBot      *LexBot
	LexV2Bot    *LexV2Bot
	ClientToken *string
}

func associateBot(ctx context.Context, a *API, scope connectlocal.Scope, in *AssociateBotRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.AssociateBot(ctx, scope, in.InstanceId, val(in.ClientToken), botIn(in.LexBot, in.LexV2Bot))
}
