package awsapi_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/memory"
)

// FuzzDecode sends arbitrary bodies to every body-taking operation: each answer must be a 2xx, or a 4xx with
// an AWS error type and a JSON Message; never a 5xx, never a panic. Seeds live in testdata/fuzz/FuzzDecode.
func FuzzDecode(f *testing.F) {
	f.Add(`{"Name":"x","Fields":[{"Id":{"Name":"N"},"Type":"NAME"},{"Id":{"Name":"Q"},"Type":"QUICK_CONNECT"}]}`)
	f.Add(`{"Name":"x","Fields":[{"Id":{"Name":"N"},"Type":"SINGLE_SELECT","SingleSelectOptions":["a","a"]}],"Defaults":{"DefaultFieldValues":[{"Id":{"Name":"N"},"DefaultValue":"b"}]}}`)
	f.Add(`{"Name":null,"Fields":null,"Constraints":{"RequiredFields":[{"Id":null}]}}`)
	f.Add(`{"Name":"t","ContactFlowId":"arn:aws:connect:us-east-1:000000000000:instance/x/contact-flow/y","Fields":[]}`)
	f.Add(`[`)
	f.Add(`{"TaskTemplateId":"x","Name":"n","References":{"a":{"Type":"NUMBER","Value":"1"}},"ScheduledTime":1e300}`)
	f.Fuzz(func(t *testing.T, body string) {
		store := memory.New()
		svc := connectlocal.NewService(store)
		h := awsapi.NewHandler(svc, awsapi.Options{})
		inst, _ := svc.CreateInstance(t.Context(), connectlocal.Scope{Account: "000000000000", Region: "us-east-1"},
			connectlocal.CreateInstanceInput{IdentityManagementType: "CONNECT_MANAGED", Alias: "fuzz"})
		for _, target := range []struct{ method, path string }{
			{"PUT", "/instance/" + inst.ID + "/task/template"},
			{"POST", "/instance/" + inst.ID + "/task/template/x"},
			{"PUT", "/contact/task"},
			{"PUT", "/contact-flows/" + inst.ID},
			{"PUT", "/instance"},
			{"POST", "/tags/x"},
		} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(target.method, target.path, strings.NewReader(body)))
			if rec.Code >= 500 || (rec.Code >= 300 && rec.Code < 400) {
				t.Fatalf("%s %s answered %d: %s", target.method, target.path, rec.Code, rec.Body)
			}
			if rec.Code >= 400 {
				var e struct{ Message string }
				if rec.Header().Get("X-Amzn-ErrorType") == "" || json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Message == "" {
					t.Fatalf("%s %s: not an AWS error: %d %v %s", target.method, target.path, rec.Code, rec.Header(), rec.Body)
				}
			}
			if rec.Header().Get("x-amzn-RequestId") == "" {
				t.Fatalf("no request id")
			}
		}
	})
}
