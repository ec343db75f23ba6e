package awsapi_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

func TestListTaskTemplates_pagesAndFilters(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		var ids []string // in creation order, which the stepping clock makes the list order
		for i := 0; i < 23; i++ {
			in := quickTemplate(inst, fmt.Sprintf("tmpl-%02d", i))
			if i%3 == 0 {
				in.Status = types.TaskTemplateStatusInactive
			}
			in.Description = aws.String("about " + fmt.Sprint(i))
			ids = append(ids, *mustTemplate(t, c, in).Id)
		}
		var seen []string
		p := connect.NewListTaskTemplatesPaginator(c, &connect.ListTaskTemplatesInput{InstanceId: &inst, MaxResults: aws.Int32(5)})
		pages := 0
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			pages++
			if len(page.TaskTemplates) > 5 {
				t.Fatalf("page of %d > MaxResults 5", len(page.TaskTemplates))
			}
			for _, m := range page.TaskTemplates {
				seen = append(seen, *m.Id)
				if m.Arn == nil || m.Name == nil || m.Description == nil || m.CreatedTime == nil || m.LastModifiedTime == nil || m.Status == "" {
					t.Fatalf("summary misses members: %+v", m)
				}
			}
		}
		if pages != 5 || fmt.Sprint(seen) != fmt.Sprint(ids) {
			t.Fatalf("%d pages, ids in order %v, want %v", pages, seen, ids)
		}
		// Without MaxResults, everything in one page with no token (the documented default behaviour).
		all, err := c.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: &inst})
		if err != nil || len(all.TaskTemplates) != 23 || all.NextToken != nil {
			t.Fatalf("one page: %d items, token %v, err %v", len(all.TaskTemplates), all.NextToken, err)
		}
		inactive, err := c.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: &inst, Status: types.TaskTemplateStatusInactive})
		if err != nil || len(inactive.TaskTemplates) != 8 {
			t.Fatalf("INACTIVE filter: %d items, err %v", len(inactive.TaskTemplates), err)
		}
		named, err := c.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: &inst, Name: aws.String("tmpl-07"), Status: types.TaskTemplateStatusActive})
		if err != nil || len(named.TaskTemplates) != 1 || *named.TaskTemplates[0].Id != ids[7] {
			t.Fatalf("name filter: %+v, err %v", named.TaskTemplates, err)
		}
	}, steppingClock)
}

func TestListTaskTemplates_badInput(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		other := mustInstance(t, c)
		for i := 0; i < 3; i++ {
			mustTemplate(t, c, quickTemplate(inst, fmt.Sprint("t", i)))
		}
		first, err := c.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: &inst, MaxResults: aws.Int32(1)})
		if err != nil || first.NextToken == nil {
			t.Fatalf("first page: %v %v", first, err)
		}
		tok := *first.NextToken
		forged := []byte(tok)
		forged[len(forged)/2] ^= 1
		for name, in := range map[string]*connect.ListTaskTemplatesInput{
			"forged token":              {InstanceId: &inst, NextToken: aws.String(string(forged))},
			"garbage token":             {InstanceId: &inst, NextToken: aws.String("!!!")},
			"token of another query":    {InstanceId: &other, NextToken: &tok},
			"token with another filter": {InstanceId: &inst, NextToken: &tok, Status: types.TaskTemplateStatusActive},
			"MaxResults 0":              {InstanceId: &inst, MaxResults: aws.Int32(0)},
			"MaxResults 101":            {InstanceId: &inst, MaxResults: aws.Int32(101)},
		} {
			_, err := c.ListTaskTemplates(ctx, in)
			var ip *types.InvalidParameterException
			if !errAs(err, &ip) {
				t.Errorf("%s: want InvalidParameterException, got %v", name, err)
			}
		}
		// spec-facts §5, obs. [S10]: a status other than ACTIVE/INACTIVE lists nothing, without an error.
		none, err := c.ListTaskTemplates(ctx, &connect.ListTaskTemplatesInput{InstanceId: &inst, Status: "active"})
		if err != nil || len(none.TaskTemplates) != 0 || none.NextToken != nil {
			t.Fatalf("status \"active\": %v %v", none, err)
		}
	})
}

func TestListTaskTemplates_largeInstanceKeysetPaging(t *testing.T) {
	eachStore(t, func(t *testing.T, srv *connecttest.Server) {
		c := srv.Client
		inst := mustInstance(t, c)
		const n = 250
		for i := 0; i < n; i++ {
			mustTemplate(t, c, quickTemplate(inst, fmt.Sprintf("bulk-%03d", i)))
		}
		p := connect.NewListTaskTemplatesPaginator(c, &connect.ListTaskTemplatesInput{InstanceId: &inst, MaxResults: aws.Int32(100)})
		count := 0
		seen := map[string]bool{}
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range page.TaskTemplates {
				if seen[*m.Id] {
					t.Fatalf("%s listed twice", *m.Id)
				}
				seen[*m.Id] = true
				count++
			}
		}
		if count != n {
			t.Fatalf("listed %d, want %d", count, n)
		}
	}, func(s *connectlocal.Service) { s.Quotas.TemplatesPerInstance = 1000 })
}
