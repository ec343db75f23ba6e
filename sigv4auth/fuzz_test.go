package sigv4auth_test

import (
	"strings"
	"testing"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/sigv4auth"
)

// Any header either parses into a complete scope or is refused as IncompleteAuth; nothing panics.
func FuzzParseAuthorization(f *testing.F) {
	f.Add("AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc")
	f.Add("AWS4-HMAC-SHA256 Credential=a/b/c/d/e")
	f.Add("AWS4-HMAC-SHA256 Credential, SignedHeaders=, Signature==")
	f.Add("Bearer x")
	f.Add("")
	f.Fuzz(func(t *testing.T, h string) {
		a, err := sigv4auth.ParseAuthorization(h)
		if err != nil {
			if connectlocal.CodeOf(err) != connectlocal.IncompleteAuth {
				t.Fatalf("%q: %v is not IncompleteAuth", h, err)
			}
			return
		}
		if a.AccessKeyID == "" || a.Region == "" || a.Service == "" || a.Signature == "" || len(a.SignedHeaders) == 0 ||
			!strings.Contains(h, a.Signature) {
			t.Fatalf("%q parsed into an incomplete %+v", h, a)
		}
	})
}
