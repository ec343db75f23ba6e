package awsapi

import (
	"github.com/connectlocal/connectlocal"
)

// The contact flow modules' shapes, shared by their operations.

type ExternalInvocationConfiguration struct {
	Enabled *bool `json:",omitempty"`
}

type ContactFlowModule struct {
	Arn                     string
	Id                      string
	Name                    string
	Content                 string
	Description             *string `json:",omitempty"`
	State                   string
	Status                  string
	Tags                    map[string]string `json:",omitempty"`
	FlowModuleContentSha256 string
	Settings                *string `json:",omitempty"`
}

type ContactFlowModuleSummary struct {
	Id    string
	Arn   string
	Name  string
	State string
}

func flowModuleOut(scope connectlocal.Scope, r connectlocal.Record[connectlocal.FlowModule]) ContactFlowModule {
	return ContactFlowModule{Arn: r.ARN(scope), Id: r.ID, Name: r.Value.Name, Content: r.Value.Content,
		Description: str(r.Value.Description), State: r.Value.State, Status: r.Value.Status, Tags: tagsOut(r.Tags),
		FlowModuleContentSha256: connectlocal.FlowContentSHA256(r.Value.Content), Settings: str(r.Value.Settings)}
}
