package awsapi_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

// rawHTTP sends one request exactly as written — no client cleans its path — and reads the answer.
func rawHTTP(t *testing.T, serverURL, method, target, body string) (*http.Response, []byte) {
	t.Helper()
	u, err := url.Parse(serverURL)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\nConnection: close\r\n"+
		"Authorization: AWS4-HMAC-SHA256 Credential=%s/20261125/%s/connect/aws4_request, SignedHeaders=host, Signature=0\r\n\r\n%s",
		method, target, u.Host, len(body), connecttest.Account, connecttest.Region, body)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, got
}

func wantAWSError(t *testing.T, resp *http.Response, body []byte, status int, errType string) {
	t.Helper()
	if resp.StatusCode != status || resp.Header.Get("X-Amzn-ErrorType") != errType {
		t.Fatalf("got %d %q, want %d %q: %s", resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"), status, errType, body)
	}
	var e struct{ Message string }
	if resp.Header.Get("Content-Type") != "application/json" || json.Unmarshal(body, &e) != nil || e.Message == "" {
		t.Fatalf("not a JSON AWS error: %v %s", resp.Header, body)
	}
}

// A path Go's ServeMux would clean — a `.` or `..` segment, an empty segment — gets the JSON
// UnknownOperationException, never a 307 with an HTML body (issue 10, "On the wire").
func TestWire_uncleanPathsAreUnknownOperations(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	inst := mustInstance(t, srv.Client)
	tpl := "/instance/" + inst + "/task/template"
	for _, target := range []struct{ method, path string }{
		{"GET", "/instance/./" + inst},
		{"GET", "/instance/x/../" + inst},
		{"GET", "/instance/" + inst + "/."},
		{"GET", "/instance/" + inst + "/.."},
		{"GET", "//instance/" + inst},
		{"GET", "/instance//" + inst},
		{"GET", "/instance/" + inst + "//"},
		{"GET", "/./instance"},
		{"GET", "/../instance"},
		{"GET", "/instance/.."},
		{"PUT", tpl + "/../template"},
		{"PUT", "/instance/" + inst + "/task//template"},
		{"GET", tpl + "?maxResults=1&x=/../"},
		{"POST", "/tags/../tags/x"},
		{"GET", "/_connectlocal/../_connectlocal/health"},
	} {
		t.Run(target.method+" "+target.path, func(t *testing.T) {
			resp, body := rawHTTP(t, srv.URL, target.method, target.path, "{}")
			if strings.Contains(target.path, "?") {
				// Dots in the query string are not path segments: the operation answers.
				if resp.StatusCode != 200 {
					t.Fatalf("%d %s", resp.StatusCode, body)
				}
				return
			}
			wantAWSError(t, resp, body, 404, "UnknownOperationException")
		})
	}
	// The same operations answer on clean paths, and dots or slashes escaped inside a label are label text.
	if resp, body := rawHTTP(t, srv.URL, "GET", "/instance/"+inst, ""); resp.StatusCode != 200 {
		t.Fatalf("clean path: %d %s", resp.StatusCode, body)
	}
	resp, body := rawHTTP(t, srv.URL, "GET", "/tags/"+url.PathEscape("arn:aws:connect:us-east-1:"+connecttest.Account+":instance/"+inst+"/../x"), "")
	wantAWSError(t, resp, body, 400, "InvalidParameterException") // ListTagsForResource's own answer to a malformed ARN
}

// A body that is not valid UTF-8 is refused, never rewritten to U+FFFD and stored (issue 12).
func TestWire_invalidUTF8IsRefused(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	inst := mustInstance(t, srv.Client)
	tpl := "/instance/" + inst + "/task/template"
	fields := `"Fields":[{"Id":{"Name":"N"},"Type":"NAME"},{"Id":{"Name":"Q"},"Type":"QUICK_CONNECT"}]`
	cases := []struct {
		name, method, path, body, errType string
	}{
		{"bad byte in a value", "PUT", tpl, `{"Name":"caf` + "\xe9" + `",` + fields + `}`, "InvalidParameterException"},
		{"truncated sequence", "PUT", tpl, `{"Name":"x` + "\xe6\x97" + `",` + fields + `}`, "InvalidParameterException"},
		{"bad byte in a member name", "PUT", tpl, `{"Na` + "\xff" + `me":"x",` + fields + `}`, "InvalidParameterException"},
		{"lone high surrogate escape", "PUT", tpl, `{"Name":"x\ud800",` + fields + `}`, "InvalidParameterException"},
		{"lone low surrogate escape", "PUT", tpl, `{"Name":"x\udc00y",` + fields + `}`, "InvalidParameterException"},
		{"high surrogate then a non-surrogate", "PUT", tpl, `{"Name":"\ud83d\u0041",` + fields + `}`, "InvalidParameterException"},
		{"URI label", "GET", "/instance/" + inst + "/task/template/%FF", "", "InvalidParameterException"},
		{"query value", "GET", tpl + "?name=%FF", "", "InvalidParameterException"},
		{"instance op: no InvalidParameterException in its model", "PUT", "/instance",
			`{"IdentityManagementType":"CONNECT_MANAGED","InstanceAlias":"x` + "\xc0" + `","InboundCallsEnabled":true,"OutboundCallsEnabled":true}`, "InvalidRequestException"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := rawHTTP(t, srv.URL, tc.method, tc.path, tc.body)
			wantAWSError(t, resp, body, 400, tc.errType)
		})
	}
	ctx := context.Background()
	list, err := srv.Client.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: aws.String(inst)})
	if err != nil || len(list.TaskTemplates) != 0 {
		t.Fatalf("refused requests stored templates: %v %v", list, err)
	}
	insts, err := srv.Client.ListInstances(ctx, &connect.ListInstancesInput{})
	if err != nil || len(insts.InstanceSummaryList) != 1 {
		t.Fatalf("refused CreateInstance stored an instance: %v %v", insts, err)
	}
	// Valid UTF-8, and a surrogate pair escaped as JSON allows, are accepted and read back unchanged.
	resp, body := rawHTTP(t, srv.URL, "PUT", tpl, `{"Name":"café 日本 \ud83d\ude00",`+fields+`}`)
	if resp.StatusCode != 200 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	list, err = srv.Client.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: aws.String(inst)})
	if err != nil || len(list.TaskTemplates) != 1 || *list.TaskTemplates[0].Name != "café 日本 😀" {
		t.Fatalf("%v %v", list, err)
	}
}
