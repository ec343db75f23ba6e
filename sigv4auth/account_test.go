package sigv4auth_test

import (
	"testing"

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
