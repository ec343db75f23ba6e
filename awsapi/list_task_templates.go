package awsapi

import (
	"context"

	"github.com/connectlocal/connectlocal"
)

type ListTaskTemplatesRequest struct {
	InstanceId string
	NextToken  *string
	MaxResults *int
	Status     *string
	Name       *string
}

type TaskTemplateMetadata struct {
	Id               string
	Arn              string
	Name             string
	Description      *string `json:",omitempty"`
	Status           string
	LastModifiedTime *epochTime `json:",omitempty"`
	CreatedTime      *epochTime `json:",omitempty"`
}

type ListTaskTemplatesResponse struct {
	TaskTemplates []TaskTemplateMetadata
	NextToken     *string `json:",omitempty"`
}

func listTaskTemplates(ctx context.Context, a *API, scope connectlocal.Scope, in *ListTaskTemplatesRequest) (*ListTaskTemplatesResponse, error) {
	page := connectlocal.Page{Token: val(in.NextToken)}
	if in.MaxResults != nil {
		page.Limit = *in.MaxResults
	}
	f := connectlocal.TemplateFilter{Name: val(in.Name), Status: connectlocal.TemplateStatus(val(in.Status))}
	ts, next, err := a.svc.ListTaskTemplates(ctx, scope, in.InstanceId, f, page)
	if err != nil {
		return nil, err
	}
	out := &ListTaskTemplatesResponse{TaskTemplates: make([]TaskTemplateMetadata, len(ts)), NextToken: str(next)}
	for i, t := range ts {
		out.TaskTemplates[i] = TaskTemplateMetadata{Id: t.ID, Arn: scope.TaskTemplateARN(t.InstanceID, t.ID), Name: t.Name,
			Description: str(t.Description), Status: string(t.Status),
			LastModifiedTime: stamp(t.LastModifiedTime), CreatedTime: stamp(t.CreatedTime)}
	}
	return out, nil
}
