package cloudcontrol

import (
	"context"
	"strings"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/cfn"
	"github.com/google/uuid"
)

// The handlers of AWS::Connect::AgentStatus, ContactFlowModule, InstanceStorageConfig and
// IntegrationAssociation (issue 20), each through the Connect operations its registry schema's handlers name.

// instanceUnchanged refuses a new InstanceArn in the words of the providers' UpdateHandlers
// (aws-cloudformation-resource-providers-connect: "InstanceArn cannot be updated.").
func instanceUnchanged(cur, next map[string]any) error {
	if len(changed(cur, next, "InstanceArn")) > 0 {
		return connectlocal.Errorf(connectlocal.InvalidRequest, "InstanceArn cannot be updated.")
	}
	return nil
}

// associated turns an Associate call's ResourceConflictException (the storage config, function or bot is
// associated already) into AlreadyExists, the handler error code of a create whose resource exists.
func associated(err error) error {
	if connectlocal.CodeOf(err) == connectlocal.Conflict {
		return connectlocal.Errorf(connectlocal.AlreadyExists, "%s", connectlocal.AsError(err).Message)
	}
	return err
}

// pageRequest is a Connect list request for one Cloud Control page.
func pageRequest(instance any, next string, max int) map[string]any {
	req := map[string]any{"InstanceId": instance}
	if max > 0 {
		req["MaxResults"] = max
	}
	if next != "" {
		req["NextToken"] = next
	}
	return req
}

// ---- AWS::Connect::AgentStatus

func createAgentStatus(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	if err := cfn.AgentStatusTypeProblem(props); err != nil {
		return "", err
	}
	out, err := h.call(ctx, scope, "CreateAgentStatus", cfn.AgentStatusCreate(props))
	if err != nil {
		return "", err
	}
	arn, _ := out["AgentStatusARN"].(string)
	return arn, nil
}

func readAgentStatus(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "DescribeAgentStatus", map[string]any{"InstanceId": rn.InstanceID, "AgentStatusId": rn.ID})
	if err != nil {
		return nil, err
	}
	s, _ := out["AgentStatus"].(map[string]any)
	return cfn.AgentStatusModel(scope, rn.InstanceID, s), nil
}

func updateAgentStatus(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	if err := instanceUnchanged(cur, next); err != nil {
		return err
	}
	if len(changed(cur, next, "Type")) > 0 { // UpdateAgentStatus has no Type member
		return connectlocal.Errorf(connectlocal.InvalidRequest, "Type cannot be updated: UpdateAgentStatus has no Type. Nothing was changed.")
	}
	reset, _ := next["ResetOrderNumber"].(bool)
	if c := changed(cur, next, "Name", "Description", "State", "DisplayOrder"); len(c) > 0 || reset {
		req := map[string]any{"InstanceId": rn.InstanceID, "AgentStatusId": rn.ID, "Name": next["Name"], "State": next["State"]}
		d, _ := next["Description"].(string)
		req["Description"] = d // removed: "" clears it (UpdateAgentStatusDescription has min 0)
		if v, ok := next["DisplayOrder"]; ok && !reset {
			req["DisplayOrder"] = v
		} else if _, had := cur["DisplayOrder"]; had || reset {
			req["ResetOrderNumber"] = true // a removed DisplayOrder goes back to the default order (decided)
		}
		if _, err := h.call(ctx, scope, "UpdateAgentStatus", req); err != nil {
			return err
		}
	}
	return h.retag(ctx, scope, rn.String(), cur, next)
}

// deleteAgentStatus: Connect has no DeleteAgentStatus. The registry schema's delete handler asks for no
// permission at all (terraform-provider-awscc's copy of AWS_Connect_AgentStatus.json, "delete":
// {"permissions": []}): deleting the resource forgets it and leaves the status in the instance. So does this.
func deleteAgentStatus(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "DescribeAgentStatus", map[string]any{"InstanceId": rn.InstanceID, "AgentStatusId": rn.ID})
	return err // a status that never existed is NotFound, as a delete handler reports it
}

func listAgentStatuses(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int) ([]map[string]any, string, error) {
	return h.listPage(ctx, scope, model, next, max, "ListAgentStatuses", "AgentStatusSummaryList", readAgentStatus)
}

// ---- AWS::Connect::ContactFlowModule

func createFlowModule(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	req := cfn.ContactFlowModuleCreate(props)
	out, err := h.api.Invoke(ctx, scope, "CreateContactFlowModule", req)
	if err != nil && connectlocal.CodeOf(err) == connectlocal.Internal && ctx.Err() == nil {
		// CreateContactFlowModule does not replay a ClientToken, and a module name is unique in its instance:
		// a module of this name now can only be this create's, committed before the failure (see call).
		if arn, ferr := h.moduleNamed(ctx, scope, req); ferr == nil && arn != "" {
			return arn, h.setModuleState(ctx, scope, arn, props)
		}
		out, err = h.api.Invoke(ctx, scope, "CreateContactFlowModule", req)
	}
	if err != nil {
		return "", err
	}
	doc, err := document(out)
	if err != nil {
		return "", err
	}
	arn, _ := doc["Arn"].(string)
	return arn, h.setModuleState(ctx, scope, arn, props)
}

// setModuleState archives a new module whose State says so: CreateContactFlowModule has no State (decided:
// the model is made true, where the provider's CreateHandler leaves State to a later update).
func (h *Handler) setModuleState(ctx context.Context, scope connectlocal.Scope, arn string, props map[string]any) error {
	st, ok := props["State"].(string)
	if !ok || st == "ACTIVE" {
		return nil
	}
	rn, _ := connectlocal.ParseARN(arn)
	_, err := h.call(ctx, scope, "UpdateContactFlowModuleMetadata", map[string]any{"InstanceId": rn.InstanceID,
		"ContactFlowModuleId": rn.ID, "State": st})
	return err
}

// moduleNamed returns the ARN of the module in req's instance with req's name, "" when there is none.
func (h *Handler) moduleNamed(ctx context.Context, scope connectlocal.Scope, req map[string]any) (string, error) {
	next := ""
	for {
		out, err := h.call(ctx, scope, "ListContactFlowModules", pageRequest(req["InstanceId"], next, 0))
		if err != nil {
			return "", err
		}
		items, _ := out["ContactFlowModulesSummaryList"].([]any)
		for _, it := range items {
			if m, ok := it.(map[string]any); ok && m["Name"] == req["Name"] {
				arn, _ := m["Arn"].(string)
				return arn, nil
			}
		}
		if next, _ = out["NextToken"].(string); next == "" {
			return "", nil
		}
	}
}

func readFlowModule(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "DescribeContactFlowModule", map[string]any{"InstanceId": rn.InstanceID, "ContactFlowModuleId": rn.ID})
	if err != nil {
		return nil, err
	}
	mod, _ := out["ContactFlowModule"].(map[string]any)
	return cfn.ContactFlowModuleModel(scope, rn.InstanceID, mod), nil
}

// updateFlowModule changes the content first, the only step whose validation can refuse the patch, so that a
// refused content changes nothing; then name, description and state; then tags (the provider's UpdateHandler
// makes the same calls, metadata first).
func updateFlowModule(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	if err := instanceUnchanged(cur, next); err != nil {
		return err
	}
	if len(changed(cur, next, "Content", "Settings")) > 0 {
		req := map[string]any{"InstanceId": rn.InstanceID, "ContactFlowModuleId": rn.ID, "Content": next["Content"]}
		if v, ok := next["Settings"]; ok {
			req["Settings"] = v
		} else if _, had := cur["Settings"]; had {
			req["Settings"] = "" // removed
		}
		if _, err := h.call(ctx, scope, "UpdateContactFlowModuleContent", req); err != nil {
			return err
		}
	}
	if len(changed(cur, next, "Name", "Description", "State")) > 0 {
		req := map[string]any{"InstanceId": rn.InstanceID, "ContactFlowModuleId": rn.ID, "Name": next["Name"]}
		d, _ := next["Description"].(string)
		req["Description"] = d // removed: "" clears it
		st, _ := next["State"].(string)
		if st == "" {
			st = "ACTIVE" // a removed State is the default one (decided)
		}
		req["State"] = st
		if _, err := h.call(ctx, scope, "UpdateContactFlowModuleMetadata", req); err != nil {
			return err
		}
	}
	return h.retag(ctx, scope, rn.String(), cur, next)
}

func deleteFlowModule(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "DeleteContactFlowModule", map[string]any{"InstanceId": rn.InstanceID, "ContactFlowModuleId": rn.ID})
	return err
}

func listFlowModules(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int) ([]map[string]any, string, error) {
	return h.listPage(ctx, scope, model, next, max, "ListContactFlowModules", "ContactFlowModulesSummaryList", readFlowModule)
}

// ---- AWS::Connect::InstanceStorageConfig, identified by InstanceArn|AssociationId|ResourceType

// identifyStorageConfig reads the composite identifier into a ResourceName whose ID is AssociationId|ResourceType.
func identifyStorageConfig(scope connectlocal.Scope, id string) (connectlocal.ResourceName, bool) {
	parts := strings.Split(id, "|")
	if len(parts) != 3 || parts[1] == "" || parts[2] == "" {
		return connectlocal.ResourceName{}, false
	}
	rn, ok := connectlocal.ParseARN(parts[0])
	if !ok || rn.Kind != connectlocal.KindInstance || rn.Scope != scope {
		return connectlocal.ResourceName{}, false
	}
	rn.Kind, rn.ID = connectlocal.KindStorageConfig, parts[1]+"|"+parts[2]
	return rn, true
}

func storageParts(rn connectlocal.ResourceName) (association, resourceType string) {
	association, resourceType, _ = strings.Cut(rn.ID, "|")
	return association, resourceType
}

func createStorageConfig(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	out, err := h.call(ctx, scope, "AssociateInstanceStorageConfig", map[string]any{"InstanceId": props["InstanceArn"],
		"ResourceType": props["ResourceType"], "StorageConfig": cfn.StorageConfigOf(props),
		"ClientToken": uuid.NewString()}) // a token, so that call can settle an ambiguous failure
	if err != nil {
		return "", associated(err)
	}
	inst, _ := props["InstanceArn"].(string)
	rn, _ := connectlocal.ParseARN(inst)
	assoc, _ := out["AssociationId"].(string)
	rt, _ := props["ResourceType"].(string)
	return scope.InstanceARN(rn.InstanceID) + "|" + assoc + "|" + rt, nil
}

func readStorageConfig(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	assoc, rt := storageParts(rn)
	out, err := h.call(ctx, scope, "DescribeInstanceStorageConfig", map[string]any{"InstanceId": rn.InstanceID,
		"AssociationId": assoc, "ResourceType": rt})
	if err != nil {
		return nil, err
	}
	c, _ := out["StorageConfig"].(map[string]any)
	return cfn.InstanceStorageConfigModel(scope, rn.InstanceID, rt, c), nil
}

func updateStorageConfig(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	assoc, rt := storageParts(rn)
	if len(changed(cur, next, "StorageType", "S3Config", "KinesisVideoStreamConfig", "KinesisStreamConfig", "KinesisFirehoseConfig")) == 0 {
		return nil
	}
	_, err := h.call(ctx, scope, "UpdateInstanceStorageConfig", map[string]any{"InstanceId": rn.InstanceID,
		"AssociationId": assoc, "ResourceType": rt, "StorageConfig": cfn.StorageConfigOf(next)})
	return err
}

func deleteStorageConfig(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	assoc, rt := storageParts(rn)
	_, err := h.call(ctx, scope, "DisassociateInstanceStorageConfig", map[string]any{"InstanceId": rn.InstanceID,
		"AssociationId": assoc, "ResourceType": rt})
	return err
}

// listStorageConfigs lists one resource type's configs when the ResourceModel names one (paged as
// ListInstanceStorageConfigs pages), and otherwise every resource type's, all in one page (decided: the
// Connect list takes one resource type a call).
func listStorageConfigs(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int) ([]map[string]any, string, error) {
	inst, _ := model["InstanceArn"].(string)
	irn, _ := connectlocal.ParseARN(inst)
	one, _ := model["ResourceType"].(string)
	kinds := cfn.StorageResourceTypes()
	if one != "" {
		kinds = []string{one}
	}
	var list []map[string]any
	for _, rt := range kinds {
		req := pageRequest(inst, next, max)
		req["ResourceType"] = rt
		for {
			out, err := h.call(ctx, scope, "ListInstanceStorageConfigs", req)
			if err != nil {
				return nil, "", err
			}
			items, _ := out["StorageConfigs"].([]any)
			for _, it := range items {
				c, _ := it.(map[string]any)
				list = append(list, cfn.InstanceStorageConfigModel(scope, irn.InstanceID, rt, c))
			}
			token, _ := out["NextToken"].(string)
			if one != "" || token == "" {
				if one != "" {
					return list, token, nil
				}
				break
			}
			req["NextToken"] = token
		}
	}
	return list, "", nil
}

// ---- AWS::Connect::IntegrationAssociation, identified by InstanceId|IntegrationType|IntegrationArn

// identifyIntegration reads the composite identifier into a ResourceName of kind lambda-function or bot whose
// ID is the IntegrationArn.
func identifyIntegration(scope connectlocal.Scope, id string) (connectlocal.ResourceName, bool) {
	parts := strings.SplitN(id, "|", 3)
	if len(parts) != 3 || parts[2] == "" {
		return connectlocal.ResourceName{}, false
	}
	rn, ok := connectlocal.ParseARN(parts[0])
	if !ok || rn.Kind != connectlocal.KindInstance || rn.Scope != scope {
		return connectlocal.ResourceName{}, false
	}
	switch parts[1] {
	case cfn.IntegrationLambda:
		rn.Kind = connectlocal.KindLambdaFunction
	case cfn.IntegrationLexBot:
		rn.Kind = connectlocal.KindBot
	default:
		return connectlocal.ResourceName{}, false
	}
	rn.ID = parts[2]
	return rn, true
}

// integrationRequest is the Associate/Disassociate request of an integration; an integration type other than
// LAMBDA_FUNCTION and LEX_BOT, or a LEX_BOT ARN that names no bot, is refused.
func integrationRequest(instance any, integrationType, arn string) (op string, req map[string]any, err error) {
	if err := cfn.IntegrationProblem(integrationType, arn); err != nil {
		return "", nil, err
	}
	req = map[string]any{"InstanceId": instance}
	if integrationType == cfn.IntegrationLambda {
		req["FunctionArn"] = arn
		return "LambdaFunction", req, nil
	}
	member, bot, _ := cfn.LexBotOf(arn)
	req[member] = bot
	return "Bot", req, nil
}

func createIntegration(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	typ, _ := props["IntegrationType"].(string)
	arn, _ := props["IntegrationArn"].(string)
	op, req, err := integrationRequest(props["InstanceId"], typ, arn)
	if err != nil {
		return "", err
	}
	req["ClientToken"] = uuid.NewString() // so that call can settle an ambiguous failure
	if _, err := h.call(ctx, scope, "Associate"+op, req); err != nil {
		return "", associated(err)
	}
	inst, _ := props["InstanceId"].(string)
	rn, _ := connectlocal.ParseARN(inst)
	return scope.InstanceARN(rn.InstanceID) + "|" + typ + "|" + arn, nil
}

// integrations lists the instance's associations of one type as IntegrationArns, every page.
func (h *Handler) integrations(ctx context.Context, scope connectlocal.Scope, instance, integrationType string) ([]string, error) {
	var arns []string
	versions := []string{""}
	if integrationType == cfn.IntegrationLexBot {
		versions = []string{"V1", "V2"}
	}
	for _, v := range versions {
		req := map[string]any{"InstanceId": instance}
		op := "ListLambdaFunctions"
		if v != "" {
			op, req["LexVersion"] = "ListBots", v
		}
		for {
			out, err := h.call(ctx, scope, op, req)
			if err != nil {
				return nil, err
			}
			if v == "" {
				items, _ := out["LambdaFunctions"].([]any)
				for _, it := range items {
					s, _ := it.(string)
					arns = append(arns, s)
				}
			} else {
				items, _ := out["LexBots"].([]any)
				for _, it := range items {
					b, _ := it.(map[string]any)
					arns = append(arns, cfn.LexBotARN(scope, b))
				}
			}
			token, _ := out["NextToken"].(string)
			if token == "" {
				break
			}
			req["NextToken"] = token
		}
	}
	return arns, nil
}

// readIntegration finds the association the way the registry's read handler does, through ListLambdaFunctions
// or ListBots. A V1 bot is matched by name and region, however its ARN was written.
func readIntegration(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	typ := cfn.IntegrationLambda
	if rn.Kind == connectlocal.KindBot {
		typ = cfn.IntegrationLexBot
	}
	arns, err := h.integrations(ctx, scope, rn.InstanceID, typ)
	if err != nil {
		return nil, err
	}
	_, want, _ := cfn.LexBotOf(rn.ID)
	for _, a := range arns {
		_, got, _ := cfn.LexBotOf(a)
		if a == rn.ID || typ == cfn.IntegrationLexBot && want != nil && got != nil && want["Name"] == got["Name"] && want["LexRegion"] == got["LexRegion"] && want["AliasArn"] == got["AliasArn"] {
			return cfn.IntegrationAssociationModel(scope.InstanceARN(rn.InstanceID), typ, rn.ID), nil
		}
	}
	return nil, connectlocal.Errorf(connectlocal.NotFound, "%s is not associated with instance %s", rn.ID, rn.InstanceID)
}

// updateIntegration has nothing to do: every property a patch may change is create-only or read-only, and
// Cloud Control refuses those before a handler runs.
func updateIntegration(*Handler, context.Context, connectlocal.Scope, connectlocal.ResourceName, map[string]any, map[string]any) error {
	return nil
}

func deleteIntegration(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	typ := cfn.IntegrationLambda
	if rn.Kind == connectlocal.KindBot {
		typ = cfn.IntegrationLexBot
	}
	op, req, err := integrationRequest(rn.InstanceID, typ, rn.ID)
	if err != nil {
		return connectlocal.Errorf(connectlocal.NotFound, "%s", connectlocal.AsError(err).Message)
	}
	_, err = h.call(ctx, scope, "Disassociate"+op, req)
	return err
}

// listIntegrations lists the Lambda functions and the bots (V1, then V2) of the instance, all in one page.
func listIntegrations(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, _ string, _ int) ([]map[string]any, string, error) {
	inst, _ := model["InstanceId"].(string)
	rn, _ := connectlocal.ParseARN(inst)
	var list []map[string]any
	for _, typ := range []string{cfn.IntegrationLambda, cfn.IntegrationLexBot} {
		arns, err := h.integrations(ctx, scope, inst, typ)
		if err != nil {
			return nil, "", err
		}
		for _, a := range arns {
			list = append(list, cfn.IntegrationAssociationModel(scope.InstanceARN(rn.InstanceID), typ, a))
		}
	}
	return list, "", nil
}
