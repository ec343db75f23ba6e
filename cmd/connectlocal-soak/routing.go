package main

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// routing is what a worker knows of its instance's routing objects (issue 20): the defaults it looked up by
// name and the objects it made. Every reference between objects goes to a default or to the first object of
// a kind (hours[0], queues[0], profiles[0], secProfiles[0], users[0], groups[0]), which is never deleted, so
// deleting the last one made is always allowed.
type routing struct {
	basicHours, basicQueue, basicProfile, agentProfile string // the instance's defaults, found by the List steps
	agentTransfer, queueTransfer                       string // the default transfer flows, found by ListContactFlows

	hours, queues, quickConnects, profiles, secProfiles []string
	users, groups, statuses, modules, lambdas, vocabs   []string
	pairs                                               map[string][]queuePair // routing profile → its queues
	structured                                          bool                   // the hierarchy has levels one and two
	storage                                             map[string]string      // resource type → association id
	bots                                                []bot
}

type queuePair struct {
	queue   string
	channel types.Channel
}

// bot is an associated Lex bot: a V1 one by name, or a V2 one by alias ARN.
type bot struct {
	v1    *types.LexBot
	alias string
}

// Each few objects a worker may have at once, far under the instance's quotas (rules.go), since agent
// statuses cannot be deleted and the other kinds are deleted only one at a time.
const (
	maxObjects  = 10
	maxStatuses = 20
)

// storageKinds are the resource types the worker associates storage with, each with a config it takes.
var storageKinds = []string{"CALL_RECORDINGS", "CHAT_TRANSCRIPTS", "CONTACT_TRACE_RECORDS", "AGENT_EVENTS"}

func storageConfig(resourceType string, n int) *types.InstanceStorageConfig {
	switch resourceType {
	case "CONTACT_TRACE_RECORDS":
		return &types.InstanceStorageConfig{StorageType: types.StorageTypeKinesisStream, KinesisStreamConfig: &types.KinesisStreamConfig{
			StreamArn: aws.String(fmt.Sprintf("arn:aws:kinesis:us-east-1:123456789012:stream/soak-%d", n))}}
	case "AGENT_EVENTS":
		return &types.InstanceStorageConfig{StorageType: types.StorageTypeKinesisFirehose, KinesisFirehoseConfig: &types.KinesisFirehoseConfig{
			FirehoseArn: aws.String(fmt.Sprintf("arn:aws:firehose:us-east-1:123456789012:deliverystream/soak-%d", n))}}
	}
	return &types.InstanceStorageConfig{StorageType: types.StorageTypeS3, S3Config: &types.S3Config{
		BucketName: aws.String("soak-bucket"), BucketPrefix: aws.String(fmt.Sprintf("p%d", n))}}
}

func (w *worker) name(prefix string) *string { return aws.String(fmt.Sprintf("%s-%d", prefix, w.n)) }

func (w *worker) hoursConfig() []types.HoursOfOperationConfig {
	start := int32(w.n % 12)
	var out []types.HoursOfOperationConfig
	for _, d := range []types.HoursOfOperationDays{types.HoursOfOperationDaysMonday, types.HoursOfOperationDaysWednesday, types.HoursOfOperationDaysFriday} {
		out = append(out, types.HoursOfOperationConfig{Day: d,
			StartTime: &types.HoursOfOperationTimeSlice{Hours: aws.Int32(start), Minutes: aws.Int32(0)},
			EndTime:   &types.HoursOfOperationTimeSlice{Hours: aws.Int32(start + 8), Minutes: aws.Int32(30)}})
	}
	return out
}

// someHours is hours a queue may use: the Basic Hours or the first the worker made.
func (w *worker) someHours() *string {
	if len(w.rt.hours) > 0 && w.n%2 == 0 {
		return &w.rt.hours[0]
	}
	return &w.rt.basicHours
}

// pinnedQueues are the queues routing profiles and QUEUE quick connects may name.
func (w *worker) pinnedQueues() []string {
	if len(w.rt.queues) > 0 {
		return []string{w.rt.basicQueue, w.rt.queues[0]}
	}
	return []string{w.rt.basicQueue}
}

// missingPairs are the (queue, channel) pairs profile does not route yet.
func (w *worker) missingPairs(profile string) []queuePair {
	var out []queuePair
	for _, q := range w.pinnedQueues() {
		for _, ch := range []types.Channel{types.ChannelVoice, types.ChannelChat, types.ChannelTask} {
			p := queuePair{q, ch}
			have := false
			for _, x := range w.rt.pairs[profile] {
				have = have || x == p
			}
			if !have {
				out = append(out, p)
			}
		}
	}
	return out
}

// profileWith returns a profile of the worker for which ok holds, starting at a random one.
func (w *worker) profileWith(ok func(string) bool) (string, bool) {
	n := len(w.rt.profiles)
	if n == 0 {
		return "", false
	}
	start := w.rng.IntN(n)
	for i := range n {
		if p := w.rt.profiles[(start+i)%n]; ok(p) {
			return p, true
		}
	}
	return "", false
}

// quickConnectConfig is a valid config of a type chosen by turn, among those whose targets exist.
func (w *worker) quickConnectConfig() *types.QuickConnectConfig {
	switch w.n % 4 {
	case 0:
		if len(w.rt.users) > 0 && w.rt.agentTransfer != "" {
			return &types.QuickConnectConfig{QuickConnectType: types.QuickConnectTypeUser,
				UserConfig: &types.UserQuickConnectConfig{UserId: &w.rt.users[0], ContactFlowId: &w.rt.agentTransfer}}
		}
	case 1:
		if w.rt.basicQueue != "" && w.rt.queueTransfer != "" {
			qs := w.pinnedQueues()
			return &types.QuickConnectConfig{QuickConnectType: types.QuickConnectTypeQueue,
				QueueConfig: &types.QueueQuickConnectConfig{QueueId: &qs[w.n%len(qs)], ContactFlowId: &w.rt.queueTransfer}}
		}
	case 2:
		if len(w.flows) > 0 {
			return &types.QuickConnectConfig{QuickConnectType: types.QuickConnectTypeFlow,
				FlowConfig: &types.FlowQuickConnectConfig{ContactFlowId: &w.flows[0]}}
		}
	}
	return &types.QuickConnectConfig{QuickConnectType: types.QuickConnectTypePhoneNumber,
		PhoneConfig: &types.PhoneNumberQuickConnectConfig{PhoneNumber: aws.String(fmt.Sprintf("+1555555%04d", w.n%10000))}}
}

func last(list []string) string { return list[len(list)-1] }

func nameIs(s string) *types.StringCondition {
	return &types.StringCondition{FieldName: aws.String("name"), Value: aws.String(s), ComparisonType: types.StringComparisonTypeStartsWith}
}

var soakTags = map[string]string{"soak": "yes"}

// routingSteps send every routing-object operation (issue 20). Within each kind the steps run in the order
// the warm-up passes need: the List step that finds the defaults, the create, the reads and updates, the
// delete (which waits for a second object, so the first pass leaves one for the later kinds to name).
var routingSteps = []step{
	// Hours of operation.
	{"ListHoursOfOperations", 2, nil, func(ctx context.Context, w *worker) error {
		p := connect.NewListHoursOfOperationsPaginator(w.c, &connect.ListHoursOfOperationsInput{InstanceId: &w.inst})
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, h := range out.HoursOfOperationSummaryList {
				if aws.ToString(h.Name) == "Basic Hours" {
					w.rt.basicHours = *h.Id
				}
			}
		}
		return nil
	}},
	{"CreateHoursOfOperation", 2, func(w *worker) bool { return len(w.rt.hours) < maxObjects }, func(ctx context.Context, w *worker) error {
		out, err := w.c.CreateHoursOfOperation(ctx, &connect.CreateHoursOfOperationInput{InstanceId: &w.inst, Name: w.name("hours"),
			Description: aws.String("soak"), TimeZone: aws.String("UTC"), Config: w.hoursConfig(), Tags: soakTags})
		if err == nil {
			w.rt.hours = append(w.rt.hours, *out.HoursOfOperationId)
		}
		return err
	}},
	{"DescribeHoursOfOperation", 3, func(w *worker) bool { return len(w.rt.hours) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeHoursOfOperation(ctx, &connect.DescribeHoursOfOperationInput{InstanceId: &w.inst, HoursOfOperationId: aws.String(w.any(w.rt.hours))})
		return err
	}},
	{"UpdateHoursOfOperation", 2, func(w *worker) bool { return len(w.rt.hours) > 0 }, func(ctx context.Context, w *worker) error {
		// as Terraform sends it: every member, no description as ""
		_, err := w.c.UpdateHoursOfOperation(ctx, &connect.UpdateHoursOfOperationInput{InstanceId: &w.inst, HoursOfOperationId: aws.String(w.any(w.rt.hours)),
			Name: w.name("hours"), Description: aws.String(""), TimeZone: aws.String("Europe/Paris"), Config: w.hoursConfig()})
		return err
	}},
	{"SearchHoursOfOperations", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.SearchHoursOfOperations(ctx, &connect.SearchHoursOfOperationsInput{InstanceId: &w.inst,
			SearchCriteria: &types.HoursOfOperationSearchCriteria{StringCondition: nameIs("hours")}})
		return err
	}},
	{"DeleteHoursOfOperation", 1, func(w *worker) bool { return len(w.rt.hours) > 1 }, func(ctx context.Context, w *worker) error {
		id := last(w.rt.hours) // queues use the Basic Hours or hours[0] only
		_, err := w.c.DeleteHoursOfOperation(ctx, &connect.DeleteHoursOfOperationInput{InstanceId: &w.inst, HoursOfOperationId: &id})
		if err == nil {
			pop(&w.rt.hours, id)
		}
		return err
	}},

	// Queues.
	{"ListQueues", 2, nil, func(ctx context.Context, w *worker) error {
		p := connect.NewListQueuesPaginator(w.c, &connect.ListQueuesInput{InstanceId: &w.inst, QueueTypes: []types.QueueType{types.QueueTypeStandard}})
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, q := range out.QueueSummaryList {
				if aws.ToString(q.Name) == "BasicQueue" {
					w.rt.basicQueue = *q.Id
				}
			}
		}
		return nil
	}},
	{"CreateQueue", 2, func(w *worker) bool { return w.rt.basicHours != "" && len(w.rt.queues) < maxObjects }, func(ctx context.Context, w *worker) error {
		out, err := w.c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: &w.inst, Name: w.name("queue"), Description: aws.String("soak"),
			HoursOfOperationId: w.someHours(), MaxContacts: aws.Int32(10), Tags: soakTags})
		if err == nil {
			w.rt.queues = append(w.rt.queues, *out.QueueId)
		}
		return err
	}},
	{"DescribeQueue", 3, func(w *worker) bool { return len(w.rt.queues) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: &w.inst, QueueId: aws.String(w.any(w.rt.queues))})
		return err
	}},
	{"UpdateQueueHoursOfOperation", 1, func(w *worker) bool { return len(w.rt.queues) > 0 && w.rt.basicHours != "" }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateQueueHoursOfOperation(ctx, &connect.UpdateQueueHoursOfOperationInput{InstanceId: &w.inst, QueueId: aws.String(w.any(w.rt.queues)),
			HoursOfOperationId: w.someHours()})
		return err
	}},
	{"UpdateQueueMaxContacts", 1, func(w *worker) bool { return len(w.rt.queues) > 0 }, func(ctx context.Context, w *worker) error {
		in := &connect.UpdateQueueMaxContactsInput{InstanceId: &w.inst, QueueId: aws.String(w.any(w.rt.queues))}
		if w.n%3 != 0 { // else no limit
			in.MaxContacts = aws.Int32(int32(w.n % 100))
		}
		_, err := w.c.UpdateQueueMaxContacts(ctx, in)
		return err
	}},
	{"UpdateQueueName", 1, func(w *worker) bool { return len(w.rt.queues) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateQueueName(ctx, &connect.UpdateQueueNameInput{InstanceId: &w.inst, QueueId: aws.String(w.any(w.rt.queues)),
			Name: w.name("queue"), Description: aws.String(fmt.Sprintf("renamed %d", w.n))})
		return err
	}},
	{"UpdateQueueOutboundCallerConfig", 1, func(w *worker) bool { return len(w.rt.queues) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateQueueOutboundCallerConfig(ctx, &connect.UpdateQueueOutboundCallerConfigInput{InstanceId: &w.inst, QueueId: aws.String(w.any(w.rt.queues)),
			OutboundCallerConfig: &types.OutboundCallerConfig{OutboundCallerIdName: aws.String(fmt.Sprintf("Soak %d", w.n))}})
		return err
	}},
	{"UpdateQueueStatus", 1, func(w *worker) bool { return len(w.rt.queues) > 0 }, func(ctx context.Context, w *worker) error {
		status := types.QueueStatusEnabled
		if w.n%2 == 0 {
			status = types.QueueStatusDisabled
		}
		_, err := w.c.UpdateQueueStatus(ctx, &connect.UpdateQueueStatusInput{InstanceId: &w.inst, QueueId: aws.String(w.any(w.rt.queues)), Status: status})
		return err
	}},
	{"SearchQueues", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.SearchQueues(ctx, &connect.SearchQueuesInput{InstanceId: &w.inst, SearchCriteria: &types.QueueSearchCriteria{StringCondition: nameIs("queue")}})
		return err
	}},

	// Quick connects, and the queues that offer them.
	{"ListQuickConnects", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListQuickConnects(ctx, &connect.ListQuickConnectsInput{InstanceId: &w.inst})
		return err
	}},
	{"CreateQuickConnect", 2, func(w *worker) bool { return len(w.rt.quickConnects) < maxObjects }, func(ctx context.Context, w *worker) error {
		out, err := w.c.CreateQuickConnect(ctx, &connect.CreateQuickConnectInput{InstanceId: &w.inst, Name: w.name("qc"), Description: aws.String("soak"),
			QuickConnectConfig: w.quickConnectConfig(), Tags: soakTags})
		if err == nil {
			w.rt.quickConnects = append(w.rt.quickConnects, *out.QuickConnectId)
		}
		return err
	}},
	{"DescribeQuickConnect", 3, func(w *worker) bool { return len(w.rt.quickConnects) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeQuickConnect(ctx, &connect.DescribeQuickConnectInput{InstanceId: &w.inst, QuickConnectId: aws.String(w.any(w.rt.quickConnects))})
		return err
	}},
	{"UpdateQuickConnectName", 1, func(w *worker) bool { return len(w.rt.quickConnects) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateQuickConnectName(ctx, &connect.UpdateQuickConnectNameInput{InstanceId: &w.inst, QuickConnectId: aws.String(w.any(w.rt.quickConnects)),
			Name: w.name("qc"), Description: aws.String("")})
		return err
	}},
	{"UpdateQuickConnectConfig", 1, func(w *worker) bool { return len(w.rt.quickConnects) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateQuickConnectConfig(ctx, &connect.UpdateQuickConnectConfigInput{InstanceId: &w.inst, QuickConnectId: aws.String(w.any(w.rt.quickConnects)),
			QuickConnectConfig: w.quickConnectConfig()})
		return err
	}},
	{"SearchQuickConnects", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.SearchQuickConnects(ctx, &connect.SearchQuickConnectsInput{InstanceId: &w.inst,
			SearchCriteria: &types.QuickConnectSearchCriteria{StringCondition: nameIs("qc")}})
		return err
	}},
	{"AssociateQueueQuickConnects", 1, func(w *worker) bool { return len(w.rt.queues) > 0 && len(w.rt.quickConnects) > 0 }, func(ctx context.Context, w *worker) error {
		// one already associated changes nothing; a queue holds at most 50, more than maxObjects
		_, err := w.c.AssociateQueueQuickConnects(ctx, &connect.AssociateQueueQuickConnectsInput{InstanceId: &w.inst, QueueId: aws.String(w.any(w.rt.queues)),
			QuickConnectIds: []string{w.any(w.rt.quickConnects)}})
		return err
	}},
	{"ListQueueQuickConnects", 2, func(w *worker) bool { return len(w.rt.queues) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListQueueQuickConnects(ctx, &connect.ListQueueQuickConnectsInput{InstanceId: &w.inst, QueueId: aws.String(w.any(w.rt.queues))})
		return err
	}},
	{"DisassociateQueueQuickConnects", 1, func(w *worker) bool { return len(w.rt.queues) > 0 && len(w.rt.quickConnects) > 0 }, func(ctx context.Context, w *worker) error {
		// one not associated is ignored
		_, err := w.c.DisassociateQueueQuickConnects(ctx, &connect.DisassociateQueueQuickConnectsInput{InstanceId: &w.inst, QueueId: aws.String(w.any(w.rt.queues)),
			QuickConnectIds: []string{w.any(w.rt.quickConnects)}})
		return err
	}},
	{"DeleteQuickConnect", 1, func(w *worker) bool { return len(w.rt.quickConnects) > 1 }, func(ctx context.Context, w *worker) error {
		id := last(w.rt.quickConnects) // the queues offering it let it go
		_, err := w.c.DeleteQuickConnect(ctx, &connect.DeleteQuickConnectInput{InstanceId: &w.inst, QuickConnectId: &id})
		if err == nil {
			pop(&w.rt.quickConnects, id)
		}
		return err
	}},
	{"DeleteQueue", 1, func(w *worker) bool { return len(w.rt.queues) > 1 }, func(ctx context.Context, w *worker) error {
		id := last(w.rt.queues) // routing profiles and QUEUE quick connects name BasicQueue or queues[0] only
		_, err := w.c.DeleteQueue(ctx, &connect.DeleteQueueInput{InstanceId: &w.inst, QueueId: &id})
		if err == nil {
			pop(&w.rt.queues, id)
		}
		return err
	}},

	// Routing profiles.
	{"ListRoutingProfiles", 2, nil, func(ctx context.Context, w *worker) error {
		p := connect.NewListRoutingProfilesPaginator(w.c, &connect.ListRoutingProfilesInput{InstanceId: &w.inst})
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, r := range out.RoutingProfileSummaryList {
				if aws.ToString(r.Name) == "Basic Routing Profile" {
					w.rt.basicProfile = *r.Id
				}
			}
		}
		return nil
	}},
	{"CreateRoutingProfile", 2, func(w *worker) bool { return w.rt.basicQueue != "" && len(w.rt.profiles) < maxObjects }, func(ctx context.Context, w *worker) error {
		out, err := w.c.CreateRoutingProfile(ctx, &connect.CreateRoutingProfileInput{InstanceId: &w.inst, Name: w.name("profile"),
			Description: aws.String("soak"), DefaultOutboundQueueId: &w.rt.basicQueue,
			MediaConcurrencies: []types.MediaConcurrency{{Channel: types.ChannelVoice, Concurrency: aws.Int32(1)}, {Channel: types.ChannelChat, Concurrency: aws.Int32(2)}},
			QueueConfigs: []types.RoutingProfileQueueConfig{{QueueReference: &types.RoutingProfileQueueReference{QueueId: &w.rt.basicQueue, Channel: types.ChannelVoice},
				Priority: aws.Int32(1), Delay: aws.Int32(0)}},
			Tags: soakTags})
		if err == nil {
			w.rt.profiles = append(w.rt.profiles, *out.RoutingProfileId)
			if w.rt.pairs == nil {
				w.rt.pairs = map[string][]queuePair{}
			}
			w.rt.pairs[*out.RoutingProfileId] = []queuePair{{w.rt.basicQueue, types.ChannelVoice}}
		}
		return err
	}},
	{"DescribeRoutingProfile", 3, func(w *worker) bool { return len(w.rt.profiles) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeRoutingProfile(ctx, &connect.DescribeRoutingProfileInput{InstanceId: &w.inst, RoutingProfileId: aws.String(w.any(w.rt.profiles))})
		return err
	}},
	{"AssociateRoutingProfileQueues", 1, func(w *worker) bool {
		_, ok := w.profileWith(func(p string) bool { return len(w.missingPairs(p)) > 0 })
		return ok
	}, func(ctx context.Context, w *worker) error {
		p, _ := w.profileWith(func(p string) bool { return len(w.missingPairs(p)) > 0 })
		missing := w.missingPairs(p)
		pair := missing[w.rng.IntN(len(missing))]
		_, err := w.c.AssociateRoutingProfileQueues(ctx, &connect.AssociateRoutingProfileQueuesInput{InstanceId: &w.inst, RoutingProfileId: &p,
			QueueConfigs: []types.RoutingProfileQueueConfig{{QueueReference: &types.RoutingProfileQueueReference{QueueId: &pair.queue, Channel: pair.channel},
				Priority: aws.Int32(int32(1 + w.n%99)), Delay: aws.Int32(int32(w.n % 100))}}})
		if err == nil {
			w.rt.pairs[p] = append(w.rt.pairs[p], pair)
		}
		return err
	}},
	{"ListRoutingProfileQueues", 2, func(w *worker) bool { return len(w.rt.profiles) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListRoutingProfileQueues(ctx, &connect.ListRoutingProfileQueuesInput{InstanceId: &w.inst, RoutingProfileId: aws.String(w.any(w.rt.profiles))})
		return err
	}},
	{"UpdateRoutingProfileQueues", 1, func(w *worker) bool {
		_, ok := w.profileWith(func(p string) bool { return len(w.rt.pairs[p]) > 0 })
		return ok
	}, func(ctx context.Context, w *worker) error {
		p, _ := w.profileWith(func(p string) bool { return len(w.rt.pairs[p]) > 0 })
		pair := w.rt.pairs[p][w.rng.IntN(len(w.rt.pairs[p]))]
		_, err := w.c.UpdateRoutingProfileQueues(ctx, &connect.UpdateRoutingProfileQueuesInput{InstanceId: &w.inst, RoutingProfileId: &p,
			QueueConfigs: []types.RoutingProfileQueueConfig{{QueueReference: &types.RoutingProfileQueueReference{QueueId: &pair.queue, Channel: pair.channel},
				Priority: aws.Int32(int32(1 + w.n%99)), Delay: aws.Int32(int32(w.n % 100))}}})
		return err
	}},
	{"DisassociateRoutingProfileQueues", 1, func(w *worker) bool {
		_, ok := w.profileWith(func(p string) bool { return len(w.rt.pairs[p]) > 1 })
		return ok
	}, func(ctx context.Context, w *worker) error {
		p, _ := w.profileWith(func(p string) bool { return len(w.rt.pairs[p]) > 1 })
		pair := w.rt.pairs[p][len(w.rt.pairs[p])-1]
		_, err := w.c.DisassociateRoutingProfileQueues(ctx, &connect.DisassociateRoutingProfileQueuesInput{InstanceId: &w.inst, RoutingProfileId: &p,
			QueueReferences: []types.RoutingProfileQueueReference{{QueueId: &pair.queue, Channel: pair.channel}}})
		if err == nil {
			w.rt.pairs[p] = w.rt.pairs[p][:len(w.rt.pairs[p])-1]
		}
		return err
	}},
	{"UpdateRoutingProfileConcurrency", 1, func(w *worker) bool { return len(w.rt.profiles) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateRoutingProfileConcurrency(ctx, &connect.UpdateRoutingProfileConcurrencyInput{InstanceId: &w.inst, RoutingProfileId: aws.String(w.any(w.rt.profiles)),
			MediaConcurrencies: []types.MediaConcurrency{{Channel: types.ChannelVoice, Concurrency: aws.Int32(1)},
				{Channel: types.ChannelTask, Concurrency: aws.Int32(int32(1 + w.n%10))}}})
		return err
	}},
	{"UpdateRoutingProfileDefaultOutboundQueue", 1, func(w *worker) bool { return len(w.rt.profiles) > 0 && w.rt.basicQueue != "" }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateRoutingProfileDefaultOutboundQueue(ctx, &connect.UpdateRoutingProfileDefaultOutboundQueueInput{InstanceId: &w.inst,
			RoutingProfileId: aws.String(w.any(w.rt.profiles)), DefaultOutboundQueueId: aws.String(w.any(w.pinnedQueues()))})
		return err
	}},
	{"UpdateRoutingProfileName", 1, func(w *worker) bool { return len(w.rt.profiles) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateRoutingProfileName(ctx, &connect.UpdateRoutingProfileNameInput{InstanceId: &w.inst, RoutingProfileId: aws.String(w.any(w.rt.profiles)),
			Name: w.name("profile"), Description: aws.String(fmt.Sprintf("renamed %d", w.n))})
		return err
	}},
	{"SearchRoutingProfiles", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.SearchRoutingProfiles(ctx, &connect.SearchRoutingProfilesInput{InstanceId: &w.inst,
			SearchCriteria: &types.RoutingProfileSearchCriteria{StringCondition: nameIs("profile")}})
		return err
	}},

	// Security profiles.
	{"ListSecurityProfiles", 2, nil, func(ctx context.Context, w *worker) error {
		p := connect.NewListSecurityProfilesPaginator(w.c, &connect.ListSecurityProfilesInput{InstanceId: &w.inst})
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				return err
			}
			for _, s := range out.SecurityProfileSummaryList {
				if aws.ToString(s.Name) == "Agent" {
					w.rt.agentProfile = *s.Id
				}
			}
		}
		return nil
	}},
	{"CreateSecurityProfile", 2, func(w *worker) bool { return len(w.rt.secProfiles) < maxObjects }, func(ctx context.Context, w *worker) error {
		out, err := w.c.CreateSecurityProfile(ctx, &connect.CreateSecurityProfileInput{InstanceId: &w.inst, SecurityProfileName: w.name("sp"),
			Description: aws.String("soak"), Permissions: []string{"BasicAgentAccess", "Queues.View"}, Tags: soakTags})
		if err == nil {
			w.rt.secProfiles = append(w.rt.secProfiles, *out.SecurityProfileId)
		}
		return err
	}},
	{"DescribeSecurityProfile", 3, func(w *worker) bool { return len(w.rt.secProfiles) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeSecurityProfile(ctx, &connect.DescribeSecurityProfileInput{InstanceId: &w.inst, SecurityProfileId: aws.String(w.any(w.rt.secProfiles))})
		return err
	}},
	{"ListSecurityProfilePermissions", 2, func(w *worker) bool { return len(w.rt.secProfiles) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListSecurityProfilePermissions(ctx, &connect.ListSecurityProfilePermissionsInput{InstanceId: &w.inst,
			SecurityProfileId: aws.String(w.any(w.rt.secProfiles))})
		return err
	}},
	{"UpdateSecurityProfile", 1, func(w *worker) bool { return len(w.rt.secProfiles) > 0 }, func(ctx context.Context, w *worker) error {
		perms := []string{"BasicAgentAccess"}
		if w.n%2 == 0 {
			perms = append(perms, "Users.View")
		}
		_, err := w.c.UpdateSecurityProfile(ctx, &connect.UpdateSecurityProfileInput{InstanceId: &w.inst, SecurityProfileId: aws.String(w.any(w.rt.secProfiles)),
			Description: aws.String(fmt.Sprintf("update %d", w.n)), Permissions: perms})
		return err
	}},
	{"SearchSecurityProfiles", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.SearchSecurityProfiles(ctx, &connect.SearchSecurityProfilesInput{InstanceId: &w.inst,
			SearchCriteria: &types.SecurityProfileSearchCriteria{StringCondition: nameIs("sp")}})
		return err
	}},

	// Agent statuses (there is no delete: the worker stops creating at maxStatuses).
	{"ListAgentStatuses", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListAgentStatuses(ctx, &connect.ListAgentStatusesInput{InstanceId: &w.inst})
		return err
	}},
	{"CreateAgentStatus", 1, func(w *worker) bool { return len(w.rt.statuses) < maxStatuses }, func(ctx context.Context, w *worker) error {
		out, err := w.c.CreateAgentStatus(ctx, &connect.CreateAgentStatusInput{InstanceId: &w.inst, Name: w.name("status"), Description: aws.String("soak"),
			State: types.AgentStatusStateEnabled, DisplayOrder: aws.Int32(int32(1 + w.n%50)), Tags: soakTags})
		if err == nil {
			w.rt.statuses = append(w.rt.statuses, *out.AgentStatusId)
		}
		return err
	}},
	{"DescribeAgentStatus", 3, func(w *worker) bool { return len(w.rt.statuses) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeAgentStatus(ctx, &connect.DescribeAgentStatusInput{InstanceId: &w.inst, AgentStatusId: aws.String(w.any(w.rt.statuses))})
		return err
	}},
	{"UpdateAgentStatus", 1, func(w *worker) bool { return len(w.rt.statuses) > 0 }, func(ctx context.Context, w *worker) error {
		state := types.AgentStatusStateEnabled
		if w.n%2 == 0 {
			state = types.AgentStatusStateDisabled
		}
		_, err := w.c.UpdateAgentStatus(ctx, &connect.UpdateAgentStatusInput{InstanceId: &w.inst, AgentStatusId: aws.String(w.any(w.rt.statuses)),
			Name: w.name("status"), State: state, DisplayOrder: aws.Int32(int32(1 + w.n%50))})
		return err
	}},

	// The user hierarchy: always levels one and two (renamed, never removed), groups[0] at level one, the
	// others its children, which hold no user, so any but the first may go.
	{"DescribeUserHierarchyStructure", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeUserHierarchyStructure(ctx, &connect.DescribeUserHierarchyStructureInput{InstanceId: &w.inst})
		return err
	}},
	{"UpdateUserHierarchyStructure", 1, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateUserHierarchyStructure(ctx, &connect.UpdateUserHierarchyStructureInput{InstanceId: &w.inst,
			HierarchyStructure: &types.HierarchyStructureUpdate{LevelOne: &types.HierarchyLevelUpdate{Name: w.name("Region")},
				LevelTwo: &types.HierarchyLevelUpdate{Name: w.name("Site")}}})
		if err == nil {
			w.rt.structured = true
		}
		return err
	}},
	{"CreateUserHierarchyGroup", 2, func(w *worker) bool { return w.rt.structured && len(w.rt.groups) < maxObjects }, func(ctx context.Context, w *worker) error {
		in := &connect.CreateUserHierarchyGroupInput{InstanceId: &w.inst, Name: w.name("group"), Tags: soakTags}
		if len(w.rt.groups) > 0 {
			in.ParentGroupId = &w.rt.groups[0]
		}
		out, err := w.c.CreateUserHierarchyGroup(ctx, in)
		if err == nil {
			w.rt.groups = append(w.rt.groups, *out.HierarchyGroupId)
		}
		return err
	}},
	{"DescribeUserHierarchyGroup", 3, func(w *worker) bool { return len(w.rt.groups) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{InstanceId: &w.inst, HierarchyGroupId: aws.String(w.any(w.rt.groups))})
		return err
	}},
	{"ListUserHierarchyGroups", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListUserHierarchyGroups(ctx, &connect.ListUserHierarchyGroupsInput{InstanceId: &w.inst})
		return err
	}},
	{"UpdateUserHierarchyGroupName", 1, func(w *worker) bool { return len(w.rt.groups) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateUserHierarchyGroupName(ctx, &connect.UpdateUserHierarchyGroupNameInput{InstanceId: &w.inst,
			HierarchyGroupId: aws.String(w.any(w.rt.groups)), Name: w.name("group")})
		return err
	}},
	{"DeleteUserHierarchyGroup", 1, func(w *worker) bool { return len(w.rt.groups) > 1 }, func(ctx context.Context, w *worker) error {
		id := last(w.rt.groups) // a child of groups[0], and users join groups[0] only
		_, err := w.c.DeleteUserHierarchyGroup(ctx, &connect.DeleteUserHierarchyGroupInput{InstanceId: &w.inst, HierarchyGroupId: &id})
		if err == nil {
			pop(&w.rt.groups, id)
		}
		return err
	}},

	// Users: on the Basic Routing Profile or profiles[0], with the Agent security profile and secProfiles[0].
	{"ListUsers", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: &w.inst})
		return err
	}},
	{"CreateUser", 2, func(w *worker) bool {
		return w.rt.basicProfile != "" && w.rt.agentProfile != "" && len(w.rt.users) < maxObjects
	}, func(ctx context.Context, w *worker) error {
		in := &connect.CreateUserInput{InstanceId: &w.inst, Username: w.name("user"), Password: aws.String("Password123"),
			RoutingProfileId: &w.rt.basicProfile, SecurityProfileIds: []string{w.rt.agentProfile},
			PhoneConfig:  &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone, AfterContactWorkTimeLimit: 10},
			IdentityInfo: &types.UserIdentityInfo{FirstName: aws.String("Soak"), LastName: aws.String(fmt.Sprint(w.id))}, Tags: soakTags}
		if len(w.rt.groups) > 0 {
			in.HierarchyGroupId = &w.rt.groups[0]
		}
		out, err := w.c.CreateUser(ctx, in)
		if err == nil {
			w.rt.users = append(w.rt.users, *out.UserId)
		}
		return err
	}},
	{"DescribeUser", 3, func(w *worker) bool { return len(w.rt.users) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: &w.inst, UserId: aws.String(w.any(w.rt.users))})
		return err
	}},
	{"UpdateUserHierarchy", 1, func(w *worker) bool { return len(w.rt.users) > 0 }, func(ctx context.Context, w *worker) error {
		in := &connect.UpdateUserHierarchyInput{InstanceId: &w.inst, UserId: aws.String(w.any(w.rt.users))}
		if len(w.rt.groups) > 0 && w.n%2 == 0 { // else the user leaves its group
			in.HierarchyGroupId = &w.rt.groups[0]
		}
		_, err := w.c.UpdateUserHierarchy(ctx, in)
		return err
	}},
	{"UpdateUserIdentityInfo", 1, func(w *worker) bool { return len(w.rt.users) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{InstanceId: &w.inst, UserId: aws.String(w.any(w.rt.users)),
			IdentityInfo: &types.UserIdentityInfo{FirstName: aws.String("Soak"), LastName: aws.String(fmt.Sprint(w.n)),
				Email: aws.String(fmt.Sprintf("soak%d@example.com", w.n))}})
		return err
	}},
	{"UpdateUserPhoneConfig", 1, func(w *worker) bool { return len(w.rt.users) > 0 }, func(ctx context.Context, w *worker) error {
		cfg := &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone, AutoAccept: w.n%2 == 0, AfterContactWorkTimeLimit: int32(w.n % 60)}
		if w.n%3 == 0 {
			cfg.PhoneType, cfg.DeskPhoneNumber = types.PhoneTypeDeskPhone, aws.String(fmt.Sprintf("+1555555%04d", w.n%10000))
		}
		_, err := w.c.UpdateUserPhoneConfig(ctx, &connect.UpdateUserPhoneConfigInput{InstanceId: &w.inst, UserId: aws.String(w.any(w.rt.users)), PhoneConfig: cfg})
		return err
	}},
	{"UpdateUserRoutingProfile", 1, func(w *worker) bool { return len(w.rt.users) > 0 }, func(ctx context.Context, w *worker) error {
		rp := w.rt.basicProfile
		if len(w.rt.profiles) > 0 && w.n%2 == 0 {
			rp = w.rt.profiles[0]
		}
		_, err := w.c.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{InstanceId: &w.inst, UserId: aws.String(w.any(w.rt.users)),
			RoutingProfileId: &rp})
		return err
	}},
	{"UpdateUserSecurityProfiles", 1, func(w *worker) bool { return len(w.rt.users) > 0 }, func(ctx context.Context, w *worker) error {
		ids := []string{w.rt.agentProfile}
		if len(w.rt.secProfiles) > 0 && w.n%2 == 0 {
			ids = append(ids, w.rt.secProfiles[0])
		}
		_, err := w.c.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{InstanceId: &w.inst, UserId: aws.String(w.any(w.rt.users)),
			SecurityProfileIds: ids})
		return err
	}},
	{"SearchUsers", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.SearchUsers(ctx, &connect.SearchUsersInput{InstanceId: &w.inst, SearchCriteria: &types.UserSearchCriteria{
			StringCondition: &types.StringCondition{FieldName: aws.String("Username"), Value: aws.String("user"), ComparisonType: types.StringComparisonTypeStartsWith}}})
		return err
	}},
	{"DeleteUser", 1, func(w *worker) bool { return len(w.rt.users) > 1 }, func(ctx context.Context, w *worker) error {
		id := last(w.rt.users) // USER quick connects name users[0] only
		_, err := w.c.DeleteUser(ctx, &connect.DeleteUserInput{InstanceId: &w.inst, UserId: &id})
		if err == nil {
			pop(&w.rt.users, id)
		}
		return err
	}},
	// The profiles' deletes come after the users' steps, which are what could hold them.
	{"DeleteRoutingProfile", 1, func(w *worker) bool { return len(w.rt.profiles) > 1 }, func(ctx context.Context, w *worker) error {
		id := last(w.rt.profiles) // users are on the Basic Routing Profile or profiles[0]
		_, err := w.c.DeleteRoutingProfile(ctx, &connect.DeleteRoutingProfileInput{InstanceId: &w.inst, RoutingProfileId: &id})
		if err == nil {
			pop(&w.rt.profiles, id)
			delete(w.rt.pairs, id)
		}
		return err
	}},
	{"DeleteSecurityProfile", 1, func(w *worker) bool { return len(w.rt.secProfiles) > 1 }, func(ctx context.Context, w *worker) error {
		id := last(w.rt.secProfiles) // users hold the Agent profile and secProfiles[0] only
		_, err := w.c.DeleteSecurityProfile(ctx, &connect.DeleteSecurityProfileInput{InstanceId: &w.inst, SecurityProfileId: &id})
		if err == nil {
			pop(&w.rt.secProfiles, id)
		}
		return err
	}},

	// Contact flow modules, and the flows' name and metadata.
	{"CreateContactFlowModule", 2, func(w *worker) bool { return len(w.rt.modules) < maxObjects }, func(ctx context.Context, w *worker) error {
		out, err := w.c.CreateContactFlowModule(ctx, &connect.CreateContactFlowModuleInput{InstanceId: &w.inst, Name: w.name("module"),
			Description: aws.String("soak"), Content: aws.String(flowContent), Tags: soakTags})
		if err == nil {
			w.rt.modules = append(w.rt.modules, *out.Id)
		}
		return err
	}},
	{"DescribeContactFlowModule", 3, func(w *worker) bool { return len(w.rt.modules) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeContactFlowModule(ctx, &connect.DescribeContactFlowModuleInput{InstanceId: &w.inst, ContactFlowModuleId: aws.String(w.any(w.rt.modules))})
		return err
	}},
	{"ListContactFlowModules", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListContactFlowModules(ctx, &connect.ListContactFlowModulesInput{InstanceId: &w.inst})
		return err
	}},
	{"UpdateContactFlowModuleContent", 1, func(w *worker) bool { return len(w.rt.modules) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateContactFlowModuleContent(ctx, &connect.UpdateContactFlowModuleContentInput{InstanceId: &w.inst,
			ContactFlowModuleId: aws.String(w.any(w.rt.modules)), Content: aws.String(flowContent)})
		return err
	}},
	{"UpdateContactFlowModuleMetadata", 1, func(w *worker) bool { return len(w.rt.modules) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateContactFlowModuleMetadata(ctx, &connect.UpdateContactFlowModuleMetadataInput{InstanceId: &w.inst,
			ContactFlowModuleId: aws.String(w.any(w.rt.modules)), Name: w.name("module"), Description: aws.String(fmt.Sprintf("update %d", w.n))})
		return err
	}},
	{"DeleteContactFlowModule", 1, func(w *worker) bool { return len(w.rt.modules) > 1 }, func(ctx context.Context, w *worker) error {
		id := last(w.rt.modules)
		_, err := w.c.DeleteContactFlowModule(ctx, &connect.DeleteContactFlowModuleInput{InstanceId: &w.inst, ContactFlowModuleId: &id})
		if err == nil {
			pop(&w.rt.modules, id)
		}
		return err
	}},
	{"UpdateContactFlowName", 1, func(w *worker) bool { return len(w.flows) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.UpdateContactFlowName(ctx, &connect.UpdateContactFlowNameInput{InstanceId: &w.inst, ContactFlowId: aws.String(w.any(w.flows)),
			Name: w.name("flow-renamed"), Description: aws.String(fmt.Sprintf("renamed %d", w.n))})
		return err
	}},
	{"UpdateContactFlowMetadata", 1, func(w *worker) bool { return len(w.flows) > 0 }, func(ctx context.Context, w *worker) error {
		// the state stays ACTIVE: flows[0] routes the task templates
		_, err := w.c.UpdateContactFlowMetadata(ctx, &connect.UpdateContactFlowMetadataInput{InstanceId: &w.inst, ContactFlowId: aws.String(w.any(w.flows)),
			Name: w.name("flow-meta"), Description: aws.String(""), ContactFlowState: types.ContactFlowStateActive})
		return err
	}},

	// Instance storage configs: one per resource type.
	{"AssociateInstanceStorageConfig", 1, func(w *worker) bool { return len(w.rt.storage) < len(storageKinds) }, func(ctx context.Context, w *worker) error {
		var free []string
		for _, k := range storageKinds {
			if _, ok := w.rt.storage[k]; !ok {
				free = append(free, k)
			}
		}
		kind := free[w.rng.IntN(len(free))]
		out, err := w.c.AssociateInstanceStorageConfig(ctx, &connect.AssociateInstanceStorageConfigInput{InstanceId: &w.inst,
			ResourceType: types.InstanceStorageResourceType(kind), StorageConfig: storageConfig(kind, w.n)})
		if err == nil {
			if w.rt.storage == nil {
				w.rt.storage = map[string]string{}
			}
			w.rt.storage[kind] = *out.AssociationId
		}
		return err
	}},
	{"DescribeInstanceStorageConfig", 2, func(w *worker) bool { return len(w.rt.storage) > 0 }, func(ctx context.Context, w *worker) error {
		kind, id := w.anyStorage()
		_, err := w.c.DescribeInstanceStorageConfig(ctx, &connect.DescribeInstanceStorageConfigInput{InstanceId: &w.inst, AssociationId: &id,
			ResourceType: types.InstanceStorageResourceType(kind)})
		return err
	}},
	{"ListInstanceStorageConfigs", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListInstanceStorageConfigs(ctx, &connect.ListInstanceStorageConfigsInput{InstanceId: &w.inst,
			ResourceType: types.InstanceStorageResourceType(storageKinds[w.n%len(storageKinds)])})
		return err
	}},
	{"UpdateInstanceStorageConfig", 1, func(w *worker) bool { return len(w.rt.storage) > 0 }, func(ctx context.Context, w *worker) error {
		kind, id := w.anyStorage()
		_, err := w.c.UpdateInstanceStorageConfig(ctx, &connect.UpdateInstanceStorageConfigInput{InstanceId: &w.inst, AssociationId: &id,
			ResourceType: types.InstanceStorageResourceType(kind), StorageConfig: storageConfig(kind, w.n)})
		return err
	}},
	{"DisassociateInstanceStorageConfig", 1, func(w *worker) bool { return len(w.rt.storage) > 1 }, func(ctx context.Context, w *worker) error {
		kind, id := w.anyStorage()
		_, err := w.c.DisassociateInstanceStorageConfig(ctx, &connect.DisassociateInstanceStorageConfigInput{InstanceId: &w.inst, AssociationId: &id,
			ResourceType: types.InstanceStorageResourceType(kind)})
		if err == nil {
			delete(w.rt.storage, kind)
		}
		return err
	}},

	// Lambda functions.
	{"AssociateLambdaFunction", 1, func(w *worker) bool { return len(w.rt.lambdas) < maxObjects }, func(ctx context.Context, w *worker) error {
		arn := fmt.Sprintf("arn:aws:lambda:us-east-1:123456789012:function:soak-%d", w.n)
		_, err := w.c.AssociateLambdaFunction(ctx, &connect.AssociateLambdaFunctionInput{InstanceId: &w.inst, FunctionArn: &arn})
		if err == nil {
			w.rt.lambdas = append(w.rt.lambdas, arn)
		}
		return err
	}},
	{"ListLambdaFunctions", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.ListLambdaFunctions(ctx, &connect.ListLambdaFunctionsInput{InstanceId: &w.inst})
		return err
	}},
	{"DisassociateLambdaFunction", 1, func(w *worker) bool { return len(w.rt.lambdas) > 1 }, func(ctx context.Context, w *worker) error {
		arn := last(w.rt.lambdas)
		_, err := w.c.DisassociateLambdaFunction(ctx, &connect.DisassociateLambdaFunctionInput{InstanceId: &w.inst, FunctionArn: &arn})
		if err == nil {
			pop(&w.rt.lambdas, arn)
		}
		return err
	}},

	// Lex bots, V1 and V2 in turn.
	{"AssociateBot", 1, func(w *worker) bool { return len(w.rt.bots) < maxObjects }, func(ctx context.Context, w *worker) error {
		in := &connect.AssociateBotInput{InstanceId: &w.inst}
		var b bot
		if w.n%2 == 0 {
			b.v1 = &types.LexBot{Name: aws.String(fmt.Sprintf("soak_%d", w.n)), LexRegion: aws.String("us-east-1")}
			in.LexBot = b.v1
		} else {
			b.alias = fmt.Sprintf("arn:aws:lex:us-east-1:123456789012:bot-alias/%010d/TSTALIASID", w.n)
			in.LexV2Bot = &types.LexV2Bot{AliasArn: &b.alias}
		}
		_, err := w.c.AssociateBot(ctx, in)
		if err == nil {
			w.rt.bots = append(w.rt.bots, b)
		}
		return err
	}},
	{"ListBots", 2, nil, func(ctx context.Context, w *worker) error {
		version := types.LexVersionV1
		if w.n%2 == 0 {
			version = types.LexVersionV2
		}
		_, err := w.c.ListBots(ctx, &connect.ListBotsInput{InstanceId: &w.inst, LexVersion: version})
		return err
	}},
	{"DisassociateBot", 1, func(w *worker) bool { return len(w.rt.bots) > 1 }, func(ctx context.Context, w *worker) error {
		b := w.rt.bots[len(w.rt.bots)-1]
		in := &connect.DisassociateBotInput{InstanceId: &w.inst, LexBot: b.v1}
		if b.v1 == nil {
			in.LexV2Bot = &types.LexV2Bot{AliasArn: &b.alias}
		}
		_, err := w.c.DisassociateBot(ctx, in)
		if err == nil {
			w.rt.bots = w.rt.bots[:len(w.rt.bots)-1]
		}
		return err
	}},

	// Vocabularies.
	{"CreateVocabulary", 1, func(w *worker) bool { return len(w.rt.vocabs) < maxObjects }, func(ctx context.Context, w *worker) error {
		out, err := w.c.CreateVocabulary(ctx, &connect.CreateVocabularyInput{InstanceId: &w.inst, VocabularyName: w.name("vocab"),
			LanguageCode: types.VocabularyLanguageCodeEnUs, Content: aws.String("Phrase\tIPA\tSoundsLike\tDisplayAs\nConnect\t\t\t\n"), Tags: soakTags})
		if err == nil {
			w.rt.vocabs = append(w.rt.vocabs, *out.VocabularyId)
		}
		return err
	}},
	{"DescribeVocabulary", 2, func(w *worker) bool { return len(w.rt.vocabs) > 0 }, func(ctx context.Context, w *worker) error {
		_, err := w.c.DescribeVocabulary(ctx, &connect.DescribeVocabularyInput{InstanceId: &w.inst, VocabularyId: aws.String(w.any(w.rt.vocabs))})
		return err
	}},
	{"SearchVocabularies", 2, nil, func(ctx context.Context, w *worker) error {
		_, err := w.c.SearchVocabularies(ctx, &connect.SearchVocabulariesInput{InstanceId: &w.inst, NameStartsWith: aws.String("vocab"),
			LanguageCode: types.VocabularyLanguageCodeEnUs})
		return err
	}},
	{"DeleteVocabulary", 1, func(w *worker) bool { return len(w.rt.vocabs) > 1 }, func(ctx context.Context, w *worker) error {
		id := last(w.rt.vocabs)
		_, err := w.c.DeleteVocabulary(ctx, &connect.DeleteVocabularyInput{InstanceId: &w.inst, VocabularyId: &id})
		if err == nil {
			pop(&w.rt.vocabs, id)
		}
		return err
	}},
}

// anyStorage picks one of the worker's storage configs.
func (w *worker) anyStorage() (kind, id string) {
	var kinds []string
	for _, k := range storageKinds {
		if _, ok := w.rt.storage[k]; ok {
			kinds = append(kinds, k)
		}
	}
	kind = kinds[w.rng.IntN(len(kinds))]
	return kind, w.rt.storage[kind]
}
