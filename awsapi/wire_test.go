package awsapi_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
)

// Raw HTTP for what no SDK sends: malformed bodies, unknown routes, wrong methods.
func TestWire_everyAnswerIsAnAWSError(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	inst := mustInstance(t, srv.Client)
	cases := []struct {
		name, method, path, body string
		status                   int
		errType                  string
	}{
		{"unknown route", "GET", "/no/such/thing", "", 404, "UnknownOperationException"},
		{"wrong method", "PATCH", "/instance/" + inst + "/task/template", "{}", 404, "UnknownOperationException"},
		{"malformed JSON", "PUT", "/instance/" + inst + "/task/template", `{"Name": `, 400, "InvalidParameterException"},
		{"JSON array body", "PUT", "/instance/" + inst + "/task/template", `[1,2]`, 400, "InvalidParameterException"},
		{"trailing data", "PUT", "/instance/" + inst + "/task/template", `{} {}`, 400, "InvalidParameterException"},
		{"wrong member type", "PUT", "/instance/" + inst + "/task/template", `{"Name": 5, "Fields": []}`, 400, "InvalidParameterException"},
		{"oversized body", "PUT", "/instance/" + inst + "/task/template", `{"Name":"` + strings.Repeat("x", 2<<20) + `"}`, 400, "InvalidParameterException"},
		{"missing required", "PUT", "/instance/" + inst + "/task/template", `{}`, 400, "InvalidParameterException"},
		{"query integer not a number", "GET", "/instance/" + inst + "/task/template?maxResults=ten", "", 400, "InvalidParameterException"},
		{"instance op: malformed JSON", "PUT", "/instance", `{`, 400, "InvalidRequestException"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, srv.URL+tc.path, strings.NewReader(tc.body))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status || resp.Header.Get("X-Amzn-ErrorType") != tc.errType {
				t.Fatalf("got %d %q, want %d %q: %s", resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"), tc.status, tc.errType, body)
			}
			if resp.Header.Get("x-amzn-RequestId") == "" || resp.Header.Get("Content-Type") != "application/json" {
				t.Errorf("headers: %v", resp.Header)
			}
			var e struct{ Message string }
			if err := json.Unmarshal(body, &e); err != nil || e.Message == "" {
				t.Errorf("body %q is not {\"Message\": ...}", body)
			}
			if strings.Contains(string(body), "goroutine") || strings.Contains(string(body), "<html") {
				t.Errorf("body leaks internals: %s", body)
			}
		})
	}
}

func TestWire_successCarriesRequestID(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	resp, err := http.Get(srv.URL + "/instance")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 || resp.Header.Get("x-amzn-RequestId") == "" {
		t.Fatalf("%d %v %s", resp.StatusCode, resp.Header, body)
	}
	if string(body) != `{"InstanceSummaryList":[]}` {
		t.Fatalf("body %s", body)
	}
}

func TestWire_propertyValidationBody(t *testing.T) {
	srv := connecttest.Start(t, memory.New())
	inst := mustInstance(t, srv.Client)
	resp, err := http.DefaultClient.Do(mustRequest(t, "PUT", srv.URL+"/instance/"+inst+"/task/template",
		`{"Name":"x","Fields":[{"Id":{"Name":"A"},"Type":"TEXT"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	want := `{"Message":"2 validation errors: Fields: A template needs a field of type NAME; ContactFlowId: A template needs a ContactFlowId or a field of type QUICK_CONNECT",` +
		`"PropertyList":[{"PropertyPath":"Fields","Reason":"REQUIRED_PROPERTY_MISSING","Message":"A template needs a field of type NAME"},` +
		`{"PropertyPath":"ContactFlowId","Reason":"REQUIRED_PROPERTY_MISSING","Message":"A template needs a ContactFlowId or a field of type QUICK_CONNECT"}]}`
	if resp.StatusCode != 400 || resp.Header.Get("X-Amzn-ErrorType") != "PropertyValidationException" || string(body) != want {
		t.Fatalf("got %d %s\n%s\nwant\n%s", resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"), body, want)
	}
}

func mustRequest(t testing.TB, method, url, body string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	// The account and region of connecttest's SDK client, as a SigV4 header carries them.
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+connecttest.Account+"/20261125/"+connecttest.Region+"/connect/aws4_request, SignedHeaders=host, Signature=0")
	return req
}
