package awsapi

// wireStructs lists every wire struct named after a model shape, for TestWireStructsMatchModel.
var wireStructs = []any{
	CreateTaskTemplateRequest{}, CreateTaskTemplateResponse{},
	GetTaskTemplateRequest{}, GetTaskTemplateResponse{},
	UpdateTaskTemplateRequest{},
	ListTaskTemplatesRequest{}, ListTaskTemplatesResponse{}, TaskTemplateMetadata{},
	DeleteTaskTemplateRequest{},
	CreateInstanceRequest{}, CreateInstanceResponse{},
	DescribeInstanceRequest{}, DescribeInstanceResponse{}, Instance{},
	ListInstancesRequest{}, ListInstancesResponse{}, InstanceSummary{},
	DeleteInstanceRequest{},
	TaskTemplateField{}, TaskTemplateFieldIdentifier{}, TaskTemplateConstraints{},
	TaskTemplateDefaults{}, TaskTemplateDefaultFieldValue{},
	CreateContactFlowRequest{}, CreateContactFlowResponse{},
	DescribeContactFlowRequest{}, DescribeContactFlowResponse{}, ContactFlow{},
	ListContactFlowsRequest{}, ListContactFlowsResponse{}, ContactFlowSummary{},
	DeleteContactFlowRequest{}, UpdateContactFlowContentRequest{},
	TagResourceRequest{}, UntagResourceRequest{}, ListTagsForResourceRequest{}, ListTagsForResourceResponse{},
	StartTaskContactRequest{}, StartTaskContactResponse{}, Reference{}, TaskAttachment{},
	DescribeContactRequest{}, DescribeContactResponse{}, Contact{}, TaskTemplateInfoV2{},
	StopContactRequest{},
}
