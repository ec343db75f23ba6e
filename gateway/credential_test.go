package gateway

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// credential answers what credentialRe does, for the usual headers and for headers built at random from the
// characters that matter to the expression.
func TestCredentialMatchesTheExpression(t *testing.T) {
	headers := []string{
		"",
		"AWS4-HMAC-SHA256 Credential=123456789012/20261125/us-east-1/connect/aws4_request, SignedHeaders=host, Signature=00",
		"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261125/eu-west-2/connect/aws4_request",
		"Credential=/x/y/", "Credential=a//b/", "Credential=a/b//c/", "Credential=a,b/c/d/ Credential=k/d/r/",
		"Credential=a b/c/d/", "Credential=a/b/c", "Credential=a\tb/c/d/ x Credential=k/d/r/e",
	}
	r := rand.New(rand.NewPCG(1, 2))
	parts := []string{"Credential=", "/", ",", " ", "\t", "\v", "a", "12", "us-east-1", "é"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := r.IntN(10); n >= 0; n-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		headers = append(headers, b.String())
	}
	for _, h := range headers {
		key, region, ok := credential(h)
		m := credentialRe.FindStringSubmatch(h)
		if ok != (m != nil) || (ok && (key != m[1] || region != m[2])) {
			t.Fatalf("%q: credential %q %q %v, expression %q", h, key, region, ok, m)
		}
	}
}

// Request ids are version 4 UUIDs and do not repeat.
func TestRequestIDs(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		id := newRequestID()
		u, err := uuid.Parse(id)
		if err != nil || u.Version() != 4 || u.Variant() != uuid.RFC4122 || seen[id] {
			t.Fatalf("%s: %v version %d variant %v repeated %v", id, err, u.Version(), u.Variant(), seen[id])
		}
		seen[id] = true
	}
}
