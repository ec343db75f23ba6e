package cloudcontrol

import (
	"context"
	"fmt"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/cfn"
)

// The routing objects' handlers: AWS::Connect::HoursOfOperation, Queue, QuickConnect and RoutingProfile.
// Each runs the Connect operations the provider's handlers use (aws-cloudformation-resource-providers-connect,
// and the registry schemas' handler permissions) through API.Invoke.

// routingCreate runs a create that has no ClientToken through createNamed (users.go): after an ambiguous
// failure, the object of that name in the instance (listOp's listKey summaries) can only be this create's.
func (h *Handler) routingCreate(ctx context.Context, scope connectlocal.Scope, op string, req map[string]any, arnKey, listOp, listKey string) (string, error) {
	return h.createNamed(ctx, scope, op, req, arnKey, func() (string, error) {
		inst, _ := req["InstanceId"].(string)
		return h.named(ctx, scope, listOp, listKey, inst, "Name", req["Name"])
	})
}

// routingAll reads every page of a List operation and returns the items of its list member.
func (h *Handler) routingAll(ctx context.Context, scope connectlocal.Scope, op string, req map[string]any, listKey string) ([]any, error) {
	var items []any
	for {
		out, err := h.call(ctx, scope, op, req)
		if err != nil {
			return nil, err
		}
		page, _ := out[listKey].([]any)
		items = append(items, page...)
		next, _ := out["NextToken"].(string)
		if next == "" {
			return items, nil
		}
		req["NextToken"] = next
	}
}

// routingList is a list handler over a Connect List operation: each summary becomes the type's identifier,
// its instance and its name (Cloud Control lists identify resources; GetResource reads one in full).
func (h *Handler) routingList(ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int,
	op, listKey, idProp string, more map[string]any) ([]map[string]any, string, error) {
	inst, _ := model["InstanceArn"].(string)
	req := map[string]any{"InstanceId": inst}
	for k, v := range more {
		req[k] = v
	}
	if max > 0 {
		req["MaxResults"] = max
	}
	if next != "" {
		req["NextToken"] = next
	}
	out, err := h.call(ctx, scope, op, req)
	if err != nil {
		return nil, "", err
	}
	instARN := inst
	if rn, ok := connectlocal.ParseARN(inst); ok {
		instARN = scope.InstanceARN(rn.InstanceID)
	} else {
		instARN = scope.InstanceARN(inst)
	}
	var list []map[string]any
	items, _ := out[listKey].([]any)
	for _, it := range items {
		if m, ok := it.(map[string]any); ok {
			list = append(list, map[string]any{idProp: m["Arn"], "InstanceArn": instARN, "Name": m["Name"]})
		}
	}
	token, _ := out["NextToken"].(string)
	return list, token, nil
}

// routingInstanceFixed refuses a patch that moves a resource to another instance, in the words of the provider's
// UpdateHandlers (aws-connect-hoursofoperation, aws-connect-quickconnect: CfnInvalidRequestException
// "InstanceArn cannot be updated."; the Queue and RoutingProfile handlers are not public, decided the same).
func routingInstanceFixed(cur, next map[string]any) error {
	if len(changed(cur, next, "InstanceArn")) > 0 {
		return connectlocal.Errorf(connectlocal.InvalidRequest, "InstanceArn cannot be updated.")
	}
	return nil
}

// routingUnservedChange refuses a patch that changes a property whose update operation connectlocal lacks.
func routingUnservedChange(typeName string, cur, next map[string]any, why map[string]string) error {
	for p, ops := range why {
		if len(changed(cur, next, p)) > 0 {
			return connectlocal.Errorf(connectlocal.InvalidRequest, "connectlocal does not serve %s, so a %s's %s cannot change through "+
				"Cloud Control. Nothing was changed.", ops, typeName, p)
		}
	}
	return nil
}

// --- AWS::Connect::HoursOfOperation

func createHours(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	if err := cfn.Unserved(cfn.HoursOfOperation, props, cfn.HoursOfOperationUnserved); err != nil {
		return "", err
	}
	return h.routingCreate(ctx, scope, "CreateHoursOfOperation", cfn.HoursOfOperationCreate(props), "HoursOfOperationArn",
		"ListHoursOfOperations", "HoursOfOperationSummaryList")
}

func readHours(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "DescribeHoursOfOperation", map[string]any{"InstanceId": rn.InstanceID, "HoursOfOperationId": rn.ID})
	if err != nil {
		return nil, err
	}
	hours, _ := out["HoursOfOperation"].(map[string]any)
	return cfn.HoursOfOperationModel(scope, rn.InstanceID, hours), nil
}

func updateHours(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	if err := routingInstanceFixed(cur, next); err != nil {
		return err
	}
	why := map[string]string{"ParentHoursOfOperations": "AssociateHoursOfOperations and DisassociateHoursOfOperations"}
	for k, v := range cfn.HoursOfOperationUnserved {
		why[k] = v
	}
	if err := routingUnservedChange("hours of operation", cur, next, why); err != nil {
		return err
	}
	if len(changed(cur, next, "Name", "Description", "TimeZone", "Config")) > 0 {
		if _, err := h.call(ctx, scope, "UpdateHoursOfOperation", cfn.HoursOfOperationUpdate(rn.InstanceID, rn.ID, next)); err != nil {
			return err
		}
	}
	return h.retag(ctx, scope, rn.String(), cur, next)
}

func deleteHours(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "DeleteHoursOfOperation", map[string]any{"InstanceId": rn.InstanceID, "HoursOfOperationId": rn.ID})
	return err
}

func listHours(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int) ([]map[string]any, string, error) {
	return h.routingList(ctx, scope, model, next, max, "ListHoursOfOperations", "HoursOfOperationSummaryList", "HoursOfOperationArn", nil)
}

// --- AWS::Connect::Queue

func createQueue(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	if err := cfn.Unserved(cfn.Queue, props, cfn.QueueUnserved); err != nil {
		return "", err
	}
	req := cfn.QueueCreate(props)
	arn, err := h.routingCreate(ctx, scope, "CreateQueue", req, "QueueArn", "ListQueues", "QueueSummaryList")
	if err != nil {
		return "", err
	}
	if st, _ := props["Status"].(string); st != "" && st != connectlocal.QueueEnabled {
		if _, err := h.call(ctx, scope, "UpdateQueueStatus", map[string]any{"InstanceId": req["InstanceId"], "QueueId": arn, "Status": st}); err != nil {
			return arn, err
		}
	}
	return arn, nil
}

func readQueue(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "DescribeQueue", map[string]any{"InstanceId": rn.InstanceID, "QueueId": rn.ID})
	if err != nil {
		return nil, err
	}
	q, _ := out["Queue"].(map[string]any)
	qcs, err := h.routingAll(ctx, scope, "ListQueueQuickConnects", map[string]any{"InstanceId": rn.InstanceID, "QueueId": rn.ID}, "QuickConnectSummaryList")
	if err != nil {
		return nil, err
	}
	var arns []any
	for _, s := range qcs {
		if m, ok := s.(map[string]any); ok {
			arns = append(arns, m["Arn"])
		}
	}
	return cfn.QueueModel(scope, rn.InstanceID, q, arns), nil
}

func updateQueue(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	if err := routingInstanceFixed(cur, next); err != nil {
		return err
	}
	why := map[string]string{"OutboundEmailConfig": "UpdateQueueOutboundEmailConfig"}
	for k, v := range cfn.QueueUnserved {
		why[k] = v
	}
	if err := routingUnservedChange("queue", cur, next, why); err != nil {
		return err
	}
	base := func() map[string]any { return map[string]any{"InstanceId": rn.InstanceID, "QueueId": rn.ID} }
	var steps []func() error
	step := func(op string, req map[string]any) {
		steps = append(steps, func() error { _, err := h.call(ctx, scope, op, req); return err })
	}
	if len(changed(cur, next, "Name", "Description")) > 0 {
		req := base()
		req["Description"] = "" // a removed description is cleared (UpdateQueueName takes "")
		routingCopy(req, next, "Name", "Description")
		step("UpdateQueueName", req)
	}
	if len(changed(cur, next, "HoursOfOperationArn")) > 0 {
		req := base()
		req["HoursOfOperationId"] = next["HoursOfOperationArn"]
		step("UpdateQueueHoursOfOperation", req)
	}
	if len(changed(cur, next, "MaxContacts")) > 0 {
		req := base() // without MaxContacts the limit goes
		routingCopy(req, next, "MaxContacts")
		step("UpdateQueueMaxContacts", req)
	}
	if len(changed(cur, next, "OutboundCallerConfig")) > 0 {
		req := base() // the whole config is replaced; a removed one is emptied
		req["OutboundCallerConfig"] = cfn.QueueOutboundCaller(next["OutboundCallerConfig"])
		step("UpdateQueueOutboundCallerConfig", req)
	}
	if len(changed(cur, next, "Status")) > 0 {
		req := base()
		req["Status"] = connectlocal.QueueEnabled // a removed Status is the default a queue is created with
		routingCopy(req, next, "Status")
		step("UpdateQueueStatus", req)
	}
	if len(changed(cur, next, "QuickConnectArns")) > 0 {
		have, want := quickConnectARNs(scope, rn.InstanceID, cur["QuickConnectArns"]), quickConnectARNs(scope, rn.InstanceID, next["QuickConnectArns"])
		if add := routingMinus(want, have); len(add) > 0 {
			req := base()
			req["QuickConnectIds"] = add
			step("AssociateQueueQuickConnects", req)
		}
		if gone := routingMinus(have, want); len(gone) > 0 {
			req := base()
			req["QuickConnectIds"] = gone
			step("DisassociateQueueQuickConnects", req)
		}
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	return h.retag(ctx, scope, rn.String(), cur, next)
}

func deleteQueue(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "DeleteQueue", map[string]any{"InstanceId": rn.InstanceID, "QueueId": rn.ID})
	return err
}

// listQueues lists STANDARD queues only: an AGENT queue comes and goes with its user and is no resource of
// this type to create or delete (decided).
func listQueues(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int) ([]map[string]any, string, error) {
	return h.routingList(ctx, scope, model, next, max, "ListQueues", "QueueSummaryList", "QueueArn",
		map[string]any{"QueueTypes": []any{connectlocal.QueueStandard}})
}

// --- AWS::Connect::QuickConnect

func createQuickConnect(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	return h.routingCreate(ctx, scope, "CreateQuickConnect", cfn.QuickConnectCreate(props), "QuickConnectARN", "ListQuickConnects", "QuickConnectSummaryList")
}

func readQuickConnect(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "DescribeQuickConnect", map[string]any{"InstanceId": rn.InstanceID, "QuickConnectId": rn.ID})
	if err != nil {
		return nil, err
	}
	qc, _ := out["QuickConnect"].(map[string]any)
	return cfn.QuickConnectModel(scope, rn.InstanceID, qc), nil
}

func updateQuickConnect(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	if err := routingInstanceFixed(cur, next); err != nil {
		return err
	}
	if len(changed(cur, next, "Name", "Description")) > 0 {
		// the provider's UpdateHandler sends "" for a null description
		req := map[string]any{"InstanceId": rn.InstanceID, "QuickConnectId": rn.ID, "Description": ""}
		routingCopy(req, next, "Name", "Description")
		if _, err := h.call(ctx, scope, "UpdateQuickConnectName", req); err != nil {
			return err
		}
	}
	if len(changed(cur, next, "QuickConnectConfig")) > 0 {
		if _, err := h.call(ctx, scope, "UpdateQuickConnectConfig", map[string]any{"InstanceId": rn.InstanceID, "QuickConnectId": rn.ID,
			"QuickConnectConfig": cfn.QuickConnectConfigRequest(next["QuickConnectConfig"])}); err != nil {
			return err
		}
	}
	return h.retag(ctx, scope, rn.String(), cur, next)
}

func deleteQuickConnect(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "DeleteQuickConnect", map[string]any{"InstanceId": rn.InstanceID, "QuickConnectId": rn.ID})
	return err
}

func listQuickConnects(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int) ([]map[string]any, string, error) {
	return h.routingList(ctx, scope, model, next, max, "ListQuickConnects", "QuickConnectSummaryList", "QuickConnectArn", nil)
}

// --- AWS::Connect::RoutingProfile

// queueConfigBatch is the most queue configs one Create/Associate/Disassociate/UpdateRoutingProfileQueues
// call takes (the model's QueueConfigs maximum); the type's list has no such limit, so it goes in queueBatches.
const queueConfigBatch = 10

func queueBatches(list []any) [][]any {
	var out [][]any
	for len(list) > queueConfigBatch {
		out, list = append(out, list[:queueConfigBatch]), list[queueConfigBatch:]
	}
	if len(list) > 0 {
		out = append(out, list)
	}
	return out
}

func createRoutingProfile(h *Handler, ctx context.Context, scope connectlocal.Scope, props map[string]any) (string, error) {
	if err := cfn.Unserved(cfn.RoutingProfile, props, cfn.RoutingProfileUnserved); err != nil {
		return "", err
	}
	req := cfn.RoutingProfileCreate(props)
	groups := queueBatches(cfn.QueueConfigsRequest(props["QueueConfigs"]))
	if len(groups) > 0 {
		req["QueueConfigs"] = groups[0]
	}
	arn, err := h.routingCreate(ctx, scope, "CreateRoutingProfile", req, "RoutingProfileArn", "ListRoutingProfiles", "RoutingProfileSummaryList")
	if err != nil || len(groups) < 2 {
		return arn, err
	}
	for _, g := range groups[1:] {
		if _, err := h.call(ctx, scope, "AssociateRoutingProfileQueues", map[string]any{"InstanceId": req["InstanceId"],
			"RoutingProfileId": arn, "QueueConfigs": g}); err != nil {
			return arn, err
		}
	}
	return arn, nil
}

func readRoutingProfile(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) (map[string]any, error) {
	out, err := h.call(ctx, scope, "DescribeRoutingProfile", map[string]any{"InstanceId": rn.InstanceID, "RoutingProfileId": rn.ID})
	if err != nil {
		return nil, err
	}
	rp, _ := out["RoutingProfile"].(map[string]any)
	queues, err := h.routingAll(ctx, scope, "ListRoutingProfileQueues", map[string]any{"InstanceId": rn.InstanceID, "RoutingProfileId": rn.ID},
		"RoutingProfileQueueConfigSummaryList")
	if err != nil {
		return nil, err
	}
	return cfn.RoutingProfileModel(scope, rn.InstanceID, rp, queues), nil
}

func updateRoutingProfile(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, cur, next map[string]any) error {
	if err := routingInstanceFixed(cur, next); err != nil {
		return err
	}
	why := map[string]string{"AgentAvailabilityTimer": "UpdateRoutingProfileAgentAvailabilityTimer"}
	for k, v := range cfn.RoutingProfileUnserved {
		why[k] = v
	}
	if err := routingUnservedChange("routing profile", cur, next, why); err != nil {
		return err
	}
	base := func() map[string]any { return map[string]any{"InstanceId": rn.InstanceID, "RoutingProfileId": rn.ID} }
	if len(changed(cur, next, "Name", "Description")) > 0 {
		req := base()
		routingCopy(req, next, "Name", "Description")
		if _, err := h.call(ctx, scope, "UpdateRoutingProfileName", req); err != nil {
			return err
		}
	}
	if len(changed(cur, next, "MediaConcurrencies")) > 0 {
		req := base()
		req["MediaConcurrencies"] = next["MediaConcurrencies"]
		if _, err := h.call(ctx, scope, "UpdateRoutingProfileConcurrency", req); err != nil {
			return err
		}
	}
	if len(changed(cur, next, "DefaultOutboundQueueArn")) > 0 {
		req := base()
		req["DefaultOutboundQueueId"] = next["DefaultOutboundQueueArn"]
		if _, err := h.call(ctx, scope, "UpdateRoutingProfileDefaultOutboundQueue", req); err != nil {
			return err
		}
	}
	if len(changed(cur, next, "QueueConfigs")) > 0 {
		if err := h.requeue(ctx, scope, rn, base, cur, next); err != nil {
			return err
		}
	}
	return h.retag(ctx, scope, rn.String(), cur, next)
}

// requeue makes the profile's queue configs those of next: new (queue, channel) pairs are associated, pairs
// whose priority or delay changed are updated, and pairs no longer listed are disassociated.
func (h *Handler) requeue(ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName, base func() map[string]any, cur, next map[string]any) error {
	index := func(v any) (map[string]any, []string) {
		list, _ := v.([]any)
		m, order := map[string]any{}, []string{}
		for _, c := range list {
			k := cfn.QueueConfigKey(scope, rn.InstanceID, c)
			if _, dup := m[k]; !dup {
				order = append(order, k)
			}
			m[k] = c
		}
		return m, order
	}
	have, haveOrder := index(cur["QueueConfigs"])
	want, wantOrder := index(next["QueueConfigs"])
	var add, upd, gone []any
	for _, k := range wantOrder {
		if old, ok := have[k]; !ok {
			add = append(add, want[k])
		} else if len(changed(old.(map[string]any), want[k].(map[string]any), "Priority", "Delay")) > 0 {
			upd = append(upd, want[k])
		}
	}
	for _, k := range haveOrder {
		if _, ok := want[k]; !ok {
			ref := cfn.QueueConfigsRequest([]any{have[k]})[0].(map[string]any)["QueueReference"]
			gone = append(gone, ref)
		}
	}
	run := func(op, member string, list []any) error {
		for _, g := range queueBatches(list) {
			req := base()
			req[member] = g
			if _, err := h.call(ctx, scope, op, req); err != nil {
				return err
			}
		}
		return nil
	}
	if err := run("AssociateRoutingProfileQueues", "QueueConfigs", cfn.QueueConfigsRequest(add)); err != nil {
		return err
	}
	if err := run("UpdateRoutingProfileQueues", "QueueConfigs", cfn.QueueConfigsRequest(upd)); err != nil {
		return err
	}
	return run("DisassociateRoutingProfileQueues", "QueueReferences", gone)
}

func deleteRoutingProfile(h *Handler, ctx context.Context, scope connectlocal.Scope, rn connectlocal.ResourceName) error {
	_, err := h.call(ctx, scope, "DeleteRoutingProfile", map[string]any{"InstanceId": rn.InstanceID, "RoutingProfileId": rn.ID})
	return err
}

func listRoutingProfiles(h *Handler, ctx context.Context, scope connectlocal.Scope, model map[string]any, next string, max int) ([]map[string]any, string, error) {
	return h.routingList(ctx, scope, model, next, max, "ListRoutingProfiles", "RoutingProfileSummaryList", "RoutingProfileArn", nil)
}

// --- helpers

// routingCopy copies the named properties of from that are present into to.
func routingCopy(to, from map[string]any, keys ...string) {
	for _, k := range keys {
		if v, ok := from[k]; ok {
			to[k] = v
		}
	}
}

// quickConnectARNs lists the ARNs of a list property, ids made ARNs of quick connects in the instance.
func quickConnectARNs(scope connectlocal.Scope, inst string, v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		s := fmt.Sprint(x)
		if rn, ok := connectlocal.ParseARN(s); ok {
			s = scope.ObjectARN(rn.InstanceID, rn.Kind, rn.ID)
		} else {
			s = scope.ObjectARN(inst, connectlocal.KindQuickConnect, s)
		}
		out = append(out, s)
	}
	return out
}

// routingMinus is a's items that b lacks, in a's order.
func routingMinus(a, b []string) []any {
	in := map[string]bool{}
	for _, s := range b {
		in[s] = true
	}
	var out []any
	for _, s := range a {
		if !in[s] {
			out = append(out, s)
			in[s] = true
		}
	}
	return out
}
