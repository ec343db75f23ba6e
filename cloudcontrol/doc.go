// Package cloudcontrol serves the AWS Cloud Control API (awsJson1_0, X-Amz-Target CloudApiService.<Op>) for
// the AWS::Connect::* types in its `types` table (TaskTemplate, ContactFlow, Instance, AgentStatus,
// ContactFlowModule, InstanceStorageConfig, IntegrationAssociation...), the door Terraform's awscc provider and
// Pulumi's aws-native knock on. Every resource operation runs the Connect operation in-process
// (awsapi.API.Invoke), so it takes the same checks and is the same resource the Connect API sees.
package cloudcontrol
