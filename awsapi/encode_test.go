package awsapi

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// The hand-written encoders write exactly what json.Marshal writes, for values built at random: nil, empty and
// full slices, maps and pointers, and strings with every character encoding/json treats specially.
func TestAppendJSONMatchesMarshal(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	strs := []string{"", "Refund", "a\"b", `back\slash`, "<b>&</b>", "tab\tnew\nline\r\b\f\x00\x1f\x7f", "é ü 日本",
		"\u2028\u2029", "bad \xff utf8 \xc3", "arn:aws:connect:us-east-1:123456789012:instance/x"}
	s := func() string { return strs[r.IntN(len(strs))] + strs[r.IntN(len(strs))] }
	ptr := func() *string {
		if r.IntN(3) == 0 {
			return nil
		}
		v := s()
		return &v
	}
	id := func() *TaskTemplateFieldIdentifier {
		if r.IntN(4) == 0 {
			return nil
		}
		return &TaskTemplateFieldIdentifier{Name: ptr()}
	}
	n := func() int { return r.IntN(4) - 1 } // -1: nil
	when := func() *epochTime {
		if r.IntN(4) == 0 {
			return nil
		}
		e := epochTime(time.UnixMilli(r.Int64N(4e12) - 1e12))
		return &e
	}
	tags := func() map[string]string {
		k := n()
		if k < 0 {
			return nil
		}
		m := map[string]string{}
		for i := 0; i < k*2; i++ {
			m[s()] = s()
		}
		return m
	}
	refs := func() []fieldRef {
		k := n()
		if k < 0 {
			return nil
		}
		out := make([]fieldRef, k)
		for i := range out {
			out[i].Id = id()
		}
		return out
	}
	same := func(v jsonAppender) {
		t.Helper()
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := v.appendJSON([]byte("prefix")); !bytes.Equal(got, append([]byte("prefix"), want...)) {
			t.Fatalf("appendJSON\n%s\njson.Marshal\n%s", got[len("prefix"):], want)
		}
	}
	for i := 0; i < 5000; i++ {
		resp := &GetTaskTemplateResponse{InstanceId: s(), Id: s(), Arn: s(), Name: s(), Description: ptr(),
			ContactFlowId: ptr(), SelfAssignFlowId: ptr(), Status: s(), LastModifiedTime: when(), CreatedTime: when(), Tags: tags()}
		if r.IntN(3) > 0 {
			resp.Constraints = &TaskTemplateConstraints{RequiredFields: refs(), ReadOnlyFields: refs(), InvisibleFields: refs()}
		}
		if r.IntN(3) > 0 {
			resp.Defaults = &TaskTemplateDefaults{}
			if k := n(); k >= 0 {
				resp.Defaults.DefaultFieldValues = make([]TaskTemplateDefaultFieldValue, k)
				for j := range resp.Defaults.DefaultFieldValues {
					resp.Defaults.DefaultFieldValues[j] = TaskTemplateDefaultFieldValue{Id: id(), DefaultValue: ptr()}
				}
			}
		}
		if k := n(); k >= 0 {
			resp.Fields = make([]TaskTemplateField, k)
			for j := range resp.Fields {
				f := TaskTemplateField{Id: id(), Description: ptr(), Type: ptr()}
				if o := n(); o >= 0 {
					f.SingleSelectOptions = make([]string, o)
					for x := range f.SingleSelectOptions {
						f.SingleSelectOptions[x] = s()
					}
				}
				resp.Fields[j] = f
			}
		}
		same(resp)
		same(&DescribeInstanceResponse{Instance: Instance{Id: s(), Arn: s(), IdentityManagementType: s(), InstanceAlias: ptr(),
			CreatedTime: when(), ServiceRole: s(), InstanceStatus: s(), InboundCallsEnabled: r.IntN(2) == 0,
			OutboundCallsEnabled: r.IntN(2) == 0, InstanceAccessUrl: ptr(), Tags: tags()}})
	}
}

// The hand-written encoders know every member of their types: a member added to one of them must be added to
// its appendJSON (and to the random values above) too.
func TestAppendJSONKnowsEveryMember(t *testing.T) {
	for _, c := range []struct {
		v    any
		want int
	}{
		{GetTaskTemplateResponse{}, 14}, {TaskTemplateConstraints{}, 3}, {TaskTemplateDefaults{}, 1},
		{TaskTemplateDefaultFieldValue{}, 2}, {TaskTemplateField{}, 4}, {TaskTemplateFieldIdentifier{}, 1},
		{fieldRef{}, 1}, {DescribeInstanceResponse{}, 1}, {Instance{}, 11},
	} {
		if n := reflect.TypeOf(c.v).NumField(); n != c.want {
			t.Errorf("%T has %d members, its appendJSON writes %d: update encode.go", c.v, n, c.want)
		}
	}
}
