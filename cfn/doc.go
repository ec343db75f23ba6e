// Package cfn maps the CloudFormation resource types connectlocal serves (AWS::Connect::TaskTemplate,
// ContactFlow, Instance and the others in Schemas; their registry schemas: shared/aws/cfn-*.json) to and from
// Connect API requests and answers. `connectlocal validate` and the Cloud Control API both use it, so a
// property means one thing in a template file and on the wire.
package cfn
