package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

const flowContent = `{"Version":"2019-10-30","StartAction":"end","Actions":[{"Identifier":"end","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}]}`

// worker owns one instance and the resources it creates in it, so every request it sends is valid.
type worker struct {
	id  int
	c   *connect.Client
	r   *report
	rng *rand.Rand
	n   int

	inst, instArn string
	flows         []string
	templates     []string
	arns          []string // tagged resources
	contacts      []string
	scheduled     []string // tasks scheduled for later, for UpdateContactSchedule
	associated    bool     // the contact_record data set
	rt            routing  // the routing objects (routing.go)
}

// step is one operation; it reports the error of a request that should have succeeded.
type step struct {
	name   string
	weight int
	ready  func(w *worker) bool
	do     func(ctx context.Context, w *worker) error
}

// run first sends two passes of every operation in order (CreateInstance, which starts the worker over,
// last), whatever the deadline, so even a short run covers every operation; then a weighted random mix until
// ctx ends.
func (w *worker) run(ctx context.Context) {
	w.rng = rand.New(rand.NewPCG(uint64(w.id), 1))
	background := context.Background()
	if err := w.newInstance(background); err != nil {
		w.r.fail("CreateInstance", err)
		return
	}
	for pass := 0; pass < 2; pass++ {
		for _, s := range steps[1:] {
			w.do(background, s)
		}
	}
	w.do(background, steps[0])
	total := 0
	for _, s := range steps {
		total += s.weight
	}
	for ctx.Err() == nil {
		pick := w.rng.IntN(total)
		var s step
		for _, s = range steps {
			if pick < s.weight {
				break
			}
			pick -= s.weight
		}
		w.do(ctx, s)
	}
}

// do sends one step if its resources exist, and records the outcome unless ctx ended mid-request.
func (w *worker) do(ctx context.Context, s step) {
	if s.ready != nil && !s.ready(w) {
		return
	}
	w.n++
	err := s.do(ctx, w)
	if ctx.Err() != nil {
		return // the run ended mid-request: not the server's fault
	}
	w.r.count(s.name)
	if err != nil {
		w.r.fail(s.name, err)
	}
}

func (w *worker) newInstance(ctx context.Context) error {
	out, err := w.c.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String(fmt.Sprintf("soak-%d-%d", w.id, w.n)), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		return err
	}
	w.inst, w.instArn = *out.Id, *out.Arn
	w.flows, w.templates, w.contacts, w.scheduled, w.arns, w.associated = nil, nil, nil, nil, []string{*out.Arn}, false
	w.rt = routing{}
	return nil
}

func (w *worker) any(list []string) string { return list[w.rng.IntN(len(list))] }

func pop(list *[]string, v string) {
	for i, x := range *list {
		if x == v {
			*list = append((*list)[:i], (*list)[i+1:]...)
			return
		}
	}
}

func fields() []types.TaskTemplateField {
	return []types.TaskTemplateField{
		{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Title")}, Type: types.TaskTemplateFieldTypeName},
		{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Amount")}, Type: types.TaskTemplateFieldTypeNumber},
		{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Channel")}, Type: types.TaskTemplateFieldTypeSingleSelect, SingleSelectOptions: []string{"Web", "Phone"}},
	}
}

// steps are every operation's step: CreateInstance first (the warm-up passes send it last), then the
// instance's own operations, then the routing objects'.
var steps = append(instanceSteps, routingSteps...)

var instanceSteps = []step{
	{"CreateInstance", 1, nil, func(ctx context.Context, w *worker) error {
		// a fresh instance replaces the worker's current one, which is deleted
		old := w.inst
		if err := w.newInstance(ctx); err != nil {
			return err
		}
		_, err := w.c.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: &old})
		if err == nil {
			w.r.count("DeleteInstance")
		}
		return err
	}},
	{"DescribeInstance", 4, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: &w.inst})
		return err
	}},
	{"ListInstances", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListInstances(ctx, &connect.ListInstancesInput{MaxResults: aws.Int32(10)})
		return err
	}},
	{"CreateContactFlow", 3, func(w *worker) bool { return len(w.flows) < 20 }, func(ctx context.Context, w *worker) error {
		out, err := w.c.CreateContactFlow(ctx, &connect.CreateContactFlowInput{InstanceId: &w.inst, Name: aws.String(fmt.Sprintf("flow-%d", w.n)),
			Type: types.ContactFlowTypeContactFlow, Content: aws.String(flowContent), Tags: map[string]string{"soak": "yes"}})
		if err == nil {
			w.flows = append(w.flows, *out.ContactFlowId)
			w.arns = append(w.arns, *out.ContactFlowArn)
		}
		return err
	}},
	{"DescribeContactFlow", 4, func(w *worker) bool { return len(w.flows) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: &w.inst, ContactFlowId: aws.String(w.any(w.flows))})
		return err
	}},
	{"ListContactFlows", 2, nil, func(ctx context.Context, w *worker) error {
		// it also finds the default transfer flows the quick connects name
		p := connect.NewListContactFlowsPaginator(w.c, &connect.ListContactFlowsInput{InstanceId: &w.inst})
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, f := range out.ContactFlowSummaryList {
				switch aws.ToString(f.Name) {
				case "Default agent transfer":
					w.rt.agentTransfer = *f.Id
				case "Default queue transfer":
					w.rt.queueTransfer = *f.Id
				}
			}
		}
		return nil
	}},
	{"UpdateContactFlowContent", 2, func(w *worker) bool { return len(w.flows) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateContactFlowContent(ctx, &connect.UpdateContactFlowContentInput{InstanceId: &w.inst,
			ContactFlowId: aws.String(w.any(w.flows)), Content: aws.String(flowContent)})
		return err
	}},
	{"DeleteContactFlow", 1, func(w *worker) bool { return len(w.flows) > 1 }, func(ctx context.Context, w *worker) error {
		id := w.flows[len(w.flows)-1] // flows[0] routes the templates; the others are free to go
		_, err := w.c.DeleteContactFlow(ctx, &connect.DeleteContactFlowInput{InstanceId: &w.inst, ContactFlowId: &id})
		if err == nil {
			pop(&w.flows, id)
		}
		return err
	}},
	{"CreateTaskTemplate", 4, func(w *worker) bool { return len(w.templates) < 30 && len(w.flows) > 0 }, func(ctx context.Context, w *worker) error {
		out, err := w.c.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: &w.inst, Name: aws.String(fmt.Sprintf("tmpl-%d", w.n)),
			ContactFlowId: &w.flows[0], Fields: fields()})
		if err == nil {
			w.templates = append(w.templates, *out.Id)
			w.arns = append(w.arns, *out.Arn)
		}
		return err
	}},
	{"GetTaskTemplate", 8, func(w *worker) bool { return len(w.templates) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &w.inst, TaskTemplateId: aws.String(w.any(w.templates))})
		return err
	}},
	{"UpdateTaskTemplate", 3, func(w *worker) bool { return len(w.templates) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: &w.inst, TaskTemplateId: aws.String(w.any(w.templates)),
			Description: aws.String(fmt.Sprintf("update %d", w.n))})
		return err
	}},
	{"ListTaskTemplates", 4, nil, func(ctx context.Context, w *worker) error {
		p := connect.NewListTaskTemplatesPaginator(w.c, &connect.ListTaskTemplatesInput{InstanceId: &w.inst, MaxResults: aws.Int32(10)})
		for p.HasMorePages() {
			if _, err := p.NextPage(ctx); err != nil {
				return err
			}
		}
		return nil
	}},
	{"DeleteTaskTemplate", 1, func(w *worker) bool { return len(w.templates) > 1 }, func(ctx context.Context, w *worker) error {
		id := w.templates[0]
		_, err := w.c.DeleteTaskTemplate(ctx, &connect.DeleteTaskTemplateInput{InstanceId: &w.inst, TaskTemplateId: &id})
		if err == nil {
			pop(&w.templates, id)
		}
		return err
	}},
	{"TagResource", 2, func(w *worker) bool { return len(w.templates) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: &w.instArn, Tags: map[string]string{"n": fmt.Sprint(w.n)}})
		return err
	}},
	{"UntagResource", 1, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: &w.instArn, TagKeys: []string{"n"}})
		return err
	}},
	{"ListTagsForResource", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: &w.instArn})
		return err
	}},
	{"StartTaskContact", 4, func(w *worker) bool { return len(w.templates) > 0 && len(w.contacts) < 50 }, func(ctx context.Context, w *worker) error {
		out, err := w.c.StartTaskContact(ctx, &connect.StartTaskContactInput{InstanceId: &w.inst, TaskTemplateId: aws.String(w.any(w.templates)),
			Name: aws.String(fmt.Sprintf("task %d", w.n)), References: map[string]types.Reference{
				"Amount": {Type: types.ReferenceTypeNumber, Value: aws.String("19.99")}}})
		if err == nil {
			w.contacts = append(w.contacts, *out.ContactId)
		}
		return err
	}},
	{"DescribeContact", 4, func(w *worker) bool { return len(w.contacts) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeContact(ctx, &connect.DescribeContactInput{InstanceId: &w.inst, ContactId: aws.String(w.any(w.contacts))})
		return err
	}},
	{"DescribeInstanceAttribute", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeInstanceAttribute(ctx, &connect.DescribeInstanceAttributeInput{InstanceId: &w.inst, AttributeType: types.InstanceAttributeTypeContactLens})
		return err
	}},
	{"UpdateInstanceAttribute", 1, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateInstanceAttribute(ctx, &connect.UpdateInstanceAttributeInput{InstanceId: &w.inst,
			AttributeType: types.InstanceAttributeTypeContactLens, Value: aws.String(fmt.Sprint(w.n%2 == 0))})
		return err
	}},
	{"ListInstanceAttributes", 1, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListInstanceAttributes(ctx, &connect.ListInstanceAttributesInput{InstanceId: &w.inst})
		return err
	}},
	{"AssociateAnalyticsDataSet", 1, func(w *worker) bool { return !w.associated }, func(ctx context.Context, w *worker) error {
		// a data set already associated is refused (InvalidParameterException)
		_, err := w.c.AssociateAnalyticsDataSet(ctx, &connect.AssociateAnalyticsDataSetInput{InstanceId: &w.inst, DataSetId: aws.String("contact_record")})
		if err == nil {
			w.associated = true
		}
		return err
	}},
	{"DisassociateAnalyticsDataSet", 1, func(w *worker) bool { return w.associated }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DisassociateAnalyticsDataSet(ctx, &connect.DisassociateAnalyticsDataSetInput{InstanceId: &w.inst, DataSetId: aws.String("contact_record")})
		if err == nil {
			w.associated = false
		}
		return err
	}},
	{"BatchAssociateAnalyticsDataSet", 1, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.BatchAssociateAnalyticsDataSet(ctx, &connect.BatchAssociateAnalyticsDataSetInput{InstanceId: &w.inst,
			DataSetIds: []string{"contact_statistic_record", "agent_queue_statistic_record"}})
		return err
	}},
	{"BatchDisassociateAnalyticsDataSet", 1, nil, func(ctx context.Context, w *worker) error {
		// a data set not associated is reported in the answer's Errors, not as a refusal
		_, err := w.c.BatchDisassociateAnalyticsDataSet(ctx, &connect.BatchDisassociateAnalyticsDataSetInput{InstanceId: &w.inst,
			DataSetIds: []string{"contact_statistic_record"}})
		return err
	}},
	{"ListAnalyticsDataAssociations", 1, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListAnalyticsDataAssociations(ctx, &connect.ListAnalyticsDataAssociationsInput{InstanceId: &w.inst})
		return err
	}},
	{"ListContactReferences", 2, func(w *worker) bool { return len(w.contacts) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListContactReferences(ctx, &connect.ListContactReferencesInput{InstanceId: &w.inst, ContactId: aws.String(w.any(w.contacts)),
			ReferenceTypes: []types.ReferenceType{types.ReferenceTypeNumber}})
		return err
	}},
	{"UpdateContact", 2, func(w *worker) bool { return len(w.contacts) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateContact(ctx, &connect.UpdateContactInput{InstanceId: &w.inst, ContactId: aws.String(w.any(w.contacts)),
			Name: aws.String(fmt.Sprintf("task %d (updated)", w.n))})
		return err
	}},
	{"UpdateContactAttributes", 2, func(w *worker) bool { return len(w.contacts) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateContactAttributes(ctx, &connect.UpdateContactAttributesInput{InstanceId: &w.inst, InitialContactId: aws.String(w.any(w.contacts)),
			Attributes: map[string]string{"stage": fmt.Sprint(w.n)}})
		return err
	}},
	{"UpdateContactSchedule", 1, func(w *worker) bool { return len(w.flows) > 0 }, func(ctx context.Context, w *worker) error {
		if len(w.scheduled) < 5 {
			// schedule one first (counted as a StartTaskContact)
			out, err := w.c.StartTaskContact(ctx, &connect.StartTaskContactInput{InstanceId: &w.inst, ContactFlowId: &w.flows[0],
				Name: aws.String("call back"), ScheduledTime: aws.Time(time.Now().Add(2 * time.Hour))})
			if err != nil {
				return err
			}
			w.r.count("StartTaskContact")
			w.scheduled = append(w.scheduled, *out.ContactId)
		}
		_, err := w.c.UpdateContactSchedule(ctx, &connect.UpdateContactScheduleInput{InstanceId: &w.inst, ContactId: aws.String(w.any(w.scheduled)),
			ScheduledTime: aws.Time(time.Now().Add(3 * time.Hour))})
		return err
	}},
	{"TagContact", 1, func(w *worker) bool { return len(w.contacts) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.TagContact(ctx, &connect.TagContactInput{InstanceId: &w.inst, ContactId: aws.String(w.any(w.contacts)), Tags: map[string]string{"team": "soak"}})
		return err
	}},
	{"UntagContact", 1, func(w *worker) bool { return len(w.contacts) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UntagContact(ctx, &connect.UntagContactInput{InstanceId: &w.inst, ContactId: aws.String(w.any(w.contacts)), TagKeys: []string{"team"}})
		return err
	}},
	{"SearchContacts", 2, nil, func(ctx context.Context, w *worker) error {
		now := time.Now()
		_, err := w.c.SearchContacts(ctx, &connect.SearchContactsInput{InstanceId: &w.inst, TimeRange: &types.SearchContactsTimeRange{
			Type: types.SearchContactsTimeRangeTypeInitiationTimestamp, StartTime: aws.Time(now.Add(-time.Hour)), EndTime: aws.Time(now.Add(time.Hour))}})
		return err
	}},
	// StopContact last, so the warm-up passes reach the contact steps with a contact still active.
	{"StopContact", 2, func(w *worker) bool { return len(w.contacts) > 0 }, func(ctx context.Context, w *worker) error {
		id := w.contacts[0]
		_, err := w.c.StopContact(ctx, &connect.StopContactInput{InstanceId: &w.inst, ContactId: &id})
		if err == nil {
			pop(&w.contacts, id)
		}
		return err
	}},
}
