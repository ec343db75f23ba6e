package awsapi_test

import (
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// Issue 19 #4: --ended-tasks N keeps N, not N+1, when the last write to the instance is a stop.
func TestRetention_endedTasksBoundHoldsAfterStops(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		flow := mustFlow(t, c, inst, "f")
		var ids []*string
		for range 3 {
			ids = append(ids, mustTask(t, c, &connect.StartTaskContactInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowId, Name: aws.String("t")}))
		}
		for _, id := range ids {
			if _, err := c.StopContact(ctx, &connect.StopContactInput{InstanceId: &inst, ContactId: id}); err != nil {
				t.Fatal(err)
			}
		}
		_, err := c.DescribeContact(ctx, &connect.DescribeContactInput{InstanceId: &inst, ContactId: ids[0]})
		wantAPIError(t, err, "ResourceNotFoundException")
		for _, id := range ids[1:] {
			describeTask(t, c, inst, id)
		}
	}, steppingClock, func(s *connectlocal.Service) { s.Retention.EndedTasks = 2 }) // stepping: the first task expires first
}

// Issue 19 #4: --task-record-age applies to an instance nobody writes to; SweepTasks is what serve runs every
// minute, called here after moving the clock.
func TestRetention_sweepDropsExpiredTasksOfIdleInstances(t *testing.T) {
	var clocks sync.Map // *connectlocal.Service → its own clock: the stores' subtests run in parallel
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		v, _ := clocks.Load(srv.Service)
		clock := v.(*settableClock)
		c := srv.Client
		inst := mustInstance(t, c)
		flow := mustFlow(t, c, inst, "f")
		expiry := &types.SegmentAttributeValue{ValueMap: map[string]types.SegmentAttributeValue{
			"ExpiryDuration": {ValueInteger: aws.Int32(1)}}}
		short := mustTask(t, c, &connect.StartTaskContactInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowId, Name: aws.String("short"),
			SegmentAttributes: map[string]types.SegmentAttributeValue{"connect:ContactExpiry": *expiry}})
		long := mustTask(t, c, &connect.StartTaskContactInput{InstanceId: &inst, ContactFlowId: flow.ContactFlowId, Name: aws.String("long")})
		if n, err := srv.Service.SweepTasks(ctx); err != nil || n != 0 {
			t.Fatalf("a sweep before anything expired deleted %d: %v", n, err)
		}
		clock.set(clock.now().Add(2 * time.Hour)) // short expired 1 minute in, and is an hour past its record age
		if n, err := srv.Service.SweepTasks(ctx); err != nil || n != 1 {
			t.Fatalf("sweep deleted %d: %v", n, err)
		}
		_, err := c.DescribeContact(ctx, &connect.DescribeContactInput{InstanceId: &inst, ContactId: short})
		wantAPIError(t, err, "ResourceNotFoundException")
		describeTask(t, c, inst, long)
	}, func(s *connectlocal.Service) {
		clock := &settableClock{t: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)}
		clock.install(s)
		clocks.Store(s, clock)
		s.Retention.TaskRecordAge = time.Hour
	})
}
