package awsapi_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/google/go-cmp/cmp"
)

// Issue 19 #6: an UpdateContactAttributes on any task of a PreviousContactId chain affects every contact of
// the chain (spec-facts §7.4), and no contact outside it; a RelatedContactId link does not share updates.
func TestUpdateContactAttributes_sharedByTheChain(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		f := newTaskFixture(t, c)
		start := func(prev, related *string, attrs map[string]string) *string {
			return mustTask(t, c, &connect.StartTaskContactInput{InstanceId: &f.inst, ContactFlowId: &f.flow, Name: aws.String("t"),
				PreviousContactId: prev, RelatedContactId: related, Attributes: attrs})
		}
		root := start(nil, nil, map[string]string{"own": "root"})
		child := start(root, nil, map[string]string{"own": "child"})
		grandchild := start(child, nil, nil)
		sibling := start(root, nil, nil)
		related := start(nil, child, nil)
		alone := start(nil, nil, nil)
		update := func(id *string, attrs map[string]string) {
			t.Helper()
			if _, err := c.UpdateContactAttributes(ctx, &connect.UpdateContactAttributesInput{InstanceId: &f.inst, InitialContactId: id, Attributes: attrs}); err != nil {
				t.Fatal(err)
			}
		}
		update(child, map[string]string{"stage": "2"})
		update(related, map[string]string{"mine": "only"})
		want := map[*string]map[string]string{
			root:       {"own": "root", "stage": "2"},
			child:      {"own": "child", "stage": "2"},
			grandchild: {"stage": "2"},
			sibling:    {"stage": "2"},
			related:    {"own": "child", "mine": "only"}, // copied at creation, then its own
			alone:      nil,
		}
		for id, w := range want {
			if diff := cmp.Diff(w, describeTask(t, c, f.inst, id).Attributes); diff != "" {
				t.Errorf("%s (-want +got):\n%s", *id, diff)
			}
		}
	})
}
