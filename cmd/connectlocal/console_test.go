package main

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
)

// serve mounts the console at /console/ and says where; --console=false (or CONNECTLOCAL_CONSOLE=false)
// leaves it out.
func TestServe_console(t *testing.T) {
	get := func(t *testing.T, url string) (int, string) {
		t.Helper()
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	t.Run("on by default", func(t *testing.T) {
		p := startServe(t, nil, "--store", "memory")
		if !strings.Contains(p.startup, "console: "+p.URL+"/console/") {
			t.Fatalf("start-up lines do not name the console:\n%s", p.startup)
		}
		get(t, p.URL+"/instance") // an SDK-less request the console must list
		code, body := get(t, p.URL+"/console/")
		if code != http.StatusOK || !strings.Contains(body, "<h1>Requests</h1>") || !strings.Contains(body, "ListInstances") {
			t.Fatalf("/console/: %d\n%s", code, body)
		}
	})
	for name, c := range map[string]struct{ env, args []string }{
		"off by flag":     {nil, []string{"--console=false"}},
		"off by variable": {[]string{"CONNECTLOCAL_CONSOLE=false"}, nil},
	} {
		t.Run(name, func(t *testing.T) {
			p := startServe(t, c.env, append([]string{"--store", "memory"}, c.args...)...)
			if strings.Contains(p.startup, "console:") {
				t.Fatalf("start-up lines name a console that is off:\n%s", p.startup)
			}
			if code, body := get(t, p.URL+"/console/"); code != http.StatusNotFound || strings.Contains(body, "<html") {
				t.Fatalf("/console/ with the console off: %d %s", code, body)
			}
		})
	}
}

// With --auth sigv4 the console asks for a key and secret of the credentials file and shows only that key's
// account; the API keeps refusing unsigned calls.
func TestServe_consoleSignIn(t *testing.T) {
	creds := filepath.Join(t.TempDir(), "credentials")
	os.WriteFile(creds, []byte("[a]\naws_access_key_id = AKIAA00000000000001\naws_secret_access_key = s3cret\naws_account_id = 333333333333\n"+
		"[b]\naws_access_key_id = AKIAB00000000000002\naws_secret_access_key = other\naws_account_id = 444444444444\n"), 0o600)
	p := startServe(t, nil, "--store", "memory", "--auth", "sigv4", "--credentials", creds)
	signed := func(id, secret string) *connect.Client {
		return connect.New(connect.Options{BaseEndpoint: aws.String(p.URL), Region: "eu-west-1", Retryer: aws.NopRetryer{},
			Credentials: credentials.NewStaticCredentialsProvider(id, secret, "")})
	}
	if _, err := signed("AKIAA00000000000001", "s3cret").ListInstances(context.Background(), &connect.ListInstancesInput{}); err != nil {
		t.Fatal(err)
	}
	if _, err := signed("AKIAB00000000000002", "other").ListTaskTemplates(context.Background(), &connect.ListTaskTemplatesInput{InstanceId: aws.String("x")}); err == nil {
		t.Fatal("ListTaskTemplates of a missing instance succeeded")
	}
	if code, body := getStatus(t, http.DefaultClient, p.URL+"/instance"); code != http.StatusForbidden || !strings.Contains(body, "Missing Authentication Token") {
		t.Fatalf("an unsigned API call: %d %s", code, body)
	}

	jar, _ := cookiejar.New(nil)
	browser := &http.Client{Jar: jar}
	code, body := getStatus(t, browser, p.URL+"/console/requests")
	if code != http.StatusOK || !strings.Contains(body, `id="login-form"`) {
		t.Fatalf("the console without signing in: %d\n%s", code, body)
	}
	resp, err := browser.PostForm(p.URL+"/console/login", url.Values{"access_key_id": {"AKIAA00000000000001"}, "secret_access_key": {"wrong"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("a wrong secret: %d", resp.StatusCode)
	}
	resp, err = browser.PostForm(p.URL+"/console/login", url.Values{"access_key_id": {"AKIAA00000000000001"}, "secret_access_key": {"s3cret"},
		"next": {"/console/requests"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/console/requests" {
		t.Fatalf("signing in: %d at %s", resp.StatusCode, resp.Request.URL)
	}
	_, body = getStatus(t, browser, p.URL+"/console/requests")
	if !strings.Contains(body, "Signed in to account 333333333333") || !strings.Contains(body, "ListInstances") ||
		strings.Contains(body, "ListTaskTemplates") || strings.Contains(body, "444444444444") || strings.Contains(body, "000000000000") {
		t.Fatalf("the request list of account 333333333333:\n%s", body)
	}
	if code, _ := getStatus(t, browser, p.URL+"/console/a/444444444444/eu-west-1/"); code != http.StatusNotFound {
		t.Fatalf("another account's page: %d", code)
	}
	if code, _ := getStatus(t, browser, p.URL+"/console/a/333333333333/eu-west-1/"); code != http.StatusOK {
		t.Fatalf("the account's own page: %d", code)
	}
}

func getStatus(t *testing.T, c *http.Client, url string) (int, string) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}
