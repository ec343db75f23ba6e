package console_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/connectlocal/connectlocal/internal/connecttest"
)

// With a Login function the console needs a sign-in, and then shows one account: its requests, its scopes
// and its resources, never another's.
func TestSignInShowsOneAccount(t *testing.T) {
	e := startEnv(t, 100, true, withLogin)
	mine := mustInstance(t, e.Client, "mine")
	other := connecttest.NewClient(e.URL, "111122223333", "us-east-1")
	theirs := mustInstance(t, other, "theirs")

	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(path string) (int, string, string) {
		t.Helper()
		resp, err := browser.Get(e.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Location"), string(body)
	}
	post := func(path string, form url.Values) (int, string) {
		t.Helper()
		resp, err := browser.PostForm(e.URL+path, form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode, resp.Header.Get("Location")
	}
	base := "/console/a/" + connecttest.Account + "/" + connecttest.Region + "/"
	if code, loc, _ := get(base); code != http.StatusSeeOther || loc != "/console/login?next="+url.QueryEscape(base) {
		t.Fatalf("before signing in: %d to %q", code, loc)
	}
	if code, _ := post(base+"reset", nil); code != http.StatusUnauthorized || len(e.resets) != 0 {
		t.Fatalf("a reset before signing in: %d, resets %v", code, e.resets)
	}
	if code, _ := post("/console/login", url.Values{"access_key_id": {"AKIAONE"}, "secret_access_key": {"two"}}); code != http.StatusUnauthorized {
		t.Fatalf("a wrong secret: %d", code)
	}
	// A destination outside the console is dropped: the sign-in cannot be used to send a browser elsewhere.
	code, loc := post("/console/login", url.Values{"access_key_id": {"AKIAONE"}, "secret_access_key": {"one"}, "next": {"//evil.example/"}})
	if code != http.StatusSeeOther || loc != base {
		t.Fatalf("signing in: %d to %q", code, loc)
	}
	for path, want := range map[string]int{
		base: 200, base + "i/" + mine + "/": 200,
		"/console/a/111122223333/us-east-1/": 404, "/console/a/111122223333/us-east-1/i/" + theirs + "/": 404,
		"/console/a/111122223333/us-east-1/reset": 404,
	} {
		if code, _, _ := get(path); code != want {
			t.Errorf("%s: %d, want %d", path, code, want)
		}
	}
	_, _, list := get("/console/requests")
	if !strings.Contains(list, "Signed in to account "+connecttest.Account) || strings.Contains(list, "111122223333") ||
		strings.Count(list, `data-operation="CreateInstance"`) != 1 {
		t.Fatalf("request list:\n%s", list)
	}
	_, _, res := get("/console/resources")
	if strings.Contains(res, "111122223333") || !strings.Contains(res, base) {
		t.Fatalf("resources:\n%s", res)
	}
	if _, err := other.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: &theirs}); err != nil {
		t.Fatal(err)
	}
	for _, en := range e.ring() {
		if en.Scope.Account == "111122223333" {
			if code, _, _ := get("/console/requests/" + en.ID); code != http.StatusNotFound {
				t.Errorf("another account's request %s: %d", en.Operation, code)
			}
		}
	}
	if code, _ := post("/console/logout", nil); code != http.StatusSeeOther {
		t.Fatalf("sign out: %d", code)
	}
	if code, _, _ := get(base); code != http.StatusSeeOther {
		t.Fatalf("after signing out: %d", code)
	}
}
