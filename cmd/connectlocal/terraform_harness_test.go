package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/connectlocal/connectlocal/internal/connecttest"
	"github.com/connectlocal/connectlocal/internal/e2e"
)

// terraformRun is one Terraform working directory against a connectlocal process of its own, for the
// end-to-end tests of every resource group (terraform_*_test.go).
type terraformRun struct {
	t       *testing.T
	tf      string
	dir     string
	work    string
	cli     string
	version string
	URL     string
	Client  *connect.Client // account 123456789012, us-east-1: the provider block's
	last    string          // what the last run printed
}

// tfProvider is the provider block every configuration starts with: %[1]s the provider version, %[2]s the
// endpoint.
const tfProvider = `terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "%[1]s" }
  }
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "123456789012"
  secret_key                  = "secret"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    connect = "%[2]s"
  }
}
`

// newTerraform starts connectlocal on SQLite and prepares a working directory, or skips the test when
// Terraform or the provider mirror is missing.
func newTerraform(t *testing.T) *terraformRun {
	t.Helper()
	e2e.Require(t, "Terraform runs the aws provider several times, a minute or more each")
	tf, err := exec.LookPath("terraform")
	if err != nil {
		t.Skip("terraform is not on PATH: install Terraform (1.11 is known to work) to run the Terraform end-to-end test")
	}
	mirror, version, ok := providerMirror()
	if !ok {
		t.Skip("no filesystem mirror holding registry.terraform.io/hashicorp/aws: set CONNECTLOCAL_TF_PLUGIN_MIRROR to one (5.100.0 is known to work)")
	}
	p := startServe(t, nil, "--store", "sqlite:"+filepath.Join(t.TempDir(), "tf.db"))
	r := &terraformRun{t: t, tf: tf, dir: t.TempDir(), version: version, URL: p.URL,
		Client: connecttest.NewClient(p.URL, "123456789012", "us-east-1")}
	r.cli = filepath.Join(r.dir, "cli.tfrc")
	if err := os.WriteFile(r.cli, fmt.Appendf(nil, `provider_installation {
  filesystem_mirror {
    path    = %q
    include = ["registry.terraform.io/hashicorp/aws"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/aws"]
  }
}
`, mirror), 0o644); err != nil {
		t.Fatal(err)
	}
	r.work = filepath.Join(r.dir, "work")
	if err := os.Mkdir(r.work, 0o755); err != nil {
		t.Fatal(err)
	}
	return r
}

// write replaces main.tf with the provider block followed by resources.
func (r *terraformRun) write(resources string) {
	r.t.Helper()
	body := fmt.Sprintf(tfProvider, r.version, r.URL) + "\n" + resources
	if err := os.WriteFile(filepath.Join(r.work, "main.tf"), []byte(body), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// run runs terraform and returns its exit code; any code but the allowed ones fails the test.
func (r *terraformRun) run(allowed []int, args ...string) int {
	r.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, r.tf, append([]string{"-chdir=" + r.work}, args...)...)
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+r.cli, "TF_IN_AUTOMATION=1", "TF_INPUT=0", "CHECKPOINT_DISABLE=1",
		"TF_DATA_DIR="+filepath.Join(r.dir, "data"), "TF_PLUGIN_CACHE_DIR=")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	r.last = out.String()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		r.t.Fatalf("terraform %s: %v\n%s", args[0], err, out.String())
	}
	for _, a := range allowed {
		if code == a {
			return code
		}
	}
	r.t.Fatalf("terraform %s exited %d:\n%s", strings.Join(args, " "), code, out.String())
	return code
}

// init, apply, planNoChanges and destroy are the four steps every end-to-end test takes.
func (r *terraformRun) init()  { r.t.Helper(); r.run([]int{0}, "init", "-no-color") }
func (r *terraformRun) apply() { r.t.Helper(); r.run([]int{0}, "apply", "-auto-approve", "-no-color") }

// planNoChanges asserts a plan shows no change (-detailed-exitcode: 0 is none, 2 is a diff).
func (r *terraformRun) planNoChanges() {
	r.t.Helper()
	r.run([]int{0}, "plan", "-detailed-exitcode", "-no-color")
}
func (r *terraformRun) destroy() {
	r.t.Helper()
	r.run([]int{0}, "destroy", "-auto-approve", "-no-color")
}
