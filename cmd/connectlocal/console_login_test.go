package main

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
)

// browser is an http.Client with a cookie jar that, like a browser's same-origin form, says where a request
// comes from (Sec-Fetch-Site) and does not follow redirects, so each answer can be checked.
type browser struct {
	t    *testing.T
	base string
	c    *http.Client
}

func newBrowser(t *testing.T, base string) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: base, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) do(method, path string, form url.Values, site string) (*http.Response, string) {
	b.t.Helper()
	req, _ := http.NewRequest(method, b.base+path, strings.NewReader(form.Encode()))
	if method == http.MethodPost {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Sec-Fetch-Site", site)
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func (b *browser) get(path string) (int, string) {
	b.t.Helper()
	resp, body := b.do(http.MethodGet, path, nil, "same-origin")
	return resp.StatusCode, body
}

func (b *browser) post(path string, form url.Values) (int, string) {
	b.t.Helper()
	resp, body := b.do(http.MethodPost, path, form, "same-origin")
	return resp.StatusCode, body
}

// Under --auth sigv4 the console signs in with a key and secret of the credentials file and then shows and
// changes only that key's account: its requests, its resources (also when another account's URL is typed in)
// and its reset. A wrong key id and a wrong secret get the same answer; the sign-in form is CSRF-protected;
// signing out ends the session on the server.
func TestServe_consoleSignInKeepsToOneAccount(t *testing.T) {
	creds := filepath.Join(t.TempDir(), "credentials")
	os.WriteFile(creds, []byte("[a]\naws_access_key_id = AKIALOGINA0000000001\naws_secret_access_key = secret-a\naws_account_id = 333333333333\n"+
		"[b]\naws_access_key_id = AKIALOGINB0000000002\naws_secret_access_key = secret-b\naws_account_id = 444444444444\n"), 0o600)
	p := startServe(t, nil, "--store", "memory", "--auth", "sigv4", "--credentials", creds)
	client := func(id, secret string) *connect.Client {
		return connect.New(connect.Options{BaseEndpoint: aws.String(p.URL), Region: "us-east-1", Retryer: aws.NopRetryer{},
			Credentials: credentials.NewStaticCredentialsProvider(id, secret, "")})
	}
	a, b := client("AKIALOGINA0000000001", "secret-a"), client("AKIALOGINB0000000002", "secret-b")
	template := func(c *connect.Client, inst, name string) (id, requestID string) {
		t.Helper()
		out, err := c.CreateTaskTemplate(t.Context(), &connect.CreateTaskTemplateInput{InstanceId: &inst, Name: aws.String(name), Fields: fields})
		if err != nil {
			t.Fatal(err)
		}
		rid, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata)
		return *out.Id, rid
	}
	instA, instB := createInstance(t, a, "login-a"), createInstance(t, b, "login-b")
	tmplA, reqA := template(a, instA, "tmpl-of-a")
	tmplB, reqB := template(b, instB, "tmpl-of-b")

	// Refused calls: unsigned, and signed with an unknown key id that is A's account number (ListInstances
	// both), and with A's key id but a wrong secret (DescribeInstance). The first two name no key of the file
	// and are shown to no account (--auth off would read the account from that key id); the third is shown to
	// A, whose key it names.
	if _, err := client("333333333333", "guess").ListInstances(t.Context(), &connect.ListInstancesInput{}); err == nil {
		t.Fatal("a call with an unknown key succeeded")
	}
	if resp, err := http.Get(p.URL + "/instance"); err != nil || resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an unsigned call: %v %v", resp.StatusCode, err)
	} else {
		resp.Body.Close()
	}
	if _, err := client("AKIALOGINA0000000001", "not-the-secret").DescribeInstance(t.Context(),
		&connect.DescribeInstanceInput{InstanceId: &instA}); err == nil || !strings.Contains(err.Error(), "InvalidSignatureException") {
		t.Fatalf("a call with a wrong secret: %v", err)
	}

	br := newBrowser(t, p.URL)
	if code, body := br.get("/console/requests"); code != http.StatusSeeOther {
		t.Fatalf("the console before signing in: %d\n%s", code, body)
	}
	code, form := br.get("/console/login?next=/console/requests")
	if code != http.StatusOK || !strings.Contains(form, `<label for="access_key_id">`) || !strings.Contains(form, `<label for="secret_access_key">`) {
		t.Fatalf("the sign-in form: %d\n%s", code, form)
	}

	// Another site cannot sign a visitor in (http.CrossOriginProtection covers the form too).
	if resp, _ := br.do(http.MethodPost, "/console/login", url.Values{"access_key_id": {"AKIALOGINA0000000001"},
		"secret_access_key": {"secret-a"}}, "cross-site"); resp.StatusCode != http.StatusForbidden || len(resp.Cookies()) != 0 {
		t.Fatalf("a cross-site sign-in: %d, cookies %v", resp.StatusCode, resp.Cookies())
	}
	// A wrong secret and an unknown key id: the form again, one message that does not say which part was wrong.
	var refusals []string
	for _, bad := range []url.Values{
		{"access_key_id": {"AKIALOGINA0000000001"}, "secret_access_key": {"secret-b"}},
		{"access_key_id": {"AKIALOGINZ0000000009"}, "secret_access_key": {"secret-a"}},
	} {
		resp, body := br.do(http.MethodPost, "/console/login", bad, "same-origin")
		if resp.StatusCode != http.StatusUnauthorized || len(resp.Cookies()) != 0 || !strings.Contains(body, `id="login-form"`) {
			t.Fatalf("signing in with %v: %d, cookies %v\n%s", bad, resp.StatusCode, resp.Cookies(), body)
		}
		refusals = append(refusals, strings.ReplaceAll(body, bad.Get("access_key_id"), "KEY"))
	}
	if refusals[0] != refusals[1] || !strings.Contains(refusals[0], `role="alert"`) {
		t.Fatalf("a wrong secret and a wrong key id are answered differently:\n%s\n---\n%s", refusals[0], refusals[1])
	}

	resp, _ := br.do(http.MethodPost, "/console/login", url.Values{"access_key_id": {"AKIALOGINA0000000001"},
		"secret_access_key": {"secret-a"}, "next": {"/console/requests"}}, "same-origin")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/console/requests" || len(resp.Cookies()) != 1 {
		t.Fatalf("signing in: %d to %q, cookies %v", resp.StatusCode, resp.Header.Get("Location"), resp.Cookies())
	}
	ck := resp.Cookies()[0]
	if !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Path != "/console/" || len(ck.Value) < 32 {
		t.Fatalf("the session cookie: %+v", ck)
	}

	// A's requests only, and A's request entry but not B's.
	code, list := br.get("/console/requests")
	if code != http.StatusOK || !strings.Contains(list, "Signed in to account 333333333333") ||
		!strings.Contains(list, "/console/requests/"+reqA) || strings.Contains(list, reqB) || strings.Contains(list, "444444444444") {
		t.Fatalf("the request list signed in to A: %d\n%s", code, list)
	}
	if !strings.Contains(list, "DescribeInstance") || strings.Contains(list, "ListInstances") {
		t.Fatalf("the refused calls in A's request list:\n%s", list)
	}
	if code, body := br.get("/console/requests/" + reqA); code != http.StatusOK || !strings.Contains(body, "tmpl-of-a") {
		t.Fatalf("A's request: %d", code)
	}
	if code, body := br.get("/console/requests/" + reqB); code != http.StatusNotFound || strings.Contains(body, "tmpl-of-b") {
		t.Fatalf("B's request by URL: %d", code)
	}
	if _, body := br.get("/console/resources"); strings.Contains(body, "444444444444") || !strings.Contains(body, "333333333333") {
		t.Fatalf("the resources page lists another account:\n%s", body)
	}
	inA := "/console/a/333333333333/us-east-1/"
	if code, body := br.get(inA + "i/" + instA + "/t/" + tmplA + "/"); code != http.StatusOK || !strings.Contains(body, "tmpl-of-a") {
		t.Fatalf("A's template: %d", code)
	}
	// B's pages, by B's account or with B's ids under A's: not found, and nothing of B is shown.
	inB := "/console/a/444444444444/us-east-1/"
	for _, path := range []string{inB, inB + "i/" + instB + "/", inB + "i/" + instB + "/t/" + tmplB + "/",
		inB + "i/" + instB + "/t/" + tmplB + "/preview", inB + "reset",
		inA + "i/" + instB + "/", inA + "i/" + instB + "/t/" + tmplB + "/", inA + "i/" + instB + "/t/" + tmplB + "/edit"} {
		code, body := br.get(path)
		if code != http.StatusNotFound || strings.Contains(body, "tmpl-of-b") || strings.Contains(body, "login-b") {
			t.Errorf("GET %s signed in to A: %d", path, code)
		}
	}
	// Opening B's account from the resources form leads to the same refusal.
	if resp, _ := br.do(http.MethodGet, "/console/resources?account=444444444444&region=us-east-1", nil, "same-origin"); resp.Header.Get("Location") != inB {
		t.Fatalf("opening B from the resources form: %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	// Changes to B's template or a reset of B's account are refused and change nothing.
	for _, path := range []string{inB + "i/" + instB + "/t/" + tmplB + "/status", inA + "i/" + instB + "/t/" + tmplB + "/status",
		inB + "i/" + instB + "/t/" + tmplB + "/edit", inB + "i/" + instB + "/t/" + tmplB + "/preview", inB + "reset"} {
		if code, _ := br.post(path, url.Values{"status": {"INACTIVE"}, "name": {"taken-over"}}); code != http.StatusNotFound {
			t.Errorf("POST %s signed in to A: %d", path, code)
		}
	}
	got, err := b.GetTaskTemplate(t.Context(), &connect.GetTaskTemplateInput{InstanceId: &instB, TaskTemplateId: &tmplB})
	if err != nil || *got.Name != "tmpl-of-b" || got.Status != "ACTIVE" {
		t.Fatalf("B's template after A's console tried to change it: %v %+v", err, got)
	}

	// Reset from the console empties A's account only.
	if code, body := br.post(inA+"reset", nil); code != http.StatusOK || !strings.Contains(body, "instances: 1") {
		t.Fatalf("A's reset: %d\n%s", code, body)
	}
	if instances(t, a) != 0 || instances(t, b) != 1 {
		t.Fatal("the console's reset reached beyond the signed-in account")
	}

	// Signing out ends the session on the server: the old cookie no longer opens a page.
	if code, _ := br.post("/console/logout", nil); code != http.StatusSeeOther {
		t.Fatalf("sign out: %d", code)
	}
	if code, _ := br.get("/console/requests"); code != http.StatusSeeOther {
		t.Fatalf("the console after signing out: %d", code)
	}
	replay, _ := http.NewRequest(http.MethodGet, p.URL+"/console/requests", nil)
	replay.AddCookie(&http.Cookie{Name: ck.Name, Value: ck.Value})
	if resp, err := br.c.Do(replay); err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("the signed-out cookie replayed: %v %v", resp.StatusCode, err)
	} else {
		resp.Body.Close()
	}
}
