package sigv4auth_test

import (
	"os"
	"os/exec"
	"testing"
)

// boto3 surfaces each refusal by its type: ClientError's Error.Code and the HTTP status.
func TestSigV4_boto3SeesTheTypes(t *testing.T) {
	if err := exec.Command("python3", "-c", "import boto3").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python3 with boto3 is needed (.ci/run installs it): %v", err)
		}
		t.Skip("python3 with boto3 not found; .ci/run installs it")
	}
	e := start(t)
	script := `
import sys, boto3, botocore.config
url = sys.argv[1]
cfg = botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"})
def call(key, secret, token=None):
    c = boto3.client("connect", endpoint_url=url, region_name="us-east-1", aws_access_key_id=key,
                     aws_secret_access_key=secret, aws_session_token=token, config=cfg)
    try:
        c.list_instances()
        print("ok")
    except c.exceptions.ClientError as e:
        print(e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])
call("AKIAALICE0000000001", "alice-secret")
call("AKIAALICE0000000001", "wrong")
call("AKIANOBODY000000000", "x")
call("ASIATEMP0000000003", "temp-secret", "the-session-token")
call("ASIATEMP0000000003", "temp-secret", "stale")
`
	out, err := exec.Command("python3", "-c", script, e.url).CombinedOutput()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, out)
	}
	want := "ok\nInvalidSignatureException 403\nUnrecognizedClientException 403\nok\nUnrecognizedClientException 403\n"
	if string(out) != want {
		t.Fatalf("boto3 saw:\n%s\nwant:\n%s", out, want)
	}
}
