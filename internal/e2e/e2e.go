// Package e2e gates the long end-to-end tests (Terraform, Chromium, crash rounds, the RSS bound, the soak,
// moto) behind CONNECTLOCAL_E2E=1, so a plain `go test ./...` stays short; .ci/run turns the switch on.
package e2e

import (
	"os"
	"testing"
)

// EnvVar is the switch: set to 1, the long end-to-end tests run.
const EnvVar = "CONNECTLOCAL_E2E"

// Enabled reports whether the switch is on.
func Enabled() bool { return os.Getenv(EnvVar) == "1" }

// Require skips the test unless the switch is on, naming the switch and what the test does.
func Require(t testing.TB, what string) {
	t.Helper()
	if !Enabled() {
		t.Skipf("long end-to-end test (%s): set %s=1 to run it (.ci/run does)", what, EnvVar)
	}
}

// Missing reports a tool the test needs and does not find: under CI=true a failure (CI must run every
// test), elsewhere a skip.
func Missing(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}
