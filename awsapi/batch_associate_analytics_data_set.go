package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type BatchAssociateAnalyticsDataSetRequest struct {
	InstanceId      string
	DataSetIds      []string
	TargetAccountId *string
}

type ErrorResult struct {
	ErrorCode    string
	ErrorMessage string
}

type BatchAssociateAnalyticsDataSetResponse struct {
	Created []AnalyticsDataAssociationResult
	Errors  []ErrorResult
}

func batchAssociateAnalyticsDataSet(ctx context.Context, a *API, scope connectlocal.Scope, in *BatchAssociateAnalyticsDataSetRequest) (*BatchAssociateAnalyticsDataSetResponse, error) {
	list, err := a.svc.AssociateAnalyticsDataSets(ctx, scope, in.InstanceId, in.DataSetIds, val(in.TargetAccountId))
	if err != nil {
		return nil, err
	}
	out := &BatchAssociateAnalyticsDataSetResponse{Created: make([]AnalyticsDataAssociationResult, len(list)), Errors: []ErrorResult{}}
	for i, as := range list {
		out.Created[i] = associationOut(scope, as)
	}
	return out, nil
}
