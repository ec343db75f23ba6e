package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type AssociateAnalyticsDataSetRequest struct {
	InstanceId      string
	DataSetId       string
	TargetAccountId *string
}

type AssociateAnalyticsDataSetResponse struct {
	DataSetId        string
	TargetAccountId  string
	ResourceShareId  string
	ResourceShareArn string
}

type AnalyticsDataAssociationResult struct {
	DataSetId           string
	TargetAccountId     string
	ResourceShareId     string
	ResourceShareArn    string
	ResourceShareStatus string
}

func associationOut(scope connectlocal.Scope, as connectlocal.AnalyticsDataAssociation) AnalyticsDataAssociationResult {
	return AnalyticsDataAssociationResult{DataSetId: as.DataSetID, TargetAccountId: as.TargetAccountID,
		ResourceShareId: as.ResourceShareID, ResourceShareArn: as.ResourceShareARN(scope), ResourceShareStatus: connectlocal.ResourceShareStatus}
}

func associateAnalyticsDataSet(ctx context.Context, a *API, scope connectlocal.Scope, in *AssociateAnalyticsDataSetRequest) (*AssociateAnalyticsDataSetResponse, error) {
	list, failed, err := a.svc.AssociateAnalyticsDataSets(ctx, scope, in.InstanceId, []string{in.DataSetId}, val(in.TargetAccountId))
	if err != nil {
		return nil, err
	}
	if len(failed) > 0 {
		return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "%s", failed[0].Message)
	}
	o := associationOut(scope, list[0])
	return &AssociateAnalyticsDataSetResponse{DataSetId: o.DataSetId, TargetAccountId: o.TargetAccountId,
		ResourceShareId: o.ResourceShareId, ResourceShareArn: o.ResourceShareArn}, nil
}
