// Package seed applies a seed file: a state document (awsapi/document.go) written by hand, in JSON or YAML,
// whose instances, flows and templates are created at start when missing and left alone when present, so a
// test suite can start connectlocal with known state. An export is a valid seed file.
package seed

import (
	"context"
	"fmt"
	"os"

	"github.com/connectlocal/connectlocal"
	"github.com/connectlocal/connectlocal/awsapi"
	"sigs.k8s.io/yaml"
)

// Read reads a seed file, JSON or YAML, and returns it as JSON.
func Read(path string) ([]byte, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	js, err := yaml.YAMLToJSON(raw) // JSON is YAML, so one parser reads both
	if err != nil {
		return nil, fmt.Errorf("seed %s: %v", path, err)
	}
	return js, nil
}

// Decode reads a seed document as a state document, refusing it whole on an unknown key or a member the
// model refuses; it needs no store, so serve checks the file before it opens one.
func Decode(doc []byte, defaultAccount string) (connectlocal.Snapshot, error) {
	snap, err := awsapi.DecodeDocument(doc, defaultAccount)
	if err != nil {
		return snap, fmt.Errorf("seed: %s", Describe(err))
	}
	return snap, nil
}

// Apply creates what the document declares and the store lacks, through Service.Import: the checks the API
// applies, one transaction, and the first entry refused refuses the whole file with an error naming it.
func Apply(ctx context.Context, svc *connectlocal.Service, snap connectlocal.Snapshot) (connectlocal.ImportResult, error) {
	res, err := svc.Import(ctx, snap)
	if err != nil {
		return res, fmt.Errorf("seed: %s", Describe(err))
	}
	return res, nil
}

// Describe renders an error with every template violation, for people reading a terminal.
func Describe(err error) string {
	e, ok := err.(*connectlocal.Error)
	if !ok {
		return err.Error()
	}
	msg := e.Message
	for _, v := range e.Violations {
		msg += fmt.Sprintf("\n  %s: %s (%s)", v.Path, v.Message, v.Reason)
	}
	for _, p := range e.Problems {
		msg += "\n  " + p
	}
	return msg
}
