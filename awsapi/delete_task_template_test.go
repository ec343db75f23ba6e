package awsapi_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

func TestDeleteTaskTemplate(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		out := mustTemplate(t, c, quickTemplate(inst, "gone soon"))
		if _, err := c.DeleteTaskTemplate(ctx, &connect.DeleteTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id}); err != nil {
			t.Fatal(err)
		}
		var nf *types.ResourceNotFoundException
		if _, err := c.GetTaskTemplate(ctx, &connect.GetTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id}); !errAs(err, &nf) {
			t.Fatalf("get after delete: want ResourceNotFoundException, got %v", err)
		}
		if _, err := c.DeleteTaskTemplate(ctx, &connect.DeleteTaskTemplateInput{InstanceId: &inst, TaskTemplateId: out.Id}); !errAs(err, &nf) {
			t.Fatalf("second delete: want ResourceNotFoundException, got %v", err)
		}
	})
}
