package cfn

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRoutingSchemas(t *testing.T) {
	want := map[string]*Schema{
		HoursOfOperation: {Name: HoursOfOperation, PrimaryIdentifier: "HoursOfOperationArn", ReadOnly: []string{"HoursOfOperationArn"},
			Listable: true, ListNeeds: []string{"InstanceArn"}},
		Queue: {Name: Queue, PrimaryIdentifier: "QueueArn", ReadOnly: []string{"QueueArn", "Type"},
			Listable: true, ListNeeds: []string{"InstanceArn"}},
		QuickConnect: {Name: QuickConnect, PrimaryIdentifier: "QuickConnectArn", ReadOnly: []string{"QuickConnectArn", "QuickConnectType"},
			Listable: true, ListNeeds: []string{"InstanceArn"}},
		RoutingProfile: {Name: RoutingProfile, PrimaryIdentifier: "RoutingProfileArn", ReadOnly: []string{"RoutingProfileArn"},
			Listable: true, ListNeeds: []string{"InstanceArn"}},
	}
	for name, w := range want {
		if diff := cmp.Diff(w, Schemas[name]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
		if PropertySchemaOf(name) == nil {
			t.Errorf("%s: properties not checked", name)
		}
	}
}

// TestSchemaNumbers: the keywords the routing schemas add to what the checker knew, in everit's words.
func TestSchemaNumbers(t *testing.T) {
	cases := []struct {
		typ, props string
		want       []string
	}{
		{Queue, `{"InstanceArn":"arn:aws:connect:us-east-1:123456789012:instance/i","Name":"q","HoursOfOperationArn":"arn:aws:connect:us-east-1:123456789012:instance/i/operating-hours/h","MaxContacts":-1}`,
			[]string{"#/MaxContacts: -1 is not greater or equal to 0"}},
		{Queue, `{"InstanceArn":"arn:aws:connect:us-east-1:123456789012:instance/i","Name":"q","HoursOfOperationArn":"arn:aws:connect:us-east-1:123456789012:instance/i/operating-hours/h","QuickConnectArns":[]}`,
			[]string{"#/QuickConnectArns: expected minimum item count: 1, found: 0"}},
		{RoutingProfile, `{"InstanceArn":"arn:aws:connect:us-east-1:123456789012:instance/i","Name":"r","Description":"d","DefaultOutboundQueueArn":"arn:aws:connect:us-east-1:123456789012:instance/i/queue/q","MediaConcurrencies":[{"Channel":"CHAT","Concurrency":10.5}]}`,
			[]string{"#/MediaConcurrencies/0/Concurrency: expected type: Integer, found: Number", "#/MediaConcurrencies/0/Concurrency: 10.5 is not less or equal to 10"}},
		{RoutingProfile, `{"InstanceArn":"arn:aws:connect:us-east-1:123456789012:instance/i","Name":"r","Description":"d","DefaultOutboundQueueArn":"arn:aws:connect:us-east-1:123456789012:instance/i/queue/q","MediaConcurrencies":[{"Channel":"CHAT","Concurrency":10}]}`,
			nil},
	}
	for _, tc := range cases {
		var props map[string]any
		dec := json.NewDecoder(strings.NewReader(tc.props))
		dec.UseNumber()
		if err := dec.Decode(&props); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range PropertySchemaOf(tc.typ).Problems(props) {
			got = append(got, p.String())
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.props, diff)
		}
	}
}
