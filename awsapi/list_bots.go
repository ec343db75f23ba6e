package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListBotsRequest struct {
	InstanceId string
	NextToken  *string
	MaxResults *int
	LexVersion string
}

type ListBotsResponse struct {
	LexBots   []LexBotConfig
	NextToken *string `json:",omitempty"`
}

func listBots(ctx context.Context, a *API, scope connectlocal.Scope, in *ListBotsRequest) (*ListBotsResponse, error) {
	bots, next, err := a.svc.ListBots(ctx, scope, in.InstanceId, in.LexVersion, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	out := &ListBotsResponse{LexBots: make([]LexBotConfig, len(bots)), NextToken: str(next)}
	for i, b := range bots {
		if b.LexV2Alias != "" {
			out.LexBots[i] = LexBotConfig{LexV2Bot: &LexV2Bot{AliasArn: str(b.LexV2Alias)}}
		} else {
			out.LexBots[i] = LexBotConfig{LexBot: &LexBot{Name: b.LexV1Name, LexRegion: b.LexV1Region}}
		}
	}
	return out, nil
}
