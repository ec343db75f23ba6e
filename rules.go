package connectlocal

// RuleID names one task-template rule of spec-facts §4.3.
type RuleID int

const (
	RuleNameField             RuleID = iota + 1 // §4.3 #1: at least one NAME field
	RuleFlowSource                              // #2: ContactFlowId or a QUICK_CONNECT field
	RuleUniqueFieldNames                        // #3
	RuleSingularTypes                           // #4: one field each of NAME, DESCRIPTION, ...
	RuleFieldType                               // #5: Type present
	RuleSelectHasOptions                        // #6
	RuleOptionsOnlyOnSelect                     // #7
	RuleUniqueOptions                           // #8
	RuleReferencedFieldExists                   // #9: constraints and defaults name existing fields
	RuleReferenceOnce                           // #10
	RuleDefaultFitsType                         // #11
	RuleFlowExists                              // #13: ContactFlowId / SelfAssignFlowId name a flow of the instance
	RuleUniqueTemplateName                      // #14
	RuleFieldName                               // a field's Id.Name present (model leaves it optional)
	RuleListCaps                                // §1: Constraints lists, Defaults, options ≤ 50 (CFN schema [S5])
	RuleOptionFormat                            // §4.2: option 1–100 chars of the CFN pattern [S5]
	RuleQuickConnectExists                      // issue 20: a QUICK_CONNECT field's default names a quick connect of the instance
)

// Rule says whether a rule is enforced and with which Reason it is reported. Most rules are "decided" in
// spec-facts.md (no public source fixes them); each is one line here so it can be flipped when evidence appears.
type Rule struct {
	Enforced bool
	Reason   Reason
	Source   string
}

// Rules is the table of template rules.
var Rules = map[RuleID]Rule{
	RuleNameField:             {true, ReasonRequiredPropertyMissing, "documented [S5], obs. [S9]; reason decided"},
	RuleFlowSource:            {true, ReasonRequiredPropertyMissing, "implied by [S5], obs. [S9]; decided (§15.1)"},
	RuleUniqueFieldNames:      {true, ReasonUniqueConstraint, "decided"},
	RuleSingularTypes:         {true, ReasonUniqueConstraint, "decided from [S4]"},
	RuleFieldType:             {true, ReasonRequiredPropertyMissing, "decided (CFN requires Type [S5])"},
	RuleSelectHasOptions:      {true, ReasonRequiredPropertyMissing, "decided"},
	RuleOptionsOnlyOnSelect:   {true, ReasonNotSupported, "decided"},
	RuleUniqueOptions:         {true, ReasonUniqueConstraint, "decided"},
	RuleReferencedFieldExists: {true, ReasonReferenceNotFound, "decided (§15.12)"},
	RuleReferenceOnce:         {true, ReasonUniqueConstraint, "decided"},
	RuleDefaultFitsType:       {true, ReasonInvalidFormat, "decided (§15.12)"},
	RuleFlowExists:            {true, ReasonReferenceNotFound, "decided"},
	RuleUniqueTemplateName:    {true, ReasonNameAlreadyExists, "decided"},
	RuleFieldName:             {true, ReasonRequiredPropertyMissing, "decided"},
	RuleListCaps:              {true, ReasonInvalidFormat, "caps documented [S5]; reason decided"},
	// "Café", "Yes/No" and "日本" are refused: the CloudFormation schema's FieldOption pattern [S5] is the only
	// published character rule (the API reference gives lengths 1-100 only), and the schema is the service
	// team's own; strict keeps a template that passes here valid in CloudFormation too. Decided (issue 12).
	RuleOptionFormat: {true, ReasonInvalidFormat, "documented [S5]; API reference silent; decided strict"},
	// issue 20, "References are real now": reported as a missing flow is (RuleFlowExists).
	RuleQuickConnectExists: {true, ReasonReferenceNotFound, "decided"},
}

// Decided task rules (issue 19 #17), one line each to flip when evidence appears:
//
// MaxScheduleDays (below) is how far ahead StartTaskContact's and UpdateContactSchedule's ScheduledTime may
// be. Sources disagree: the current quotas page [S2] says 90 days; the model's doc strings (StartTaskContact,
// UpdateContactSchedule: "It must be within up to 6 days in future"), the 2023 quotas page [S20] and the flow
// language's CreateTask (DelaySeconds up to 518400, 6 days) say 6. Decided in spec-facts §1: 90, the newest
// source, so a test of a far-off schedule passes here as it would on AWS now; set it to 6 to hold clients to
// the API reference's word.
//
// TemplateDefaultsFillTasks says whether StartTaskContact with a TaskTemplateId fills each field the request
// left out with the template's default, so DescribeContact and ListContactReferences show it as if sent
// (spec-facts §7.2, "omitted optional fields with a default: default applied to the stored contact",
// decided). AWS documents defaults only as what the agent's form starts with [S4]; filling them keeps a task
// started through the API equal to one an agent submits unchanged, and a required field with a default is
// then satisfied, as it is in the agent's form. false stores only what was sent (issue 19 #17).
const TemplateDefaultsFillTasks = true

// Limits that are documented quotas or caps (spec-facts §1, §4.2, §7).
const (
	MaxTemplatesPerInstance = 50 // [S2][S3]; serve --quota task-templates-per-instance=N
	MaxFieldsPerTemplate    = 50 // [S2][S3]; serve --quota fields-per-template=N
	MaxInstancesPerRegion   = 2  // [S2]; serve --quota instances-per-region=N
	MaxFlowsPerInstance     = 100
	MaxActiveTasks          = 2500
	MaxLinkedTasks          = 12     // tasks sharing one PreviousContactId [S1]
	MaxTemplateListItems    = 50     // Constraints lists, Defaults, options per field [S5]
	MaxExpiryMinutes        = 129600 // 90 days [S4]
	MaxScheduleDays         = 90     // §15.7
)

// Routing objects per instance (issue 20): the defaults of "Amazon Connect service quotas"
// (docs.aws.amazon.com/connect/latest/adminguide/amazon-connect-service-limits.html); each is a --quota name.
const (
	MaxHoursPerInstance            = 100
	MaxQueuesPerInstance           = 50
	MaxQuickConnectsPerInstance    = 100
	MaxRoutingProfilesPerInstance  = 100
	MaxSecurityProfilesPerInstance = 100
	MaxUsersPerInstance            = 500
	MaxHierarchyGroupsPerInstance  = 500
	MaxAgentStatusesPerInstance    = 50
	MaxFlowModulesPerInstance      = 200 // decided: the quotas page lists flows, not modules
	MaxLambdaFunctionsPerInstance  = 50  // decided from the quotas page as remembered; not re-checked
	MaxBotsPerInstance             = 70  // decided likewise
	MaxVocabulariesPerInstance     = 100 // decided likewise
)
