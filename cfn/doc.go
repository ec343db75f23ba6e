// Package cfn maps the CloudFormation resource types AWS::Connect::TaskTemplate, AWS::Connect::ContactFlow and
// AWS::Connect::Instance (their registry schemas: shared/aws/cfn-*.json) to and from Connect API requests and
// answers. `connectlocal validate` and the Cloud Control API both use it, so a property means one thing in a
// template file and on the wire.
package cfn
