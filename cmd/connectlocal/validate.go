package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/connectlocal/connectlocal/templatefile"
)

// exitError makes the process exit with a status other than 2: `validate` exits 1 when it finds problems.
type exitError struct {
	status int
	msg    string
}

func (e *exitError) Error() string { return e.msg }

// exitStatus is the process status for run's error: 2 (bad usage, unreadable input) unless it says otherwise.
func exitStatus(err error) int {
	var e *exitError
	if errors.As(err, &e) {
		return e.status
	}
	return 2
}

// ignoreFlag collects --ignore CODE (repeatable, or comma-separated).
type ignoreFlag []string

func (f *ignoreFlag) String() string { return strings.Join(*f, ",") }

func (f *ignoreFlag) Set(s string) error {
	for _, code := range strings.Split(s, ",") {
		code = strings.TrimSpace(code)
		if !slices.Contains(templatefile.WarningCodes, code) {
			return fmt.Errorf("unknown warning code %q: want one of %s", code, strings.Join(templatefile.WarningCodes, ", "))
		}
		*f = append(*f, code)
	}
	return nil
}

// validate checks task-template files offline with the server's own checks (templatefile, awsapi.Check).
// Exit status: 0 clean, 1 when anything is reported, 2 when a file cannot be read.
func validate(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	usageTo := func(w io.Writer) {
		fmt.Fprintf(w, "usage: connectlocal validate [--format text|json] [--ignore CODE] FILE...\n\n"+
			"Checks CreateTaskTemplate/UpdateTaskTemplate CLI inputs (JSON or YAML, one or a list) and CloudFormation\n"+
			"templates' AWS::Connect::* resources (the types Cloud Control serves) as the server would. Warning codes: %s.\n\n",
			strings.Join(templatefile.WarningCodes, ", "))
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
	}
	fs.Usage = func() {} // Parse's caller prints it: to stdout when asked for, to stderr after a mistake
	format := fs.String("format", "text", "output format: text or json")
	var ignore ignoreFlag
	fs.Var(&ignore, "ignore", "warning `CODE` to leave out (repeatable)")
	var files []string
	for { // flags may come after files too: validate a.json --format json
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				// Asked for, help is the answer: stdout and status 0, as every other --help (issue 19 #15).
				usageTo(stdout)
				return nil
			}
			usageTo(stderr)
			return err
		}
		if args = fs.Args(); len(args) == 0 {
			break
		}
		files, args = append(files, args[0]), args[1:]
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("--format must be text or json, not %q", *format)
	}
	if len(files) == 0 {
		usageTo(stderr)
		return errors.New("validate: no files given")
	}
	all := []templatefile.Finding{}
	var unreadable []string
	for _, name := range files {
		data, err := os.ReadFile(name)
		var found []templatefile.Finding
		if err == nil {
			found, err = templatefile.Check(name, data)
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			unreadable = append(unreadable, name)
			continue
		}
		for _, f := range found {
			if f.Severity != "warning" || !slices.Contains(ignore, f.Code) {
				all = append(all, f)
			}
		}
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(all); err != nil {
			return err
		}
	} else {
		for _, f := range all {
			fmt.Fprintln(stdout, f)
		}
	}
	switch {
	case len(unreadable) > 0:
		return fmt.Errorf("validate: cannot read %s", strings.Join(unreadable, ", "))
	case len(all) > 0:
		return &exitError{status: 1, msg: fmt.Sprintf("validate: %d problem(s) found", len(all))}
	}
	return nil
}
