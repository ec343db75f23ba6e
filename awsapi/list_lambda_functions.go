package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListLambdaFunctionsRequest struct {
	InstanceId string
	NextToken  *string
	MaxResults *int
}

type ListLambdaFunctionsResponse struct {
	LambdaFunctions []string
	NextToken       *string `json:",omitempty"`
}

func listLambdaFunctions(ctx context.Context, a *API, scope connectlocal.Scope, in *ListLambdaFunctionsRequest) (*ListLambdaFunctionsResponse, error) {
	arns, next, err := a.svc.ListLambdaFunctions(ctx, scope, in.InstanceId, pageOf(in.NextToken, in.MaxResults))
	if err != nil {
		return nil, err
	}
	return &ListLambdaFunctionsResponse{LambdaFunctions: arns, NextToken: str(next)}, nil
}
