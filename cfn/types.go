package cfn

// Type names of the resource types this package maps.
const (
	TaskTemplate = "AWS::Connect::TaskTemplate"
	ContactFlow  = "AWS::Connect::ContactFlow"
	Instance     = "AWS::Connect::Instance"
)

// Schema is what Cloud Control needs of a type's registry schema: top-level property names only, since every
// listed property of these three types is top-level.
type Schema struct {
	Name              string
	PrimaryIdentifier string
	ReadOnly          []string
	CreateOnly        []string
	WriteOnly         []string
	// Listable says the type has a list handler; ListNeeds names the ResourceModel properties it requires.
	Listable  bool
	ListNeeds []string
}

// Schemas holds the three types. Sources: shared/aws/cfn-AWS-Connect-*.json (the registry schemas) and, for
// ContactFlow, aws-cloudformation-resource-providers-connect/aws-connect-contactflow/aws-connect-contactflow.json,
// whose handlers have no "list" (so ListResources answers UnsupportedActionException) and which makes Status
// read-only. The TaskTemplate list handler needs the instance, as every Connect List call does.
var Schemas = map[string]*Schema{
	TaskTemplate: {Name: TaskTemplate, PrimaryIdentifier: "Arn", ReadOnly: []string{"Arn"},
		Listable: true, ListNeeds: []string{"InstanceArn"}},
	ContactFlow: {Name: ContactFlow, PrimaryIdentifier: "ContactFlowArn", ReadOnly: []string{"ContactFlowArn", "Status"},
		CreateOnly: []string{"Type"}},
	Instance: {Name: Instance, PrimaryIdentifier: "Arn",
		ReadOnly:   []string{"Id", "Arn", "ServiceRole", "CreatedTime", "InstanceStatus"},
		CreateOnly: []string{"DirectoryId", "InstanceAlias", "IdentityManagementType"},
		WriteOnly:  []string{"DirectoryId"}, Listable: true},
}
