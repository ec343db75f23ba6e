package cloudcontrol_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

// TestWireErrors: the awsJson1_0 error shape on the wire, for a target no operation has and a body that is
// not JSON: 400, {"__type", "Message"}, the request id header.
func TestWireErrors(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	for name, tc := range map[string]struct{ target, body, want string }{
		"unknown target": {"CloudApiService.Frobnicate", "{}", "UnknownOperationException"},
		"other service":  {"Connect.CreateInstance", "{}", "UnknownOperationException"},
		"body not JSON":  {"CloudApiService.GetResource", "{", "SerializationException"},
	} {
		t.Run(name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", srv.URL+"/", strings.NewReader(tc.body))
			req.Header.Set("X-Amz-Target", tc.target)
			req.Header.Set("Content-Type", "application/x-amz-json-1.0")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			var e map[string]string
			if err := json.Unmarshal(body, &e); err != nil || resp.StatusCode != 400 || e["__type"] != tc.want ||
				e["Message"] == "" || resp.Header.Get("x-amzn-RequestId") == "" {
				t.Fatalf("status %d body %s", resp.StatusCode, body)
			}
		})
	}
}

// TestListResources_pages: NextToken pages through the type's list handler.
func TestListResources_pages(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	cc := srv.CloudControl()
	for _, alias := range []string{"one", "two"} { // the default quota: 2 instances per region
		create(t, cc, "AWS::Connect::Instance", map[string]any{"IdentityManagementType": "CONNECT_MANAGED", "InstanceAlias": alias,
			"Attributes": map[string]any{"InboundCalls": true, "OutboundCalls": true}})
	}
	p := cloudcontrol.NewListResourcesPaginator(cc, &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::Connect::Instance"), MaxResults: aws.Int32(1)})
	var ids []string
	pages := 0
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, d := range page.ResourceDescriptions {
			ids = append(ids, *d.Identifier)
		}
	}
	if len(ids) != 2 || ids[0] == ids[1] || pages < 2 {
		t.Fatalf("%d pages, identifiers %v", pages, ids)
	}
}
