package awsapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// Issue 19 #4 and #5: an import whose ids the API would never give (`..`, `abc/task-template/def`, which
// make ARNs that read as other resources') or whose region is no AWS region is refused whole, naming the
// entry, and nothing is written.
func TestImport_refusesIDsAndRegionsTheAPIWouldNotGive(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		inst := `"InstanceAlias": "a", "IdentityManagementType": "CONNECT_MANAGED", "InboundCallsEnabled": true, "OutboundCallsEnabled": true`
		field := `"Fields": [{"Id": {"Name": "T"}, "Type": "NAME"}]`
		cases := []struct{ name, doc, want string }{
			{"instance id ..", `{"Instances": [{"Id": "..", ` + inst + `}]}`, "Id '..' is not valid"},
			{"template id with slashes", `{"Instances": [{` + inst + `, "TaskTemplates": [{"Id": "abc/task-template/def", "Name": "t", ` + field + `}]}]}`,
				"TaskTemplates[0].Id 'abc/task-template/def' is not valid"},
			{"flow id with a colon", `{"Instances": [{` + inst + `, "ContactFlows": [{"Id": "arn:x", "Name": "f", "Type": "CONTACT_FLOW", "Content": "{}"}]}]}`,
				"ContactFlows[0].Id 'arn:x' is not valid"},
			{"contact id", `{"Instances": [{` + inst + `, "Contacts": [{"Id": "a/b", "InitiationTimestamp": "2026-11-01T09:00:00Z"}]}]}`,
				"Contacts[0].Id 'a/b' is not valid"},
			{"region", `{"Region": "mars-1", "Instances": [{` + inst + `}]}`, "Region 'mars-1' is not an AWS region name"},
		}
		for _, tc := range cases {
			resp, err := http.Post(srv.URL+"/_connectlocal/import", "application/json", bytes.NewReader([]byte(tc.doc)))
			if err != nil {
				t.Fatal(err)
			}
			var body struct{ Message string }
			json.NewDecoder(resp.Body).Decode(&body)
			resp.Body.Close()
			if resp.StatusCode != 400 || !strings.Contains(body.Message, tc.want) {
				t.Errorf("%s: %d %q, want %q", tc.name, resp.StatusCode, body.Message, tc.want)
			}
		}
		if out, err := srv.Client.ListInstances(ctx, &connect.ListInstancesInput{}); err != nil || len(out.InstanceSummaryList) != 0 {
			t.Fatalf("refused imports left %+v (%v)", out, err)
		}
	})
}
