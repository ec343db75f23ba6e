package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DisassociateBotRequest struct {
	InstanceId  string
	LexBot      *LexBot
	LexV2Bot    *LexV2Bot
	ClientToken *string
}

func disassociateBot(ctx context.Context, a *API, scope connectlocal.Scope, in *DisassociateBotRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.DisassociateBot(ctx, scope, in.InstanceId, botIn(in.LexBot, in.LexV2Bot))
}
