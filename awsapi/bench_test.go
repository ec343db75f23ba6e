package awsapi_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"github.com/connectlocal/connectlocal/memory"
)

// The wire's own cost — decode, model checks, rules, encode — on the memory store, without a network.
func BenchmarkHandler(b *testing.B) {
	svc := connectlocal.NewService(memory.New())
	svc.Quotas.TemplatesPerInstance = 1 << 30
	h := awsapi.NewHandler(svc, awsapi.Options{})
	scope := connectlocal.Scope{Account: "000000000000", Region: "us-east-1"}
	inst, err := svc.CreateInstance(b.Context(), scope, connectlocal.CreateInstanceInput{IdentityManagementType: "CONNECT_MANAGED", Alias: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	fields := `"Fields":[{"Id":{"Name":"Title"},"Type":"NAME"},{"Id":{"Name":"Assign"},"Type":"QUICK_CONNECT"},` +
		`{"Id":{"Name":"Amount"},"Type":"NUMBER"},{"Id":{"Name":"Order"},"Type":"URL"},{"Id":{"Name":"Customer"},"Type":"EMAIL"},` +
		`{"Id":{"Name":"Urgent"},"Type":"BOOLEAN"},{"Id":{"Name":"Channel"},"Type":"SINGLE_SELECT","SingleSelectOptions":["Web","Phone"]},` +
		`{"Id":{"Name":"Bought"},"Type":"DATE_TIME"},{"Id":{"Name":"Note"},"Type":"TEXT"},{"Id":{"Name":"Log"},"Type":"TEXT_AREA"}]`
	serve := func(method, path, body string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(method, path, strings.NewReader(body)))
		return rec
	}
	created := serve("PUT", "/instance/"+inst.ID+"/task/template", `{"Name":"get me",`+fields+`}`)
	if created.Code != 200 {
		b.Fatal(created.Body)
	}
	id := strings.Split(strings.Split(created.Body.String(), `"Id":"`)[1], `"`)[0]
	b.Run("GetTaskTemplate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if rec := serve("GET", "/instance/"+inst.ID+"/task/template/"+id, ""); rec.Code != 200 {
				b.Fatal(rec.Body)
			}
		}
	})
	i := 0 // outside the closure: the benchmark may run it more than once, and names must stay unique
	b.Run("CreateTaskTemplate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			i++
			if rec := serve("PUT", "/instance/"+inst.ID+"/task/template", `{"Name":"t`+strings.Repeat("x", i%7)+string(rune('a'+i%26))+`-`+itoa(i)+`",`+fields+`}`); rec.Code != 200 {
				b.Fatal(rec.Body)
			}
		}
	})
}

func itoa(i int) string {
	var b []byte
	for i > 0 || len(b) == 0 {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
	}
	return string(b)
}
