package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type DescribeContactFlowRequest struct {
	InstanceId    string
	ContactFlowId string
}

type ContactFlow struct {
	Arn                string
	Id                 string
	Name               string
	Type               string
	State              string
	Status             string
	Description        *string `json:",omitempty"`
	Content            string
	Tags               map[string]string `json:",omitempty"`
	FlowContentSha256  string
	LastModifiedTime   *epochTime
	LastModifiedRegion string
}

type DescribeContactFlowResponse struct {
	ContactFlow ContactFlow
}

func describeContactFlow(ctx context.Context, a *API, scope connectlocal.Scope, in *DescribeContactFlowRequest) (*DescribeContactFlowResponse, error) {
	f, tags, err := a.svc.DescribeContactFlow(ctx, scope, in.InstanceId, in.ContactFlowId)
	if err != nil {
		return nil, err
	}
	return &DescribeContactFlowResponse{ContactFlow: ContactFlow{
		Arn: scope.ContactFlowARN(f.InstanceID, f.ID), Id: f.ID, Name: f.Name, Type: f.Type, State: f.FlowState(),
		Status: f.Status, Description: str(f.Description), Content: f.Content, Tags: tagsOut(tags),
		FlowContentSha256: connectlocal.FlowContentSHA256(f.Content), LastModifiedTime: stamp(f.LastModifiedTime),
		LastModifiedRegion: scope.Region,
	}}, nil
}
