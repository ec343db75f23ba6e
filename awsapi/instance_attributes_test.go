package awsapi_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/google/go-cmp/cmp"
)

// newInstanceAttributes is what a new instance created with inbound calls on and outbound calls off shows.
var newInstanceAttributes = map[types.InstanceAttributeType]string{
	"INBOUND_CALLS": "true", "OUTBOUND_CALLS": "false", "CONTACTFLOW_LOGS": "false", "CONTACT_LENS": "true",
	"AUTO_RESOLVE_BEST_VOICES": "true", "USE_CUSTOM_TTS_VOICES": "false", "EARLY_MEDIA": "true",
	"MULTI_PARTY_CONFERENCE": "false", "HIGH_VOLUME_OUTBOUND": "false", "ENHANCED_CONTACT_MONITORING": "false",
	"ENHANCED_CHAT_MONITORING": "false", "MULTI_PARTY_CHAT_CONFERENCE": "false", "MESSAGE_STREAMING": "false",
}

func listAttributes(t *testing.T, c *connect.Client, inst string, pageSize int32) map[types.InstanceAttributeType]string {
	t.Helper()
	got := map[types.InstanceAttributeType]string{}
	var token *string
	pages := 0
	for {
		out, err := c.ListInstanceAttributes(ctx, &connect.ListInstanceAttributesInput{InstanceId: &inst, MaxResults: aws.Int32(pageSize), NextToken: token})
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if len(out.Attributes) > int(pageSize) {
			t.Fatalf("page of %d attributes, MaxResults %d", len(out.Attributes), pageSize)
		}
		for _, a := range out.Attributes {
			got[a.AttributeType] = aws.ToString(a.Value)
		}
		if token = out.NextToken; token == nil {
			break
		}
	}
	if want := (len(newInstanceAttributes) + int(pageSize) - 1) / int(pageSize); pages != want {
		t.Errorf("%d pages of %d, want %d", pages, pageSize, want)
	}
	return got
}

func TestInstanceAttributes_newInstance(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		out, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
			InstanceAlias: aws.String("attrs-" + randomSuffix()), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(false)})
		if err != nil {
			t.Fatal(err)
		}
		inst := *out.Id
		if diff := cmp.Diff(newInstanceAttributes, listAttributes(t, c, inst, 7)); diff != "" {
			t.Errorf("ListInstanceAttributes (-want +got):\n%s", diff)
		}
		all, err := c.ListInstanceAttributes(ctx, &connect.ListInstanceAttributesInput{InstanceId: out.Arn})
		if err != nil || len(all.Attributes) != len(newInstanceAttributes) || all.NextToken != nil {
			t.Fatalf("one page without MaxResults, by ARN: %+v %v", all, err)
		}
		for typ, want := range newInstanceAttributes {
			d, err := c.DescribeInstanceAttribute(ctx, &connect.DescribeInstanceAttributeInput{InstanceId: &inst, AttributeType: typ})
			if err != nil {
				t.Fatal(err)
			}
			if d.Attribute.AttributeType != typ || aws.ToString(d.Attribute.Value) != want {
				t.Errorf("DescribeInstanceAttribute %s: %+v, want %s", typ, d.Attribute, want)
			}
		}
	})
}

func TestInstanceAttributes_update(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c) // inbound and outbound on
		set := func(typ types.InstanceAttributeType, v string) {
			t.Helper()
			if _, err := c.UpdateInstanceAttribute(ctx, &connect.UpdateInstanceAttributeInput{InstanceId: &inst, AttributeType: typ, Value: aws.String(v)}); err != nil {
				t.Fatalf("UpdateInstanceAttribute %s=%s: %v", typ, v, err)
			}
		}
		flags := func() (bool, bool) {
			t.Helper()
			d, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: &inst})
			if err != nil {
				t.Fatal(err)
			}
			l, err := c.ListInstances(ctx, &connect.ListInstancesInput{})
			if err != nil || len(l.InstanceSummaryList) != 1 {
				t.Fatalf("ListInstances: %+v %v", l, err)
			}
			s := l.InstanceSummaryList[0]
			if *s.InboundCallsEnabled != *d.Instance.InboundCallsEnabled || *s.OutboundCallsEnabled != *d.Instance.OutboundCallsEnabled {
				t.Errorf("ListInstances and DescribeInstance disagree: %+v / %+v", s, d.Instance)
			}
			return *d.Instance.InboundCallsEnabled, *d.Instance.OutboundCallsEnabled
		}
		set("OUTBOUND_CALLS", "false")
		set("CONTACT_LENS", "false")
		set("CONTACTFLOW_LOGS", "TRUE") // case is ignored; "true" is kept
		if in, out := flags(); !in || out {
			t.Errorf("after OUTBOUND_CALLS=false: inbound %v outbound %v", in, out)
		}
		want := map[types.InstanceAttributeType]string{}
		for k, v := range newInstanceAttributes {
			want[k] = v
		}
		want["OUTBOUND_CALLS"], want["CONTACT_LENS"], want["CONTACTFLOW_LOGS"] = "false", "false", "true"
		if diff := cmp.Diff(want, listAttributes(t, c, inst, 5)); diff != "" {
			t.Errorf("after updates (-want +got):\n%s", diff)
		}
		set("INBOUND_CALLS", "false")
		set("OUTBOUND_CALLS", "true")
		if in, out := flags(); in || !out {
			t.Errorf("after INBOUND_CALLS=false, OUTBOUND_CALLS=true: inbound %v outbound %v", in, out)
		}
	})
}

func TestInstanceAttributes_errors(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		_, err := c.DescribeInstanceAttribute(ctx, &connect.DescribeInstanceAttributeInput{InstanceId: aws.String("00000000-0000-0000-0000-000000000000"), AttributeType: "CONTACT_LENS"})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.UpdateInstanceAttribute(ctx, &connect.UpdateInstanceAttributeInput{InstanceId: aws.String("nope"), AttributeType: "CONTACT_LENS", Value: aws.String("true")})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.ListInstanceAttributes(ctx, &connect.ListInstanceAttributesInput{InstanceId: aws.String("nope")})
		wantAPIError(t, err, "ResourceNotFoundException")
		_, err = c.DescribeInstanceAttribute(ctx, &connect.DescribeInstanceAttributeInput{InstanceId: &inst, AttributeType: "NOT_AN_ATTRIBUTE"})
		wantAPIError(t, err, "InvalidParameterException")
		for _, v := range []string{"yes", "1", ""} {
			_, err = c.UpdateInstanceAttribute(ctx, &connect.UpdateInstanceAttributeInput{InstanceId: &inst, AttributeType: "EARLY_MEDIA", Value: aws.String(v)})
			wantAPIError(t, err, "InvalidParameterException")
		}
		_, err = c.ListInstanceAttributes(ctx, &connect.ListInstanceAttributesInput{InstanceId: &inst, MaxResults: aws.Int32(8)})
		wantAPIError(t, err, "InvalidParameterException")
		_, err = c.ListInstanceAttributes(ctx, &connect.ListInstanceAttributesInput{InstanceId: &inst, NextToken: aws.String("forged")})
		wantAPIError(t, err, "InvalidParameterException")
		// Nothing changed.
		d, err := c.DescribeInstanceAttribute(ctx, &connect.DescribeInstanceAttributeInput{InstanceId: &inst, AttributeType: "EARLY_MEDIA"})
		if err != nil || aws.ToString(d.Attribute.Value) != "true" {
			t.Fatalf("EARLY_MEDIA after refused updates: %+v %v", d, err)
		}
	})
}
