package sigv4auth

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/gateway"
)

// Window is how far X-Amz-Date may be from the server's clock (AWS common errors, RequestExpired: 15 minutes).
const Window = 15 * time.Minute

const (
	amzDateFormat   = "20060102T150405Z"
	unsignedPayload = "UNSIGNED-PAYLOAD"
)

// Verifier checks SigV4 signatures; its Before method is a gateway Before hook.
type Verifier struct {
	keys map[string]Key
	// Now is the server's clock (tests set it); nil means time.Now.
	Now func() time.Time
	// Open lists the paths served without a signature (the health and metrics endpoints).
	Open []string
	// MaxBodyBytes caps the body read to hash it; it should be the API's own cap. 0 means 1 MiB.
	MaxBodyBytes int64
	signer       *v4.Signer
}

// New returns a Verifier accepting keys, with /_connectlocal/health and /_connectlocal/metrics left open.
func New(keys []Key) *Verifier {
	v := &Verifier{keys: map[string]Key{}, Open: []string{"/_connectlocal/health", "/_connectlocal/metrics"},
		signer: v4.NewSigner()}
	for _, k := range keys {
		v.keys[k.AccessKeyID] = k
	}
	return v
}

var regionRe = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)

// Before verifies the request's signature and sets x.Scope to the key's account and the scope's region; a
// refused request keeps the account of the key it names, or none when that key is unknown.
func (v *Verifier) Before(r *http.Request, x *gateway.Exchange) error {
	if slices.Contains(v.Open, r.URL.Path) {
		return nil
	}
	// Until the signature checks out the request acts in no account: a refused one is recorded (request log,
	// console) under the account of the key it names when that key exists, never under an account read from
	// an unverified key id (the gateway's --auth off rule), so a console signed in to one account cannot see what
	// was sent, unsigned or mis-signed, in another's name.
	x.Scope = connectlocal.Scope{}
	h := r.Header.Get("Authorization")
	if h == "" {
		return connectlocal.Errorf(connectlocal.MissingAuth, "Missing Authentication Token")
	}
	a, err := ParseAuthorization(h)
	if err != nil {
		return err
	}
	amzDate := r.Header.Get("X-Amz-Date")
	signed, err := time.Parse(amzDateFormat, amzDate)
	if err != nil {
		return connectlocal.Errorf(connectlocal.IncompleteAuth,
			"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=%s", h)
	}
	key, ok := v.keys[a.AccessKeyID]
	if ok {
		x.Scope = connectlocal.Scope{Account: key.Account, Region: a.Region}
	}
	token := r.Header.Get("X-Amz-Security-Token")
	if !ok || token != key.SessionToken {
		return connectlocal.Errorf(connectlocal.UnknownKey, "The security token included in the request is invalid.")
	}
	if service := serviceOf(r); a.Service != service {
		return connectlocal.Errorf(connectlocal.BadSignature, "Credential should be scoped to correct service: '%s'.", service)
	}
	if !regionRe.MatchString(a.Region) {
		return connectlocal.Errorf(connectlocal.BadSignature, "Credential should be scoped to a valid region.")
	}
	if a.Date != amzDate[:8] {
		return connectlocal.Errorf(connectlocal.BadSignature,
			"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%s' != '%s', from '%s'.",
			a.Date, amzDate[:8], amzDate)
	}
	now := time.Now
	if v.Now != nil {
		now = v.Now
	}
	t := now().UTC()
	switch {
	case signed.Before(t.Add(-Window)):
		return connectlocal.Errorf(connectlocal.BadSignature, "Signature expired: %s is now earlier than %s (%s - 15 min.)",
			amzDate, t.Add(-Window).Format(amzDateFormat), t.Format(amzDateFormat))
	case signed.After(t.Add(Window)):
		return connectlocal.Errorf(connectlocal.BadSignature, "Signature not yet current: %s is still later than %s (%s + 15 min.)",
			amzDate, t.Add(Window).Format(amzDateFormat), t.Format(amzDateFormat))
	}
	want, err := v.expected(r, a, key, token, signed)
	if err != nil {
		return err
	}
	if !hmac.Equal([]byte(want), []byte(a.Signature)) {
		return connectlocal.Errorf(connectlocal.BadSignature, "The request signature we calculated does not match the signature "+
			"you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
	}
	x.Scope = connectlocal.Scope{Account: key.Account, Region: a.Region}
	return nil
}

// serviceOf is the signing name the request must be scoped to: Cloud Control's JSON-1.0 calls (X-Amz-Target
// CloudApiService.*) are signed for cloudcontrolapi, everything else for connect.
func serviceOf(r *http.Request) string {
	if strings.HasPrefix(r.Header.Get("X-Amz-Target"), "CloudApiService.") {
		return "cloudcontrolapi"
	}
	return "connect"
}

// expected signs a copy of the request that holds only the headers the client says it signed, with the SDK's
// signer, and returns the signature the SDK would have sent.
func (v *Verifier) expected(r *http.Request, a Authorization, key Key, token string, signed time.Time) (string, error) {
	payload, err := v.payloadHash(r)
	if err != nil {
		return "", err
	}
	u := *r.URL
	u.Host = r.Host
	u.Scheme = "http"
	if r.TLS != nil {
		u.Scheme = "https"
	}
	c := &http.Request{Method: r.Method, URL: &u, Host: r.Host, Header: http.Header{}}
	for _, name := range a.SignedHeaders {
		switch name {
		case "host", "x-amz-date", "x-amz-security-token":
			// the signer writes these itself
		case "content-length":
			c.ContentLength = r.ContentLength
		default:
			if vals, ok := r.Header[http.CanonicalHeaderKey(name)]; ok {
				c.Header[http.CanonicalHeaderKey(name)] = vals
			}
		}
	}
	creds := aws.Credentials{AccessKeyID: key.AccessKeyID, SecretAccessKey: key.SecretAccessKey, SessionToken: token}
	if err := v.signer.SignHTTP(r.Context(), creds, c, payload, a.Service, a.Region, signed); err != nil {
		return "", connectlocal.Errorf(connectlocal.IncompleteAuth, "The request could not be signed: %v", err)
	}
	got, err := ParseAuthorization(c.Header.Get("Authorization"))
	if err != nil {
		return "", err
	}
	return got.Signature, nil
}

// payloadHash is X-Amz-Content-Sha256 when that is UNSIGNED-PAYLOAD, else the hex SHA-256 of the body, which is
// read (up to the cap) and handed back to the handler unchanged.
func (v *Verifier) payloadHash(r *http.Request) (string, error) {
	if r.Header.Get("X-Amz-Content-Sha256") == unsignedPayload {
		return unsignedPayload, nil
	}
	limit := v.MaxBodyBytes
	if limit == 0 {
		limit = 1 << 20
	}
	var body []byte
	if r.Body != nil && r.Body != http.NoBody {
		var err error
		body, err = io.ReadAll(io.LimitReader(r.Body, limit+1))
		if err != nil {
			return "", connectlocal.Errorf(connectlocal.InvalidArgument, "The request body could not be read")
		}
		r.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), r.Body))
	}
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:]), nil
}
