package awsapi_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// An ARN names a resource only in its own partition: arn:aws-cn:connect:us-east-1:… or arn:aws-us-gov:… does
// not name a us-east-1 resource (whose partition is aws), and every ARN-taking call answers it exactly as it
// answers the same ARN with another account in it (issue 10, "On the wire").
func TestARN_otherPartitionNamesNothing(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		desc, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: &inst})
		if err != nil {
			t.Fatal(err)
		}
		instARN := *desc.Instance.Arn
		if !strings.HasPrefix(instARN, "arn:aws:connect:us-east-1:"+connecttest.Account+":") {
			t.Fatalf("instance ARN %s", instARN)
		}
		flow := mustFlow(t, c, inst, "main")
		tmpl := mustTemplate(t, c, quickTemplate(inst, "tagged"))
		calls := []struct {
			name string
			arn  string
			call func(arn string) error
		}{
			{"DescribeInstance", instARN, func(arn string) error {
				_, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: &arn})
				return err
			}},
			{"ListTaskTemplates by instance ARN", instARN, func(arn string) error {
				_, err := c.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: &arn})
				return err
			}},
			{"GetTaskTemplate", *tmpl.Arn, func(arn string) error {
				_, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: &arn})
				return err
			}},
			{"DescribeContactFlow", *flow.ContactFlowArn, func(arn string) error {
				_, err := c.DescribeContactFlow(ctx, &connect.DescribeContactFlowInput{InstanceId: &inst, ContactFlowId: &arn})
				return err
			}},
			{"ListTagsForResource instance", instARN, func(arn string) error {
				_, err := c.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: &arn})
				return err
			}},
			{"TagResource template", *tmpl.Arn, func(arn string) error {
				_, err := c.TagResource(ctx, &connect.TagResourceInput{ResourceArn: &arn, Tags: map[string]string{"k": "v"}})
				return err
			}},
			{"UntagResource flow", *flow.ContactFlowArn, func(arn string) error {
				_, err := c.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: &arn, TagKeys: []string{"k"}})
				return err
			}},
			{"CreateTaskTemplate with a flow ARN", *flow.ContactFlowArn, func(arn string) error {
				_, err := c.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: &inst,
					Name: aws.String("flow " + randomSuffix()), ContactFlowId: &arn,
					Fields: []types.TaskTemplateField{field("Name", types.TaskTemplateFieldTypeName)}})
				return err
			}},
		}
		for _, tc := range calls {
			t.Run(tc.name, func(t *testing.T) {
				foreign := tc.call(strings.Replace(tc.arn, ":"+connecttest.Account+":", ":210987654321:", 1))
				var want smithy.APIError
				if !errors.As(foreign, &want) {
					t.Fatalf("another account's ARN: want an API error, got %v", foreign)
				}
				for _, partition := range []string{"aws-cn", "aws-us-gov"} {
					err := tc.call(strings.Replace(tc.arn, "arn:aws:", "arn:"+partition+":", 1))
					var got smithy.APIError
					if !errors.As(err, &got) || got.ErrorCode() != want.ErrorCode() {
						t.Errorf("partition %s: got %v, want %s as for another account", partition, err, want.ErrorCode())
					}
					if want.ErrorCode() == "PropertyValidationException" {
						wantViolations(t, err, "ContactFlowId REFERENCED_RESOURCE_NOT_FOUND")
					}
				}
				if err := tc.call(tc.arn); err != nil {
					t.Errorf("the ARN in its own partition: %v", err)
				}
			})
		}
		tags, err := c.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: tmpl.Arn})
		if err != nil || len(tags.Tags) != 1 {
			t.Fatalf("only the own-partition TagResource tags: %v %v", tags, err)
		}

		// A region of another partition: its ARNs carry aws-cn, and the aws spelling names nothing there.
		cn := srv.For(connecttest.Account, "cn-north-1")
		cnInst := mustInstance(t, cn)
		cnDesc, err := cn.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: &cnInst})
		if err != nil || !strings.HasPrefix(*cnDesc.Instance.Arn, "arn:aws-cn:connect:cn-north-1:") {
			t.Fatalf("%v %v", cnDesc, err)
		}
		if _, err := cn.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: cnDesc.Instance.Arn}); err != nil {
			t.Fatal(err)
		}
		awsSpelling := strings.Replace(*cnDesc.Instance.Arn, "arn:aws-cn:", "arn:aws:", 1)
		_, err = cn.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: &awsSpelling})
		var nf *types.ResourceNotFoundException
		if !errors.As(err, &nf) {
			t.Fatalf("aws partition ARN in cn-north-1: want ResourceNotFoundException, got %v", err)
		}
	})
}
