package awsapi_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/postgres/postgrestest"
	"github.com/connectlocal/connectlocal/sqlite"
)

// stores lists the backends every API test runs on: memory and SQLite always, PostgreSQL when
// CONNECTLOCAL_TEST_POSTGRES names one.
func stores() []struct {
	name string
	open func(t *testing.T) connectlocal.Store
} {
	list := []struct {
		name string
		open func(t *testing.T) connectlocal.Store
	}{
		{"memory", func(t *testing.T) connectlocal.Store { return memory.New() }},
		{"sqlite", func(t *testing.T) connectlocal.Store {
			s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
			if err != nil {
				t.Fatal(err)
			}
			return s
		}},
	}
	if os.Getenv(postgrestest.EnvVar) != "" {
		list = append(list, struct {
			name string
			open func(t *testing.T) connectlocal.Store
		}{"postgres", func(t *testing.T) connectlocal.Store { return postgrestest.Open(t) }})
	}
	return list
}

// eachStore runs fn on a fresh server per store.
func eachStore(t *testing.T, fn func(t *testing.T, srv *connecttest.Server), configure ...func(*connectlocal.Service)) {
	t.Helper()
	for _, st := range stores() {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			fn(t, connecttest.Start(t, st.open(t), configure...))
		})
	}
}

var ctx = context.Background()

// mustInstance creates an instance and returns its id.
func mustInstance(t testing.TB, c *connect.Client) string {
	t.Helper()
	out, err := c.CreateInstance(ctx, &connect.CreateInstanceInput{
		IdentityManagementType: types.DirectoryTypeConnectManaged,
		InstanceAlias:          aws.String("inst-" + randomSuffix()),
		InboundCallsEnabled:    aws.Bool(true), OutboundCallsEnabled: aws.Bool(true),
	})
	if err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	return *out.Id
}

func randomSuffix() string {
	b := make([]byte, 4)
	f, _ := os.Open("/dev/urandom")
	defer f.Close()
	f.Read(b)
	return fmt.Sprintf("%x", b)
}

func field(name string, typ types.TaskTemplateFieldType, options ...string) types.TaskTemplateField {
	return types.TaskTemplateField{Id: &types.TaskTemplateFieldIdentifier{Name: aws.String(name)}, Type: typ, SingleSelectOptions: options}
}

// quickTemplate is a minimal valid template: a NAME field and a QUICK_CONNECT field, so no flow is needed.
func quickTemplate(instance, name string) *connect.CreateTaskTemplateInput {
	return &connect.CreateTaskTemplateInput{
		InstanceId: aws.String(instance), Name: aws.String(name),
		Fields: []types.TaskTemplateField{field("Name", types.TaskTemplateFieldTypeName), field("Assign", types.TaskTemplateFieldTypeQuickConnect)},
	}
}

func mustTemplate(t testing.TB, c *connect.Client, in *connect.CreateTaskTemplateInput) *connect.CreateTaskTemplateOutput {
	t.Helper()
	out, err := c.CreateTaskTemplate(ctx, in)
	if err != nil {
		t.Fatalf("CreateTaskTemplate: %v", err)
	}
	return out
}

// wantAPIError checks err's error code (X-Amzn-ErrorType) and returns it for further checks.
func wantAPIError(t testing.TB, err error, code string) smithy.APIError {
	t.Helper()
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("want %s, got %v", code, err)
	}
	if ae.ErrorCode() != code {
		t.Fatalf("want %s, got %s: %s", code, ae.ErrorCode(), ae.ErrorMessage())
	}
	if ae.ErrorMessage() == "" {
		t.Fatalf("%s has an empty message", code)
	}
	return ae
}

// wantViolations checks a PropertyValidationException lists exactly these path/reason pairs, in order.
func wantViolations(t testing.TB, err error, want ...string) {
	t.Helper()
	var pve *types.PropertyValidationException
	if !errors.As(err, &pve) {
		t.Fatalf("want PropertyValidationException, got %v", err)
	}
	var got []string
	for _, p := range pve.PropertyList {
		got = append(got, aws.ToString(p.PropertyPath)+" "+string(p.Reason))
		if aws.ToString(p.Message) == "" {
			t.Errorf("violation %s has no message", aws.ToString(p.PropertyPath))
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("violations:\n got %q\nwant %q", got, want)
	}
}

func errAs[T error](err error, target *T) bool { return errors.As(err, target) }

func memoryStore() connectlocal.Store { return memory.New() }

// steppingClock makes every reading of the service's clock one second later than the one before, so that
// creation order is list order (ties in CreatedTime are broken by id).
func steppingClock(s *connectlocal.Service) {
	var mu sync.Mutex
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Second)
		return now
	}
}
