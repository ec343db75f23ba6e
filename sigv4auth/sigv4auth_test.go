package sigv4auth_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/sigv4auth"
)

const credentialsFile = `# two accounts and a temporary key
[alice]
aws_access_key_id = AKIAALICE0000000001
aws_secret_access_key = alice-secret
aws_account_id = 111111111111

[bob]
aws_access_key_id = AKIABOB00000000002
aws_secret_access_key = bob-secret
aws_account_id = 222222222222

[temp]
aws_access_key_id = ASIATEMP0000000003
aws_secret_access_key = temp-secret
aws_session_token = the-session-token
aws_account_id = 111111111111

[default]
region = us-east-1
`

type env struct {
	url      string
	verifier *sigv4auth.Verifier
}

func start(t *testing.T) *env {
	t.Helper()
	path := filepath.Join(t.TempDir(), "credentials")
	if err := os.WriteFile(path, []byte(credentialsFile), 0o600); err != nil {
		t.Fatal(err)
	}
	keys, err := sigv4auth.LoadCredentials(context.Background(), path, "000000000000")
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 3 {
		t.Fatalf("%d keys, want 3", len(keys))
	}
	v := sigv4auth.New(keys)
	srv := connecttest.StartWith(t, memory.New(), connecttest.Options{Before: []gateway.Before{v.Before}})
	return &env{url: srv.URL, verifier: v}
}

func (e *env) client(key, secret, token, region string) *connect.Client {
	return connect.New(connect.Options{BaseEndpoint: aws.String(e.url), Region: region, Retryer: aws.NopRetryer{},
		Credentials: credentials.NewStaticCredentialsProvider(key, secret, token)})
}

func (e *env) alice() *connect.Client {
	return e.client("AKIAALICE0000000001", "alice-secret", "", "us-east-1")
}
func (e *env) bob() *connect.Client {
	return e.client("AKIABOB00000000002", "bob-secret", "", "us-east-1")
}

func createInstance(t *testing.T, c *connect.Client, alias string) *connect.CreateInstanceOutput {
	t.Helper()
	out, err := c.CreateInstance(context.Background(), &connect.CreateInstanceInput{IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias: aws.String(alias), InboundCallsEnabled: aws.Bool(true), OutboundCallsEnabled: aws.Bool(true)})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// wantCode checks the SDK surfaces err as the given error code (smithy.APIError), with a message containing msg.
func wantCode(t *testing.T, err error, code, msg string) {
	t.Helper()
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != code || !strings.Contains(api.ErrorMessage(), msg) {
		t.Fatalf("got %v, want %s containing %q", err, code, msg)
	}
	var re interface{ HTTPStatusCode() int }
	if errors.As(err, &re) && re.HTTPStatusCode() != http.StatusForbidden {
		t.Fatalf("status %d, want 403", re.HTTPStatusCode())
	}
}

func TestSigV4_SDKOutcomes(t *testing.T) {
	e := start(t)
	ctx := context.Background()

	t.Run("valid: the account is the file's", func(t *testing.T) {
		out := createInstance(t, e.alice(), "valid")
		if !strings.Contains(*out.Arn, ":111111111111:") {
			t.Fatalf("ARN %s is not in alice's account", *out.Arn)
		}
	})
	t.Run("wrong secret", func(t *testing.T) {
		_, err := e.client("AKIAALICE0000000001", "not-alice-secret", "", "us-east-1").ListInstances(ctx, &connect.ListInstancesInput{})
		wantCode(t, err, "InvalidSignatureException", "The request signature we calculated does not match")
	})
	t.Run("unknown key", func(t *testing.T) {
		_, err := e.client("AKIANOBODY000000000", "x", "", "us-east-1").ListInstances(ctx, &connect.ListInstancesInput{})
		wantCode(t, err, "UnrecognizedClientException", "The security token included in the request is invalid.")
	})
	t.Run("session token", func(t *testing.T) {
		if _, err := e.client("ASIATEMP0000000003", "temp-secret", "the-session-token", "us-east-1").ListInstances(ctx, &connect.ListInstancesInput{}); err != nil {
			t.Fatalf("with its token: %v", err)
		}
		_, err := e.client("ASIATEMP0000000003", "temp-secret", "", "us-east-1").ListInstances(ctx, &connect.ListInstancesInput{})
		wantCode(t, err, "UnrecognizedClientException", "security token")
		_, err = e.client("ASIATEMP0000000003", "temp-secret", "another-token", "us-east-1").ListInstances(ctx, &connect.ListInstancesInput{})
		wantCode(t, err, "UnrecognizedClientException", "security token")
		_, err = e.client("AKIAALICE0000000001", "alice-secret", "a-token-alice-has-not", "us-east-1").ListInstances(ctx, &connect.ListInstancesInput{})
		wantCode(t, err, "UnrecognizedClientException", "security token")
	})
	t.Run("encoded ARN in the path", func(t *testing.T) {
		out := createInstance(t, e.alice(), "tagged")
		if _, err := e.alice().TagResource(ctx, &connect.TagResourceInput{ResourceArn: out.Arn, Tags: map[string]string{"k": "v"}}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestSigV4_expiredAndFuture(t *testing.T) {
	e := start(t)
	ctx := context.Background()
	// The server's clock runs an hour ahead, then an hour behind, the SDK's.
	var mu sync.Mutex
	offset := time.Hour
	e.verifier.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		return time.Now().Add(offset)
	}
	_, err := e.alice().ListInstances(ctx, &connect.ListInstancesInput{})
	wantCode(t, err, "InvalidSignatureException", "Signature expired: ")
	mu.Lock()
	offset = -time.Hour
	mu.Unlock()
	_, err = e.alice().ListInstances(ctx, &connect.ListInstancesInput{})
	wantCode(t, err, "InvalidSignatureException", "Signature not yet current: ")
}

// raw builds a request signed by the SDK's signer at time at; edit runs after signing (the tampering).
func raw(t *testing.T, e *env, method, path, body string, at time.Time, region, service string, sign func(*http.Request), edit func(*http.Request)) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(method, e.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if sign != nil {
		sign(req)
	} else {
		sum := sha256.Sum256([]byte(body))
		creds := aws.Credentials{AccessKeyID: "AKIAALICE0000000001", SecretAccessKey: "alice-secret"}
		if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), service, region, at); err != nil {
			t.Fatal(err)
		}
	}
	if edit != nil {
		edit(req)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var msg struct{ Message string }
	json.Unmarshal(b, &msg)
	return resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"), msg.Message
}

func TestSigV4_rawHTTP(t *testing.T) {
	e := start(t)
	now := time.Now().UTC()
	e.verifier.Now = func() time.Time { return now }
	body := `{"IdentityManagementType":"CONNECT_MANAGED","InstanceAlias":"raw","InboundCallsEnabled":true,"OutboundCallsEnabled":true}`
	cases := []struct {
		name, method, path, body string
		at                       time.Time
		region, service          string
		sign                     func(*http.Request)
		edit                     func(*http.Request)
		status                   int
		errType, msg             string
	}{
		{name: "valid", method: "GET", path: "/instance", at: now, region: "us-east-1", service: "connect", status: 200},
		{name: "valid with body", method: "PUT", path: "/instance", body: body, at: now, region: "eu-west-2", service: "connect", status: 200},
		{name: "unsigned", method: "GET", path: "/instance", sign: func(*http.Request) {}, status: 403,
			errType: "MissingAuthenticationTokenException", msg: "Missing Authentication Token"},
		{name: "unsigned unknown route", method: "GET", path: "/nope", sign: func(*http.Request) {}, status: 403,
			errType: "MissingAuthenticationTokenException"},
		{name: "incomplete header", method: "GET", path: "/instance", sign: func(r *http.Request) {
			r.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAALICE0000000001/20250101/us-east-1/connect/aws4_request")
		}, status: 403, errType: "IncompleteSignatureException", msg: "Authorization header requires 'Signature' parameter."},
		{name: "not sigv4", method: "GET", path: "/instance", sign: func(r *http.Request) { r.Header.Set("Authorization", "Bearer abc") },
			status: 403, errType: "IncompleteSignatureException", msg: "requires 'Credential' parameter"},
		{name: "no date", method: "GET", path: "/instance", at: now, region: "us-east-1", service: "connect",
			edit: func(r *http.Request) { r.Header.Del("X-Amz-Date") }, status: 403, errType: "IncompleteSignatureException", msg: "X-Amz-Date"},
		{name: "expired", method: "GET", path: "/instance", at: now.Add(-16 * time.Minute), region: "us-east-1", service: "connect",
			status: 403, errType: "InvalidSignatureException", msg: "Signature expired: " + now.Add(-16*time.Minute).Format("20060102T150405Z")},
		{name: "within the window", method: "GET", path: "/instance", at: now.Add(-14 * time.Minute), region: "us-east-1", service: "connect", status: 200},
		{name: "tampered body", method: "PUT", path: "/instance", body: body, at: now, region: "us-east-1", service: "connect",
			edit: func(r *http.Request) {
				tampered := strings.Replace(body, `"raw"`, `"evil"`, 1)
				r.Body = io.NopCloser(strings.NewReader(tampered))
				r.ContentLength = int64(len(tampered))
			}, status: 403, errType: "InvalidSignatureException", msg: "does not match"},
		{name: "tampered signed header", method: "GET", path: "/instance", at: now, region: "us-east-1", service: "connect",
			edit: func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") }, status: 403, errType: "InvalidSignatureException"},
		{name: "tampered query", method: "GET", path: "/instance?maxResults=1", at: now, region: "us-east-1", service: "connect",
			edit: func(r *http.Request) { r.URL.RawQuery = "maxResults=2" }, status: 403, errType: "InvalidSignatureException"},
		{name: "other region's scope", method: "GET", path: "/instance", at: now, region: "us-east-1", service: "connect",
			edit: func(r *http.Request) {
				r.Header.Set("Authorization", strings.Replace(r.Header.Get("Authorization"), "/us-east-1/", "/us-west-2/", 1))
			}, status: 403, errType: "InvalidSignatureException", msg: "does not match"},
		{name: "other service's scope", method: "GET", path: "/instance", at: now, region: "us-east-1", service: "s3",
			status: 403, errType: "InvalidSignatureException", msg: "Credential should be scoped to correct service: 'connect'."},
		{name: "cloud control target needs cloudcontrolapi", method: "POST", path: "/", sign: func(r *http.Request) {
			r.Header.Set("X-Amz-Target", "CloudApiService.ListResources")
			sum := sha256.Sum256(nil)
			creds := aws.Credentials{AccessKeyID: "AKIAALICE0000000001", SecretAccessKey: "alice-secret"}
			if err := v4.NewSigner().SignHTTP(context.Background(), creds, r, hex.EncodeToString(sum[:]), "connect", "us-east-1", now); err != nil {
				t.Fatal(err)
			}
		}, status: 403, errType: "InvalidSignatureException", msg: "'cloudcontrolapi'"},
		{name: "UNSIGNED-PAYLOAD", method: "GET", path: "/instance", body: "", sign: func(r *http.Request) {
			r.Header.Set("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD")
			creds := aws.Credentials{AccessKeyID: "AKIAALICE0000000001", SecretAccessKey: "alice-secret"}
			if err := v4.NewSigner().SignHTTP(context.Background(), creds, r, "UNSIGNED-PAYLOAD", "connect", "us-east-1", now); err != nil {
				t.Fatal(err)
			}
		}, status: 200},
		{name: "health stays open", method: "GET", path: "/_connectlocal/health", sign: func(*http.Request) {}, status: 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, typ, msg := raw(t, e, c.method, c.path, c.body, c.at, c.region, c.service, c.sign, c.edit)
			if status != c.status || typ != c.errType || !strings.Contains(msg, c.msg) {
				t.Fatalf("got %d %s %q, want %d %s containing %q", status, typ, msg, c.status, c.errType, c.msg)
			}
		})
	}
}

// A request signed for Cloud Control (service cloudcontrolapi, X-Amz-Target CloudApiService.*) passes
// authentication; what answers it next is Cloud Control's business.
func TestSigV4_cloudControlScope(t *testing.T) {
	e := start(t)
	status, typ, msg := raw(t, e, "POST", "/", "{}", time.Now(), "", "", func(r *http.Request) {
		r.Header.Set("X-Amz-Target", "CloudApiService.ListResources")
		r.Header.Set("Content-Type", "application/x-amz-json-1.0")
		sum := sha256.Sum256([]byte("{}"))
		creds := aws.Credentials{AccessKeyID: "AKIAALICE0000000001", SecretAccessKey: "alice-secret"}
		if err := v4.NewSigner().SignHTTP(context.Background(), creds, r, hex.EncodeToString(sum[:]), "cloudcontrolapi", "us-east-1", time.Now()); err != nil {
			t.Fatal(err)
		}
	}, nil)
	if status == http.StatusForbidden {
		t.Fatalf("a cloudcontrolapi signature was refused: %s %s", typ, msg)
	}
}

// An account never sees, changes or deletes another's resources: not by id, ARN, tag call or page token.
func TestSigV4_isolation(t *testing.T) {
	e := start(t)
	ctx := context.Background()
	alice, bob := e.alice(), e.bob()
	inst := createInstance(t, alice, "alice-inst")
	createInstance(t, alice, "alice-inst-2")
	createInstance(t, bob, "bob-inst")
	tmpl, err := alice.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: inst.Id, Name: aws.String("secret"),
		Fields: []types.TaskTemplateField{{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Title")}, Type: types.TaskTemplateFieldTypeName},
			{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Assign")}, Type: types.TaskTemplateFieldTypeQuickConnect}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := alice.TagResource(ctx, &connect.TagResourceInput{ResourceArn: tmpl.Arn, Tags: map[string]string{"owner": "alice"}}); err != nil {
		t.Fatal(err)
	}
	var nf *types.ResourceNotFoundException
	notVisible := func(what string, err error) {
		t.Helper()
		var api smithy.APIError
		if err == nil || !errors.As(err, &api) || (!errors.As(err, &nf) && api.ErrorCode() != "InvalidParameterException") {
			t.Errorf("%s: %v, want ResourceNotFoundException (or InvalidParameterException)", what, err)
		}
	}
	_, err = bob.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: inst.Id})
	notVisible("DescribeInstance by id", err)
	_, err = bob.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: inst.Arn})
	notVisible("DescribeInstance by ARN", err)
	_, err = bob.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: inst.Arn, TaskTemplateId: tmpl.Arn})
	notVisible("GetTaskTemplate by ARN", err)
	_, err = bob.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: inst.Id})
	notVisible("ListTaskTemplates", err)
	_, err = bob.ListTagsForResource(ctx, &connect.ListTagsForResourceInput{ResourceArn: tmpl.Arn})
	notVisible("ListTagsForResource", err)
	_, err = bob.TagResource(ctx, &connect.TagResourceInput{ResourceArn: tmpl.Arn, Tags: map[string]string{"owner": "bob"}})
	notVisible("TagResource", err)
	_, err = bob.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: tmpl.Arn, TagKeys: []string{"owner"}})
	notVisible("UntagResource", err)
	_, err = bob.UpdateTaskTemplate(ctx, &connect.UpdateTaskTemplateInput{InstanceId: inst.Id, TaskTemplateId: tmpl.Id, Name: aws.String("pwned")})
	notVisible("UpdateTaskTemplate", err)
	_, err = bob.DeleteTaskTemplate(ctx, &connect.DeleteTaskTemplateInput{InstanceId: inst.Id, TaskTemplateId: tmpl.Id})
	notVisible("DeleteTaskTemplate", err)
	_, err = bob.DeleteInstance(ctx, &connect.DeleteInstanceInput{InstanceId: inst.Id})
	notVisible("DeleteInstance", err)

	// A page token of alice's never pages alice's instances for bob.
	page, err := alice.ListInstances(ctx, &connect.ListInstancesInput{MaxResults: aws.Int32(1)})
	if err != nil || page.NextToken == nil {
		t.Fatalf("alice's first page: %v %v", page, err)
	}
	bobPage, err := bob.ListInstances(ctx, &connect.ListInstancesInput{NextToken: page.NextToken})
	if err == nil {
		for _, s := range bobPage.InstanceSummaryList {
			if strings.Contains(*s.Arn, ":111111111111:") {
				t.Fatalf("bob listed alice's instance %s", *s.Arn)
			}
		}
	}
	// Nor does a template page token of alice's page anything of hers in bob's instance.
	if _, err := alice.CreateTaskTemplate(ctx, &connect.CreateTaskTemplateInput{InstanceId: inst.Id, Name: aws.String("secret-2"),
		Fields: []types.TaskTemplateField{{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Title")}, Type: types.TaskTemplateFieldTypeName},
			{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String("Assign")}, Type: types.TaskTemplateFieldTypeQuickConnect}}}); err != nil {
		t.Fatal(err)
	}
	tpage, err := alice.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: inst.Id, MaxResults: aws.Int32(1)})
	if err != nil || tpage.NextToken == nil {
		t.Fatalf("alice's first template page: %v %v", tpage, err)
	}
	bobInst := createInstance(t, bob, "bob-inst-2")
	if got, err := bob.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: bobInst.Id, NextToken: tpage.NextToken}); err == nil && len(got.TaskTemplates) > 0 {
		t.Fatalf("alice's token listed %d templates in bob's instance", len(got.TaskTemplates))
	}
	_, err = bob.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: inst.Id, NextToken: tpage.NextToken})
	notVisible("ListTaskTemplates of alice's instance with alice's token", err)

	// Alice's key in another region sees nothing of us-east-1.
	west := e.client("AKIAALICE0000000001", "alice-secret", "", "us-west-2")
	_, err = west.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: inst.Id})
	notVisible("DescribeInstance from us-west-2", err)

	// And alice still has everything, unchanged.
	got, err := alice.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: inst.Id, TaskTemplateId: tmpl.Id})
	if err != nil || *got.Name != "secret" || got.Tags["owner"] != "alice" {
		t.Fatalf("alice's template after bob's attempts: %+v %v", got, err)
	}
}
