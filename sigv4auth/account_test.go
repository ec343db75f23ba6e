package sigv4auth_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/memory"
	"github.com/connectlocal/connectlocal/sigv4auth"
)

// Account answers a sign-in form: the key's account for its id and secret, and nothing else for any other pair.
func TestVerifierAccount(t *testing.T) {
	v := sigv4auth.New([]sigv4auth.Key{
		{AccessKeyID: "AKIAA", SecretAccessKey: "secret-a", Account: "111111111111"},
		{AccessKeyID: "AKIAB", SecretAccessKey: "secret-b", Account: "222222222222", SessionToken: "tok"},
	})
	for _, c := range []struct {
		id, secret, account string
		ok                  bool
	}{
		{"AKIAA", "secret-a", "111111111111", true},
		{"AKIAB", "secret-b", "222222222222", true},
		{"AKIAA", "secret-b", "", false}, // another key's secret
		{"AKIAA", "secret-a ", "", false},
		{"AKIAA", "", "", false},
		{"AKIAX", "secret-a", "", false}, // unknown id
		{"", "", "", false},
		{"akiaa", "secret-a", "", false}, // ids are exact, as in a signature
	} {
		if account, ok := v.Account(c.id, c.secret); account != c.account || ok != c.ok {
			t.Errorf("Account(%q, %q) = %q, %v; want %q, %v", c.id, c.secret, account, ok, c.account, c.ok)
		}
	}
}

// A refused request is recorded under the account of the key it names when the file has that key, else
// under none: never under an account read from an unverified key id, as --auth off would.
func TestSigV4_refusedRequestsScope(t *testing.T) {
	path := filepath.Join(t.TempDir(), "credentials")
	os.WriteFile(path, []byte(credentialsFile), 0o600)
	keys, err := sigv4auth.LoadCredentials(context.Background(), path, "000000000000")
	if err != nil {
		t.Fatal(err)
	}
	v := sigv4auth.New(keys)
	var mu sync.Mutex
	var seen []connectlocal.Scope
	srv := connecttest.StartWith(t, memory.New(), connecttest.Options{Before: []gateway.Before{v.Before},
		After: []gateway.After{func(x *gateway.Exchange) {
			mu.Lock()
			defer mu.Unlock()
			seen = append(seen, x.Scope)
		}}})
	e := &env{url: srv.URL, verifier: v}
	for _, c := range []struct {
		client *connect.Client
		want   connectlocal.Scope
	}{
		{e.alice(), connectlocal.Scope{Account: "111111111111", Region: "us-east-1"}},
		{e.client("AKIAALICE0000000001", "wrong", "", "eu-west-2"), connectlocal.Scope{Account: "111111111111", Region: "eu-west-2"}},
		{e.client("222222222222", "guess", "", "us-east-1"), connectlocal.Scope{}}, // bob's account number as a key id
		{connecttest.NewClient(srv.URL, "222222222222", "us-east-1"), connectlocal.Scope{}},
	} {
		mu.Lock()
		seen = nil
		mu.Unlock()
		c.client.ListInstances(context.Background(), &connect.ListInstancesInput{})
		mu.Lock()
		if len(seen) != 1 || seen[0] != c.want {
			t.Errorf("recorded scopes %v, want [%v]", seen, c.want)
		}
		mu.Unlock()
	}
	resp, err := http.Get(srv.URL + "/instance")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 2 || seen[1] != (connectlocal.Scope{}) {
		t.Errorf("an unsigned request recorded under %v", seen)
	}
}
