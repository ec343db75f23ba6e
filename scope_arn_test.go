package connectlocal

import "testing"

// ARNs read arn:PARTITION:connect:REGION:ACCOUNT:instance/ID[/KIND/ID].
func TestScopeARNs(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Scope{"123456789012", "us-east-1"}.InstanceARN("i"), "arn:aws:connect:us-east-1:123456789012:instance/i"},
		{Scope{"123456789012", "cn-north-1"}.TaskTemplateARN("i", "t"), "arn:aws-cn:connect:cn-north-1:123456789012:instance/i/task-template/t"},
		{Scope{"000000000000", "us-gov-west-1"}.ContactFlowARN("i", "f"), "arn:aws-us-gov:connect:us-gov-west-1:000000000000:instance/i/contact-flow/f"},
		{Scope{"123456789012", "eu-west-2"}.ContactARN("i", "c"), "arn:aws:connect:eu-west-2:123456789012:instance/i/contact/c"},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}
