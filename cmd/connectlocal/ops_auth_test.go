package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
)

// Under --auth sigv4, reset and export need a signature and act only in the signer's account (issue 11).
func TestServe_signedResetActsInTheSignersAccount(t *testing.T) {
	creds := filepath.Join(t.TempDir(), "credentials")
	os.WriteFile(creds, []byte("[a]\naws_access_key_id = AKIAOPSA00000000001\naws_secret_access_key = secret-a\naws_account_id = 333333333333\n"+
		"[b]\naws_access_key_id = AKIAOPSB00000000001\naws_secret_access_key = secret-b\naws_account_id = 444444444444\n"), 0o600)
	p := startServe(t, nil, "--store", "memory", "--auth", "sigv4", "--credentials", creds)
	keys := map[string]aws.Credentials{
		"a": {AccessKeyID: "AKIAOPSA00000000001", SecretAccessKey: "secret-a"},
		"b": {AccessKeyID: "AKIAOPSB00000000001", SecretAccessKey: "secret-b"},
	}
	client := func(who string) *connect.Client {
		k := keys[who]
		return connect.New(connect.Options{BaseEndpoint: aws.String(p.URL), Region: "us-east-1", Retryer: aws.NopRetryer{},
			Credentials: credentials.NewStaticCredentialsProvider(k.AccessKeyID, k.SecretAccessKey, "")})
	}
	createInstance(t, client("a"), "ops-a")
	createInstance(t, client("b"), "ops-b")
	call := func(method, path, who string) (int, string) {
		req, _ := http.NewRequest(method, p.URL+path, nil)
		if who != "" {
			sum := sha256.Sum256(nil)
			v4.NewSigner().SignHTTP(context.Background(), keys[who], req, hex.EncodeToString(sum[:]), "connect", "us-east-1", time.Now())
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if status, _ := call("POST", "/_connectlocal/reset", ""); status != 403 {
		t.Fatalf("unsigned reset: %d", status)
	}
	if status, _ := call("POST", "/moto-api/reset", ""); status != 403 {
		t.Fatalf("unsigned moto reset: %d", status)
	}
	if status, body := call("POST", "/_connectlocal/reset?account=444444444444", "a"); status != 400 || !strings.Contains(body, "signer's account 333333333333") {
		t.Fatalf("A resetting B: %d %s", status, body)
	}
	if status, body := call("GET", "/_connectlocal/export", "b"); status != 200 || strings.Contains(body, "333333333333") || !strings.Contains(body, "ops-b") {
		t.Fatalf("B's export: %d %s", status, body)
	}
	status, body := call("POST", "/_connectlocal/reset", "a")
	var out struct{ Removed map[string]int }
	json.Unmarshal([]byte(body), &out)
	if status != 200 || out.Removed["instances"] != 1 {
		t.Fatalf("A's reset: %d %s", status, body)
	}
	if instances(t, client("a")) != 0 || instances(t, client("b")) != 1 {
		t.Fatal("a signed reset reached beyond the signer's account")
	}
}
