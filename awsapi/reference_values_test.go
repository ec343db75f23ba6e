package awsapi_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// Issue 19 #10: a NUMBER, EMAIL, URL or DATE reference's value has one rule wherever it arrives: a plain task,
// a task from a template (whether or not a field maps the reference), and UpdateContact.
func TestReferenceValues_oneRuleEverywhere(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		plain := func(refs map[string]types.Reference) *connect.StartTaskContactInput {
			return &connect.StartTaskContactInput{InstanceId: &f.inst, ContactFlowId: &f.flow, Name: aws.String("plain"), References: refs}
		}
		withTemplate := func(refs map[string]types.Reference) *connect.StartTaskContactInput {
			all := goodRefs()
			for k, v := range refs {
				all[k] = v
			}
			return f.task(all)
		}
		bad := map[string]types.Reference{
			"NUMBER": ref(types.ReferenceTypeNumber, "abc"),
			"EMAIL":  ref(types.ReferenceTypeEmail, "not an address"),
			"URL":    ref(types.ReferenceTypeUrl, "example.com/no-scheme"),
			"DATE":   ref(types.ReferenceTypeDate, "tomorrow"),
		}
		id := mustTask(t, c, plain(nil))
		for typ, r := range bad {
			for door, in := range map[string]*connect.StartTaskContactInput{
				"plain task": plain(map[string]types.Reference{"Extra": r}), "template, no field": withTemplate(map[string]types.Reference{"Extra": r}),
			} {
				_, err := c.StartTaskContact(ctx, in)
				if e := wantAPIError(t, err, "InvalidParameterException"); !strings.Contains(e.ErrorMessage(), "Reference 'Extra' of type "+typ) {
					t.Errorf("%s, %s: %q", door, typ, e.ErrorMessage())
				}
			}
			_, err := c.UpdateContact(ctx, &connect.UpdateContactInput{InstanceId: &f.inst, ContactId: id, References: map[string]types.Reference{"Extra": r}})
			if e := wantAPIError(t, err, "InvalidParameterException"); !strings.Contains(e.ErrorMessage(), "Reference 'Extra' of type "+typ) {
				t.Errorf("UpdateContact, %s: %q", typ, e.ErrorMessage())
			}
		}
		// The template field that maps a reference refuses the same values as before.
		_, err := c.StartTaskContact(ctx, withTemplate(map[string]types.Reference{"Amount": ref(types.ReferenceTypeNumber, "abc")}))
		wantAPIError(t, err, "InvalidParameterException")
		good := map[string]types.Reference{"n": ref(types.ReferenceTypeNumber, "-1.5"), "e": ref(types.ReferenceTypeEmail, "kim@example.com"),
			"u": ref(types.ReferenceTypeUrl, "https://example.com/x"), "d": ref(types.ReferenceTypeDate, "1764000000"), "s": ref(types.ReferenceTypeString, "abc")}
		mustTask(t, c, plain(good))
		if _, err := c.UpdateContact(ctx, &connect.UpdateContactInput{InstanceId: &f.inst, ContactId: id, References: good}); err != nil {
			t.Fatal(err)
		}
	})
}
