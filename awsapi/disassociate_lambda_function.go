package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DisassociateLambdaFunctionRequest struct {
	InstanceId  string
	FunctionArn string
	ClientToken *string
}

func disassociateLambdaFunction(ctx context.Context, a *API, scope connectlocal.Scope, in *DisassociateLambdaFunctionRequest) (*struct{}, error) {
	return &struct{}{}, a.svc.DisassociateLambdaFunction(ctx, scope, in.InstanceId, in.FunctionArn)
}
