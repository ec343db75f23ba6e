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
	list, failed, err := a.svc.AssociateAnalyticsDataSets(ctx, scope, in.InstanceId, in.DataSetIds, val(in.TargetAccountId))
	if err != nil {
		return nil, err
	}
	out := &BatchAssociateAnalyticsDataSetResponse{Created: make([]AnalyticsDataAssociationResult, len(list)), Errors: []ErrorResult{}}
	for i, as := range list {
		out.Created[i] = associationOut(scope, as)
	}
	// An already associated data set is the single form's InvalidParameterException, reported per item here as
	// BatchDisassociateAnalyticsDataSet reports a missing one (ErrorResult has no DataSetId; the message names it).
	for _, f := range failed {
		out.Errors = append(out.Errors, ErrorResult{ErrorCode: "InvalidParameterException", ErrorMessage: f.Message})
	}
	return out, nil
}
