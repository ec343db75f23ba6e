package awsapi_test

import (
	"bytes"
	"io"
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

// Export writes an instance's routing objects and import brings them back with their ids and tags, before the
// flows and templates that name them (a template's QUICK_CONNECT default needs its quick connect).
func TestExportImportKeepsRoutingObjects(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		q, err := c.CreateQueue(ctx, &connect.CreateQueueInput{InstanceId: &inst, Name: aws.String("Sales"),
			HoursOfOperationId: aws.String(hoursByName(t, c, inst, "Basic Hours")), Tags: map[string]string{"team": "sales"}})
		if err != nil {
			t.Fatal(err)
		}
		qc, err := c.CreateQuickConnect(ctx, &connect.CreateQuickConnectInput{InstanceId: &inst, Name: aws.String("Desk"),
			QuickConnectConfig: &types.QuickConnectConfig{QuickConnectType: types.QuickConnectTypePhoneNumber,
				PhoneConfig: &types.PhoneNumberQuickConnectConfig{PhoneNumber: aws.String("+15555550100")}}})
		if err != nil {
			t.Fatal(err)
		}
		in := quickTemplate(inst, "Routed")
		in.Defaults = &types.TaskTemplateDefaults{DefaultFieldValues: []types.TaskTemplateDefaultFieldValue{{
			Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Assign")}, DefaultValue: qc.QuickConnectId}}}
		mustTemplate(t, c, in)

		res, err := http.Get(srv.URL + "/_connectlocal/export")
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if !bytes.Contains(doc, []byte(`"RoutingObjects"`)) {
			t.Fatalf("the export has no routing objects:\n%s", doc)
		}

		other := connecttest.Start(t, memory.New())
		res, err = http.Post(other.URL+"/_connectlocal/import", "application/json", bytes.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("import: %d %s", res.StatusCode, body)
		}
		got, err := other.Client.DescribeQueue(ctx, &connect.DescribeQueueInput{InstanceId: &inst, QueueId: q.QueueId})
		if err != nil || *got.Queue.Name != "Sales" || got.Queue.Tags["team"] != "sales" {
			t.Fatalf("the imported queue: %+v %v", got, err)
		}
		if _, err := other.Client.DescribeQuickConnect(ctx, &connect.DescribeQuickConnectInput{InstanceId: &inst, QuickConnectId: qc.QuickConnectId}); err != nil {
			t.Fatal(err)
		}
		list, err := other.Client.ListQueues(ctx, &connect.ListQueuesInput{InstanceId: &inst, QueueTypes: []types.QueueType{types.QueueTypeStandard}})
		if err != nil || len(list.QueueSummaryList) != 2 { // BasicQueue once, not twice
			t.Fatalf("imported queues: %+v %v", list, err)
		}
	})
}
