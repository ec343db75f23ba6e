package awsapi_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

func TestTags_onEveryTaggableKind(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		tmpl := mustTemplate(t, c, quickTemplate(inst, "tagged"))
		flow := mustFlow(t, c, inst, "tagged flow")
		arns := map[string]string{
			"instance":      "arn:aws:connect:us-east-1:123456789012:instance/" + inst,
			"task template": *tmpl.Arn,
			"contact flow":  *flow.ContactFlowArn,
		}
		for kind, arn := range arns {
			t.Run(kind, func(t *testing.T) {
				if _, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: &arn, Tags: map[string]string{"a": "1", "b": "2"}}); err != nil {
					t.Fatal(err)
				}
				if _, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: &arn, Tags: map[string]string{"b": "3", "c": ""}}); err != nil {
					t.Fatal(err)
				}
				if _, err := c.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: &arn, TagKeys: []string{"a", "absent"}}); err != nil {
					t.Fatal(err)
				}
				got, err := c.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: &arn})
				if err != nil {
					t.Fatal(err)
				}
				if fmt.Sprint(got.Tags) != "map[b:3 c:]" {
					t.Fatalf("tags %v", got.Tags)
				}
			})
		}
		g, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: tmpl.Id})
		if err != nil || g.Tags["b"] != "3" {
			t.Fatalf("GetTaskTemplate Tags: %v %v", g.Tags, err)
		}
	})
}

func TestTags_errors(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		arn := "arn:aws:connect:us-east-1:123456789012:instance/" + inst
		many := map[string]string{}
		for i := 0; i < 50; i++ {
			many[fmt.Sprint("k", i)] = "v"
		}
		if _, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: &arn, Tags: many}); err != nil {
			t.Fatal(err)
		}
		_, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: &arn, Tags: map[string]string{"one-more": "v"}})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: &arn, Tags: map[string]string{"aws:reserved": "v"}})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String("not-an-arn"), Tags: map[string]string{"a": "b"}})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: aws.String(arn + "/contact/0b1c0a9e-0d6b-4a55-9a57-0e1d7b0c9a11"), Tags: map[string]string{"a": "b"}})
		wantAPIError(t, err, "InvalidParameterException")
		var nf *types.ResourceNotFoundException
		_, err = c.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: aws.String(arn + "/task-template/0b1c0a9e-0d6b-4a55-9a57-0e1d7b0c9a11")})
		if !errAs(err, &nf) {
			t.Fatalf("missing template: want ResourceNotFoundException, got %v", err)
		}
		_, err = srv.For("210987654321", "us-east-1").ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: &arn})
		if !errAs(err, &nf) {
			t.Fatalf("another account: want ResourceNotFoundException, got %v", err)
		}
	})
}

// The SDK percent-encodes the ARN's ':' and '/' into one path segment; the route must take it whole
// (STYLE.md "Where a request goes" 3; spec-facts §12).
func TestTags_pathEncodedARN(t *testing.T) {
	srv := connecttest.Start(t, memoryStore())
	inst := mustInstance(t, srv.Client)
	arn := "arn:aws:connect:us-east-1:123456789012:instance/" + inst
	escaped := strings.ReplaceAll(url.PathEscape(arn), ":", "%3A")
	if !strings.Contains(escaped, "%2F") {
		t.Fatalf("escaping did not encode '/': %s", escaped)
	}
	req, _ := http.NewRequest("GET", srv.URL+"/tags/"+escaped, nil)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=123456789012/20261125/us-east-1/connect/aws4_request, SignedHeaders=host, Signature=x")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET /tags/%s: %d %s", escaped, resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"))
	}
}
