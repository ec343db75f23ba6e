package awsapi_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

// rawRequest sends one request line as written (no client would send these) and reads the answer.
func rawRequest(t *testing.T, url, method, target string) (*http.Response, map[string]string) {
	t.Helper()
	c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "%s %s HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", method, target)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var body map[string]string
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatalf("%s %s: body is not JSON: %q", method, target, raw)
	}
	return resp, body
}

// Issue 19 #13: a request net/http cannot parse (a bad percent escape) and a URI with an empty label are
// answered in JSON with a request id like every other answer; the empty label names its member.
func TestURIErrors_areAWSShaped(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	inst := mustInstance(t, srv.Client)
	cases := []struct {
		name, method, target string
		status               int
		typ, message         string
	}{
		{"bad escape", "GET", "/instance/" + inst + "/task/template/%zz", 400, "InvalidParameterException", "malformed"},
		{"empty last label", "GET", "/instance/" + inst + "/attribute/", 400, "InvalidParameterException", "'AttributeType'"},
		{"empty template id", "DELETE", "/instance/" + inst + "/task/template/", 400, "InvalidParameterException", "'TaskTemplateId'"},
		{"empty first label", "GET", "/instance//attribute/INBOUND_CALLS", 400, "InvalidParameterException", "'InstanceId'"},
		{"no such operation", "GET", "/instance/" + inst + "/nothing/", 404, "UnknownOperationException", "No operation matches"},
	}
	for _, tc := range cases {
		resp, body := rawRequest(t, srv.URL, tc.method, tc.target)
		if resp.StatusCode != tc.status || resp.Header.Get("X-Amzn-ErrorType") != tc.typ || resp.Header.Get("x-amzn-RequestId") == "" ||
			!strings.Contains(body["message"]+body["Message"], tc.message) {
			t.Errorf("%s: %d %v %v", tc.name, resp.StatusCode, resp.Header, body)
		}
	}
}
