package awsapi

import (
	"context"
	"strconv"

	"github.com/connectlocal/connectlocal"
)

type GetTaskTemplateRequest struct {
	InstanceId      string
	TaskTemplateId  string
	SnapshotVersion *string
}

// GetTaskTemplateResponse is also UpdateTaskTemplate's answer, which has the same members but Tags.
type GetTaskTemplateResponse struct {
	InstanceId       string
	Id               string
	Arn              string
	Name             string
	Description      *string                  `json:",omitempty"`
	ContactFlowId    *string                  `json:",omitempty"`
	SelfAssignFlowId *string                  `json:",omitempty"`
	Constraints      *TaskTemplateConstraints `json:",omitempty"`
	Defaults         *TaskTemplateDefaults    `json:",omitempty"`
	Fields           []TaskTemplateField
	Status           string
	LastModifiedTime *epochTime        `json:",omitempty"`
	CreatedTime      *epochTime        `json:",omitempty"`
	Tags             map[string]string `json:",omitempty"`
}

func templateOut(scope connectlocal.Scope, t connectlocal.TaskTemplate, tags map[string]string) *GetTaskTemplateResponse {
	return &GetTaskTemplateResponse{
		InstanceId: t.InstanceID, Id: t.ID, Arn: scope.TaskTemplateARN(t.InstanceID, t.ID), Name: t.Name,
		Description: str(t.Description), ContactFlowId: str(t.ContactFlowID), SelfAssignFlowId: str(t.SelfAssignFlowID),
		Constraints: constraintsOut(t.Constraints), Defaults: defaultsOut(t.Defaults), Fields: fieldsOut(t.Fields),
		Status: string(t.Status), LastModifiedTime: stamp(t.LastModifiedTime), CreatedTime: stamp(t.CreatedTime),
		Tags: tagsOut(tags),
	}
}

func getTaskTemplate(ctx context.Context, a *API, scope connectlocal.Scope, in *GetTaskTemplateRequest) (*GetTaskTemplateResponse, error) {
	var version int64
	if in.SnapshotVersion != nil {
		v, err := strconv.ParseInt(*in.SnapshotVersion, 10, 64)
		if err != nil || v < 1 {
			// spec-facts §5: a snapshotVersion that is not a positive integer.
			return nil, connectlocal.Errorf(connectlocal.InvalidArgument, "Invalid snapshotVersion '%s': it must be a positive integer", *in.SnapshotVersion)
		}
		version = v
	}
	t, tags, err := a.svc.GetTaskTemplate(ctx, scope, in.InstanceId, in.TaskTemplateId, version)
	if err != nil {
		return nil, err
	}
	return templateOut(scope, t, tags), nil
}
