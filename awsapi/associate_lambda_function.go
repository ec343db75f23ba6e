package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type AssociateLambdaFunctionRequest struct {
	InstanceId  string
	FunctionArn string
	ClientToken *string
}

func associateLambdaFunction(ctx context.Context, a *API, scope connectlocal.Scope, in *AssociateLambdaFunctionRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.AssociateLambdaFunction(ctx, scope, in.InstanceId, in.FunctionArn, val(in.ClientToken))
}
