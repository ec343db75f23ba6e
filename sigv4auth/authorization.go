package sigv4auth

import (
	"strings"

	"github.com/connectlocal/connectlocal"
)

const algorithm = "AWS4-HMAC-SHA256"

// Authorization is a parsed SigV4 Authorization header.
type Authorization struct {
	AccessKeyID   string
	Date          string // the scope's YYYYMMDD
	Region        string
	Service       string
	SignedHeaders []string
	Signature     string
}

// ParseAuthorization reads "AWS4-HMAC-SHA256 Credential=KEY/DATE/REGION/SERVICE/aws4_request,
// SignedHeaders=a;b, Signature=HEX". A malformed header is an IncompleteAuth error in AWS's words.
func ParseAuthorization(h string) (Authorization, error) {
	var a Authorization
	rest, ok := strings.CutPrefix(h, algorithm+" ")
	if !ok {
		return a, incomplete(h, "Credential", "Signature", "SignedHeaders")
	}
	var credential, signedHeaders, signature string
	for _, part := range strings.Split(rest, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return a, connectlocal.Errorf(connectlocal.IncompleteAuth,
				"'%s' not a valid key=value pair (missing equal-sign) in Authorization header: '%s'.", part, h)
		}
		switch k {
		case "Credential":
			credential = v
		case "SignedHeaders":
			signedHeaders = v
		case "Signature":
			signature = v
		}
	}
	var missing []string
	for _, want := range [][2]string{{"Credential", credential}, {"Signature", signature}, {"SignedHeaders", signedHeaders}} {
		if want[1] == "" {
			missing = append(missing, want[0])
		}
	}
	if len(missing) > 0 {
		return a, incomplete(h, missing...)
	}
	parts := strings.Split(credential, "/")
	if len(parts) != 5 || parts[0] == "" || parts[1] == "" || parts[2] == "" || parts[3] == "" {
		return a, connectlocal.Errorf(connectlocal.IncompleteAuth,
			"Credential should be scoped to a valid region, service and terminator: '%s'.", credential)
	}
	if parts[4] != "aws4_request" {
		return a, connectlocal.Errorf(connectlocal.IncompleteAuth,
			"Credential should be scoped with a valid terminator: 'aws4_request', not '%s'.", parts[4])
	}
	a.AccessKeyID, a.Date, a.Region, a.Service = parts[0], parts[1], parts[2], parts[3]
	a.SignedHeaders = strings.Split(signedHeaders, ";")
	a.Signature = signature
	return a, nil
}

func incomplete(h string, missing ...string) error {
	var b strings.Builder
	for _, m := range missing {
		b.WriteString("Authorization header requires '" + m + "' parameter. ")
	}
	b.WriteString("Authorization=" + h)
	return connectlocal.Errorf(connectlocal.IncompleteAuth, "%s", b.String())
}
