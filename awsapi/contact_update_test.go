package awsapi_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// settableClock is a service clock the test moves by hand.
type settableClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *settableClock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *settableClock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func (c *settableClock) install(s *connectlocal.Service) { s.Now = c.now }

func describeTask(t *testing.T, c *connect.Client, inst string, id *string) types.Contact {
	t.Helper()
	d, err := c.DescribeContact(ctx, &connect.DescribeContactInput{InstanceId: &inst, ContactId: id})
	if err != nil {
		t.Fatalf("DescribeContact: %v", err)
	}
	return *d.Contact
}

func mustTask(t *testing.T, c *connect.Client, in *connect.StartTaskContactInput) *string {
	t.Helper()
	out, err := c.StartTaskContact(ctx, in)
	if err != nil {
		t.Fatalf("StartTaskContact: %v", err)
	}
	return out.ContactId
}

// references lists a task's references of the given types, page by page, as "Kind:Name=Value".
func references(t *testing.T, c *connect.Client, inst string, id *string, typs ...types.ReferenceType) ([]string, int) {
	t.Helper()
	var got []string
	var token *string
	pages := 0
	for {
		out, err := c.ListContactReferences(ctx, &connect.ListContactReferencesInput{InstanceId: &inst, ContactId: id, ReferenceTypes: typs, NextToken: token})
		if err != nil {
			t.Fatalf("ListContactReferences: %v", err)
		}
		pages++
		for _, s := range out.ReferenceSummaryList {
			switch r := s.(type) {
			case *types.ReferenceSummaryMemberUrl:
				got = append(got, "Url:"+*r.Value.Name+"="+*r.Value.Value)
			case *types.ReferenceSummaryMemberNumber:
				got = append(got, "Number:"+*r.Value.Name+"="+*r.Value.Value)
			case *types.ReferenceSummaryMemberString:
				got = append(got, "String:"+*r.Value.Name+"="+*r.Value.Value)
			case *types.ReferenceSummaryMemberDate:
				got = append(got, "Date:"+*r.Value.Name+"="+*r.Value.Value)
			case *types.ReferenceSummaryMemberEmail:
				got = append(got, "Email:"+*r.Value.Name+"="+*r.Value.Value)
			default:
				t.Fatalf("unexpected reference summary %T", s)
			}
		}
		if token = out.NextToken; token == nil {
			return got, pages
		}
	}
}

var allTaskReferenceTypes = []types.ReferenceType{"URL", "NUMBER", "STRING", "DATE", "EMAIL"}

func TestListContactReferences(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		refs := goodRefs()
		refs["Order page"] = ref(types.ReferenceTypeUrl, "https://shop.example.com/o/1")
		refs["Bought"] = ref(types.ReferenceTypeDate, "1764000000")
		id := mustTask(t, c, f.task(refs))
		got, _ := references(t, c, f.inst, id, allTaskReferenceTypes...)
		// Channel comes from the template's default, as a STRING reference (spec-facts §7.3).
		want := []string{"Number:Amount=19.99", "Date:Bought=1764000000", "String:Channel=Web", "Email:Customer=kim@example.com",
			"Url:Order page=https://shop.example.com/o/1"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("references (-want +got):\n%s", diff)
		}
		if only, _ := references(t, c, f.inst, id, "EMAIL", "ATTACHMENT"); fmt.Sprint(only) != "[Email:Customer=kim@example.com]" {
			t.Errorf("EMAIL only: %v", only)
		}

		// 101 references make two pages of 100 and 1.
		many := map[string]types.Reference{}
		for i := range 101 {
			many[fmt.Sprintf("r%03d", i)] = ref(types.ReferenceTypeString, "v")
		}
		big := mustTask(t, c, &connect.StartTaskContactInput{InstanceId: &f.inst, ContactFlowId: &f.flow, Name: aws.String("many"), References: many})
		all, pages := references(t, c, f.inst, big, "STRING")
		if len(all) != 101 || pages != 2 || all[0] != "String:r000=v" || all[100] != "String:r100=v" {
			t.Errorf("%d references in %d pages: first %v", len(all), pages, all[:1])
		}

		_, err := c.ListContactReferences(ctx, &connect.ListContactReferencesInput{InstanceId: &f.inst, ContactId: aws.String("nope"), ReferenceTypes: []types.ReferenceType{"URL"}})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.ListContactReferences(ctx, &connect.ListContactReferencesInput{InstanceId: aws.String("nope"), ContactId: id, ReferenceTypes: []types.ReferenceType{"URL"}})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.ListContactReferences(ctx, &connect.ListContactReferencesInput{InstanceId: &f.inst, ContactId: id, ReferenceTypes: []types.ReferenceType{"BOGUS"}})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.ListContactReferences(ctx, &connect.ListContactReferencesInput{InstanceId: &f.inst, ContactId: id, ReferenceTypes: []types.ReferenceType{"URL"}, NextToken: aws.String("forged")})
		wantAPIError(t, err, "InvalidParameterException")
	})
}

func TestUpdateContact(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		id := mustTask(t, c, f.task(goodRefs()))
		before := describeTask(t, c, f.inst, id)
		_, err := c.UpdateContact(ctx, &connect.UpdateContactInput{InstanceId: &f.inst, ContactId: id, Name: aws.String("Refund #1 (checked)"),
			Description: aws.String("Looked at it"), References: map[string]types.Reference{
				"Amount": ref(types.ReferenceTypeNumber, "25"), "Note": ref(types.ReferenceTypeString, "called back"), "Extra": ref(types.ReferenceTypeUrl, "https://x.example/"),
			}})
		if err != nil {
			t.Fatal(err)
		}
		after := describeTask(t, c, f.inst, id)
		if *after.Name != "Refund #1 (checked)" || *after.Description != "Looked at it" || !after.LastUpdateTimestamp.After(*before.LastUpdateTimestamp) {
			t.Errorf("after UpdateContact: %+v", after)
		}
		got, _ := references(t, c, f.inst, id, allTaskReferenceTypes...)
		want := []string{"Number:Amount=25", "String:Channel=Web", "Email:Customer=kim@example.com", "Url:Extra=https://x.example/", "String:Note=called back"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("references after update (-want +got):\n%s", diff)
		}

		refused := []struct {
			name string
			in   connect.UpdateContactInput
			code string
		}{
			{"number field keeps its value type", connect.UpdateContactInput{References: map[string]types.Reference{"Amount": ref("NUMBER", "lots")}}, "InvalidParameterException"},
			{"field keeps its reference type", connect.UpdateContactInput{References: map[string]types.Reference{"Amount": ref("STRING", "12")}}, "InvalidParameterException"},
			{"select keeps its options", connect.UpdateContactInput{References: map[string]types.Reference{"Channel": ref("STRING", "Fax")}}, "InvalidParameterException"},
			{"required field cannot be emptied", connect.UpdateContactInput{References: map[string]types.Reference{"Customer": ref("EMAIL", "")}}, "InvalidRequestException"},
			{"required description cannot be emptied", connect.UpdateContactInput{Description: aws.String("")}, "InvalidRequestException"},
			{"attachment references are not for tasks", connect.UpdateContactInput{References: map[string]types.Reference{"file": ref("ATTACHMENT", "x")}}, "InvalidParameterException"},
			{"nothing to update", connect.UpdateContactInput{}, "InvalidRequestException"},
			{"a task has no queue", connect.UpdateContactInput{QueueInfo: &types.QueueInfoInput{Id: aws.String("q")}}, "InvalidRequestException"},
			{"expiry needs its integer", connect.UpdateContactInput{SegmentAttributes: map[string]types.SegmentAttributeValue{
				"connect:ContactExpiry": {ValueString: aws.String("60")}}}, "InvalidParameterException"},
		}
		for _, tc := range refused {
			in := tc.in
			in.InstanceId, in.ContactId = &f.inst, id
			_, err := c.UpdateContact(ctx, &in)
			if err == nil {
				t.Errorf("%s: accepted", tc.name)
				continue
			}
			wantAPIError(t, err, tc.code)
		}
		_, err = c.UpdateContact(ctx, &connect.UpdateContactInput{InstanceId: &f.inst, ContactId: aws.String("nope"), Name: aws.String("x")})
		wantAPIError(t, err, "ResourceNotFoundException")
		if diff := cmp.Diff(after, describeTask(t, c, f.inst, id), cmpopts.IgnoreUnexported(types.Contact{}, types.TaskTemplateInfoV2{})); diff != "" {
			t.Errorf("refused updates changed the contact (-before +after):\n%s", diff)
		}

		// A completed task can still be updated (the operation's documentation), and its expiry with it.
		if _, err := c.StopContact(ctx, &connect.StopContactInput{InstanceId: &f.inst, ContactId: id}); err != nil {
			t.Fatal(err)
		}
		_, err = c.UpdateContact(ctx, &connect.UpdateContactInput{InstanceId: &f.inst, ContactId: id, Name: aws.String("closed"),
			SegmentAttributes: map[string]types.SegmentAttributeValue{"connect:ContactExpiry": {ValueMap: map[string]types.SegmentAttributeValue{
				"ExpiryDuration": {ValueInteger: aws.Int32(120)}}}}})
		if err != nil {
			t.Fatal(err)
		}
		done := describeTask(t, c, f.inst, id)
		if *done.Name != "closed" || *done.SegmentAttributes["connect:ContactExpiry"].ValueMap["ExpiryDuration"].ValueInteger != 120 {
			t.Errorf("after updating a stopped task: %+v", done)
		}

		// Issue 19 #11: the model's Name (min 0) takes "", as its NAME field is not required here; the expiry's
		// message names the value sent.
		if _, err := c.UpdateContact(ctx, &connect.UpdateContactInput{InstanceId: &f.inst, ContactId: id, Name: aws.String("")}); err != nil {
			t.Fatalf("UpdateContact Name \"\": %v", err)
		}
		if n := aws.ToString(describeTask(t, c, f.inst, id).Name); n != "" {
			t.Errorf("Name after emptying: %q", n)
		}
		for _, minutes := range []int32{0, -1, 129601} {
			_, err = c.UpdateContact(ctx, &connect.UpdateContactInput{InstanceId: &f.inst, ContactId: id,
				SegmentAttributes: map[string]types.SegmentAttributeValue{"connect:ContactExpiry": {ValueMap: map[string]types.SegmentAttributeValue{
					"ExpiryDuration": {ValueInteger: aws.Int32(minutes)}}}}})
			if e := wantAPIError(t, err, "InvalidParameterException"); !strings.HasSuffix(e.ErrorMessage(), fmt.Sprintf("not %d", minutes)) {
				t.Errorf("expiry %d: %q", minutes, e.ErrorMessage())
			}
		}
	}, steppingClock)
}

func TestUpdateContactAttributes(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		in := f.task(goodRefs())
		in.Attributes = map[string]string{"orderId": "42", "stage": "new"}
		id := mustTask(t, c, in)
		_, err := c.UpdateContactAttributes(ctx, &connect.UpdateContactAttributesInput{InstanceId: &f.inst, InitialContactId: id,
			Attributes: map[string]string{"stage": "checked", "agent-note_1": "ok"}})
		if err != nil {
			t.Fatal(err)
		}
		got := describeTask(t, c, f.inst, id).Attributes
		if diff := cmp.Diff(map[string]string{"orderId": "42", "stage": "checked", "agent-note_1": "ok"}, got); diff != "" {
			t.Errorf("attributes (-want +got):\n%s", diff)
		}
		for _, key := range []string{"bad key", "dotted.key", "ümlaut"} {
			_, err = c.UpdateContactAttributes(ctx, &connect.UpdateContactAttributesInput{InstanceId: &f.inst, InitialContactId: id, Attributes: map[string]string{key: "v"}})
			if ae := wantAPIError(t, err, "InvalidParameterException"); !strings.Contains(ae.ErrorMessage(), "'"+key+"'") {
				t.Errorf("message does not name the key %q: %s", key, ae.ErrorMessage())
			}
		}
		_, err = c.UpdateContactAttributes(ctx, &connect.UpdateContactAttributesInput{InstanceId: &f.inst, InitialContactId: id,
			Attributes: map[string]string{"huge": strings.Repeat("x", connectlocal.MaxAttributesBytes)}})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.UpdateContactAttributes(ctx, &connect.UpdateContactAttributesInput{InstanceId: &f.inst, InitialContactId: aws.String("nope"), Attributes: map[string]string{"a": "b"}})
		wantAPIError(t, err, "ResourceNotFoundException")
		if diff := cmp.Diff(got, describeTask(t, c, f.inst, id).Attributes); diff != "" {
			t.Errorf("refused updates changed attributes:\n%s", diff)
		}

		// StartTaskContact refuses the same keys, naming them.
		bad := f.task(goodRefs())
		bad.Attributes = map[string]string{"ok": "1", "not/ok": "2"}
		_, err = c.StartTaskContact(ctx, bad)
		if ae := wantAPIError(t, err, "InvalidParameterException"); !strings.Contains(ae.ErrorMessage(), "'not/ok'") {
			t.Errorf("StartTaskContact message does not name the key: %s", ae.ErrorMessage())
		}
	})
}

func TestUpdateContactSchedule(t *testing.T) {
	clock := &settableClock{t: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
	start := clock.now()
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		// A fresh input each time: the SDK fills in the idempotency ClientToken of the input it is given.
		plain := func(at *time.Time) *connect.StartTaskContactInput {
			return &connect.StartTaskContactInput{InstanceId: &f.inst, ContactFlowId: &f.flow, Name: aws.String("call back"), ScheduledTime: at}
		}
		now := mustTask(t, c, plain(nil))
		later := mustTask(t, c, plain(aws.Time(start.Add(time.Hour))))
		move := func(id *string, at time.Time) error {
			_, err := c.UpdateContactSchedule(ctx, &connect.UpdateContactScheduleInput{InstanceId: &f.inst, ContactId: id, ScheduledTime: aws.Time(at)})
			return err
		}
		if err := move(later, start.Add(3*time.Hour)); err != nil {
			t.Fatal(err)
		}
		d := describeTask(t, c, f.inst, later)
		if !d.ScheduledTimestamp.Equal(start.Add(3 * time.Hour)) {
			t.Errorf("ScheduledTimestamp %v, want +3h", d.ScheduledTimestamp)
		}
		wantAPIError(t, move(now, start.Add(2*time.Hour)), "InvalidRequestException") // not scheduled
		wantAPIError(t, move(later, start.Add(-time.Hour)), "InvalidParameterException")
		wantAPIError(t, move(later, start.AddDate(0, 0, 91)), "InvalidParameterException")
		wantAPIError(t, move(aws.String("nope"), start.Add(2*time.Hour)), "ResourceNotFoundException")
		if got := describeTask(t, c, f.inst, later).ScheduledTimestamp; !got.Equal(start.Add(3 * time.Hour)) {
			t.Errorf("refused moves changed the schedule: %v", got)
		}
		stopped := mustTask(t, c, plain(aws.Time(start.Add(time.Hour))))
		if _, err := c.StopContact(ctx, &connect.StopContactInput{InstanceId: &f.inst, ContactId: stopped}); err != nil {
			t.Fatal(err)
		}
		wantAPIError(t, move(stopped, start.Add(2*time.Hour)), "InvalidRequestException")
	}, clock.install)
	// Once its time has come, a scheduled task has started and cannot be moved.
	started := &settableClock{t: start}
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		id := mustTask(t, c, &connect.StartTaskContactInput{InstanceId: &f.inst, ContactFlowId: &f.flow, Name: aws.String("soon"),
			ScheduledTime: aws.Time(start.Add(time.Minute))})
		started.set(start.Add(2 * time.Minute))
		_, err := c.UpdateContactSchedule(ctx, &connect.UpdateContactScheduleInput{InstanceId: &f.inst, ContactId: id, ScheduledTime: aws.Time(start.Add(time.Hour))})
		wantAPIError(t, err, "InvalidRequestException")
	}, func(s *connectlocal.Service) { s.Now = started.now })
}

func TestTagContact(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		id := mustTask(t, c, f.task(goodRefs()))
		tag := func(tags map[string]string) error {
			_, err := c.TagContact(ctx, &connect.TagContactInput{InstanceId: &f.inst, ContactId: id, Tags: tags})
			return err
		}
		if err := tag(map[string]string{"team": "billing", "priority": "high"}); err != nil {
			t.Fatal(err)
		}
		if err := tag(map[string]string{"priority": "low"}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string]string{"team": "billing", "priority": "low"}, describeTask(t, c, f.inst, id).Tags); diff != "" {
			t.Errorf("tags (-want +got):\n%s", diff)
		}
		if _, err := c.UntagContact(ctx, &connect.UntagContactInput{InstanceId: &f.inst, ContactId: id, TagKeys: []string{"priority", "absent"}}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[string]string{"team": "billing"}, describeTask(t, c, f.inst, id).Tags); diff != "" {
			t.Errorf("tags after untag (-want +got):\n%s", diff)
		}
		wantAPIError(t, tag(map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5", "f": "6"}), "InvalidParameterException") // 7 in all
		wantAPIError(t, tag(map[string]string{"aws:reserved": "x"}), "InvalidParameterException")
		_, err := c.TagContact(ctx, &connect.TagContactInput{InstanceId: &f.inst, ContactId: aws.String("nope"), Tags: map[string]string{"a": "b"}})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.UntagContact(ctx, &connect.UntagContactInput{InstanceId: &f.inst, ContactId: aws.String("nope"), TagKeys: []string{"a"}})
		wantAPIError(t, err, "ResourceNotFoundException")
		// TagResource keeps refusing contacts: they have their own operation.
		_, err = c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: describeTask(t, c, f.inst, id).Arn, Tags: map[string]string{"a": "b"}})
		wantAPIError(t, err, "InvalidParameterException")
		if diff := cmp.Diff(map[string]string{"team": "billing"}, describeTask(t, c, f.inst, id).Tags); diff != "" {
			t.Errorf("refused tags changed the contact (-want +got):\n%s", diff)
		}
		if _, err := c.UntagContact(ctx, &connect.UntagContactInput{InstanceId: &f.inst, ContactId: id, TagKeys: []string{"team"}}); err != nil {
			t.Fatal(err)
		}
		if tags := describeTask(t, c, f.inst, id).Tags; len(tags) != 0 {
			t.Errorf("no tags left, DescribeContact shows %v", tags)
		}
	})
}
